//! Tests that run inside headless Chromium (wasm-bindgen-test-runner + chromedriver; see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

mod common;
use common::*;
use wakebuilder::audio::{self, Take, TrimConfig};
use wakebuilder::features::{FeatureConfig, LogMel, Spectrogram, StreamingLogMel};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn features_match_librosa_in_the_browser() {
    let spec = LogMel::new(FeatureConfig::default()).unwrap().compute(&fixture_samples());
    assert_eq!(spec.frames, HEY_JARVIS_FRAMES);
    let (max, mean) = abs_diff(&spec.data, &reference_logmel());
    assert!(max < GOLDEN_MAX_ABS && mean < GOLDEN_MEAN_ABS, "max {max}, mean {mean}");
}

#[wasm_bindgen_test]
fn streaming_equals_batch_in_the_browser() {
    let x = fixture_samples();
    let engine = LogMel::new(FeatureConfig::default()).unwrap();
    let batch = engine.compute(&x);
    let mut stream = StreamingLogMel::new(engine);
    let mut rows = Vec::new();
    for chunk in x.chunks(128) {
        rows.extend(stream.push(chunk));
    }
    rows.extend(stream.finish());
    assert_eq!(Spectrogram::from_frames(80, &rows), batch);
}

#[wasm_bindgen_test]
fn decodes_and_trims_a_take_in_the_browser() {
    let take = Take::from_wav(HEY_JARVIS, audio::DEFAULT_MAX_SECONDS, &TrimConfig::default()).unwrap();
    assert!(take.report.warnings.is_empty());
    let stereo_48k: Vec<f32> = sine(440.0, 0.5, 48_000, 0.5).iter().flat_map(|&s| [s, s]).collect();
    let out = audio::load_wav(&wav_bytes(&stereo_48k, 48_000, 2, 24, false), 10.0).unwrap();
    assert_eq!(out.len(), 8_000);
    assert!(audio::load_wav(b"not a wav", 10.0).is_err());
}

#[wasm_bindgen_test]
async fn burn_runs_on_the_cpu_backend_in_wasm() {
    wakebuilder::backend::matmul_check(&wakebuilder::backend::cpu()).await.unwrap();
}

/// Headless Chromium offers WebGPU through SwiftShader when started with --enable-unsafe-webgpu
/// (webdriver.json). If no adapter comes up this fails with the reason instead of passing silently.
#[wasm_bindgen_test]
async fn burn_runs_on_webgpu_in_the_browser() {
    wakebuilder::backend::webgpu_smoke_test().await.expect("WebGPU through burn");
}
