//! The wasm-bindgen face of the crate, used by the page's worker (`www/engine-worker.js`).
//!
//! JS only moves audio and messages; every number is computed here.

use crate::audio::{self, AudioError, StreamResampler, Take, TrimConfig};
use crate::features::{FeatureConfig, LogMel, StreamingLogMel};
use js_sys::{Float32Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Installs the panic hook so a Rust panic shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn js_err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    Reflect::set(obj, &JsValue::from_str(key), &value.into()).expect("setting a property on a plain object");
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(js_err)
}

/// A take as the page receives it: `{ report, warnings: [{kind, message}], samples, wav }`.
fn take_to_js(take: &Take) -> Result<JsValue, JsError> {
    let obj = Object::new();
    set(&obj, "report", to_js(&take.report)?);
    let messages = js_sys::Array::new();
    for w in &take.report.warnings {
        messages.push(&JsValue::from_str(&w.message()));
    }
    set(&obj, "messages", messages);
    set(&obj, "samples", Float32Array::from(take.samples.as_slice()));
    set(&obj, "wav", Uint8Array::from(audio::encode_wav(&take.samples, audio::SAMPLE_RATE).as_slice()));
    Ok(obj.into())
}

/// The default feature contract, as a plain object.
#[wasm_bindgen(js_name = featureConfig)]
pub fn feature_config() -> Result<JsValue, JsError> {
    to_js(&FeatureConfig::default())
}

/// Log-mel features of 16 kHz samples with the default config, mel-major (`n_mels × frames`).
#[wasm_bindgen(js_name = logMel)]
pub fn log_mel(samples: &[f32]) -> Result<Float32Array, JsError> {
    let engine = LogMel::new(FeatureConfig::default()).map_err(js_err)?;
    Ok(Float32Array::from(engine.compute(samples).data.as_slice()))
}

/// Decodes a dropped or imported WAV file into a take; the error message says what is wrong.
#[wasm_bindgen(js_name = takeFromWav)]
pub fn take_from_wav(bytes: &[u8]) -> Result<JsValue, JsError> {
    let take = Take::from_wav(bytes, audio::DEFAULT_MAX_SECONDS, &TrimConfig::default()).map_err(js_err)?;
    take_to_js(&take)
}

/// Live microphone analysis: level, a scrolling log-mel, and take recording at the device's rate.
#[wasm_bindgen]
pub struct LiveAnalyzer {
    input_rate: u32,
    resampler: StreamResampler,
    mel: StreamingLogMel,
    recording: Option<Vec<f32>>,
    max_seconds: f32,
}

#[wasm_bindgen]
impl LiveAnalyzer {
    /// An analyzer for audio arriving at `input_rate` Hz (the AudioContext's rate).
    #[wasm_bindgen(constructor)]
    pub fn new(input_rate: u32) -> Result<LiveAnalyzer, JsError> {
        if !(audio::MIN_SOURCE_RATE..=audio::MAX_SOURCE_RATE).contains(&input_rate) {
            return Err(js_err(AudioError::SampleRate(input_rate)));
        }
        let engine = LogMel::new(FeatureConfig::default()).map_err(js_err)?;
        Ok(LiveAnalyzer {
            input_rate,
            resampler: StreamResampler::new(input_rate, audio::SAMPLE_RATE).map_err(js_err)?,
            mel: StreamingLogMel::new(engine),
            recording: None,
            max_seconds: audio::DEFAULT_MAX_SECONDS,
        })
    }

    /// Mel bands per frame in [`LiveAnalyzer::push`]'s output.
    #[wasm_bindgen(getter, js_name = nMels)]
    pub fn n_mels(&self) -> usize {
        FeatureConfig::default().n_mels
    }

    /// Feeds a chunk of device-rate samples. Returns `{ peakDbfs, rmsDbfs, frames, recordedS, limitReached }`
    /// where `frames` holds the new log-mel frames, frame-major.
    pub fn push(&mut self, chunk: &[f32]) -> Result<JsValue, JsError> {
        let level = audio::loudness(chunk);
        let at_16k = self.resampler.process(chunk).map_err(js_err)?;
        let rows = self.mel.push(&at_16k);
        let frames: Vec<f32> = rows.into_iter().flatten().collect();
        let mut limit_reached = false;
        let mut recorded_s = 0.0;
        if let Some(rec) = self.recording.as_mut() {
            let max = (self.max_seconds * self.input_rate as f32) as usize;
            let room = max.saturating_sub(rec.len());
            rec.extend_from_slice(&chunk[..chunk.len().min(room)]);
            limit_reached = rec.len() >= max;
            recorded_s = rec.len() as f32 / self.input_rate as f32;
        }
        let obj = Object::new();
        set(&obj, "peakDbfs", level.peak_dbfs);
        set(&obj, "rmsDbfs", level.rms_dbfs);
        set(&obj, "frames", Float32Array::from(frames.as_slice()));
        set(&obj, "recordedS", recorded_s);
        set(&obj, "limitReached", limit_reached);
        Ok(obj.into())
    }

    /// Starts keeping the incoming audio as a take (up to the 10 s limit).
    #[wasm_bindgen(js_name = startTake)]
    pub fn start_take(&mut self) {
        self.recording = Some(Vec::new());
    }

    /// Whether a take is being recorded.
    #[wasm_bindgen(getter)]
    pub fn recording(&self) -> bool {
        self.recording.is_some()
    }

    /// Stops recording and returns the take (trimmed, at 16 kHz) or an error saying what was wrong.
    #[wasm_bindgen(js_name = finishTake)]
    pub fn finish_take(&mut self) -> Result<JsValue, JsError> {
        let raw = self.recording.take().ok_or_else(|| JsError::new("no take is being recorded"))?;
        let take = Take::from_audio(&raw, self.input_rate, self.max_seconds, &TrimConfig::default()).map_err(js_err)?;
        take_to_js(&take)
    }
}

/// Tries WebGPU through burn (async init, as the browser requires) and runs a small matmul on it.
/// Resolves to `{ backend: "webgpu" | "cpu", detail }`; any WebGPU failure falls back to the CPU.
#[wasm_bindgen(js_name = probeBackend)]
pub async fn probe_backend() -> JsValue {
    let (backend, detail) = match crate::backend::webgpu_smoke_test().await {
        Ok(()) => ("webgpu", "WebGPU adapter ready".to_string()),
        Err(e) => ("cpu", format!("WebGPU unavailable ({e}); using the CPU")),
    };
    let obj = Object::new();
    set(&obj, "backend", backend);
    set(&obj, "detail", detail);
    obj.into()
}
