//! Log-mel front end: golden values from librosa, framing, streaming equals batch, config contract.

mod common;
use common::*;
use wakebuilder::features::{FeatureConfig, LogMel, Spectrogram, StreamingLogMel};

fn engine() -> LogMel {
    LogMel::new(FeatureConfig::default()).unwrap()
}

#[test]
fn matches_librosa_reference() {
    let spec = engine().compute(&fixture_samples());
    assert_eq!((spec.n_mels, spec.frames), (80, HEY_JARVIS_FRAMES));
    let (max, mean) = abs_diff(&spec.data, &reference_logmel());
    println!("log-mel vs librosa: max |diff| {max:.2e}, mean |diff| {mean:.2e}");
    assert!(max < GOLDEN_MAX_ABS && mean < GOLDEN_MEAN_ABS, "max {max}, mean {mean}");
}

#[test]
fn one_second_gives_101_frames() {
    let cfg = FeatureConfig::default();
    assert_eq!(cfg.clip_samples(), 16_000);
    assert_eq!(cfg.clip_frames(), 101);
    assert_eq!(engine().compute(&vec![0.0; 16_000]).frames, 101);
}

/// Lower and upper edge (Hz) of band `m` of the default config: Slaney mel, 80 bands over 20..8000 Hz.
fn mel_band_hz(m: usize) -> (f64, f64) {
    let mel = |hz: f64| if hz < 1000.0 { hz * 3.0 / 200.0 } else { 15.0 + (hz / 1000.0).ln() * 27.0 / 6.4f64.ln() };
    let hz = |mel: f64| if mel < 15.0 { mel * 200.0 / 3.0 } else { 1000.0 * ((mel - 15.0) * 6.4f64.ln() / 27.0).exp() };
    let (lo, hi) = (mel(20.0), mel(8000.0));
    let at = |i: usize| hz(lo + (hi - lo) * i as f64 / 81.0);
    (at(m), at(m + 2))
}

#[test]
fn a_tone_lands_in_its_mel_band() {
    let spec = engine().compute(&sine(1_000.0, 1.0, 16_000, 0.5));
    let t = 50;
    let loudest = (0..80).max_by(|&a, &b| spec.get(a, t).total_cmp(&spec.get(b, t))).unwrap();
    // Slaney scale, 80 bands over 20..8000 Hz: 1 kHz is 15 mel; band centres are spaced ~0.55 mel.
    let edges = |m: usize| mel_band_hz(m);
    assert!(edges(loudest).0 < 1_000.0 && edges(loudest).1 > 1_000.0, "loudest band {loudest}: {:?}", edges(loudest));
    // Silence gives the log floor.
    let quiet = engine().compute(&[0.0; 1_600]);
    assert!(quiet.data.iter().all(|v| (*v - 1e-6f32.ln()).abs() < 1e-5));
}

#[test]
fn streaming_equals_batch_for_any_chunking() {
    let x = fixture_samples();
    let batch = engine().compute(&x);
    for sizes in [vec![1usize], vec![160], vec![7, 0, 333, 1024], vec![x.len()], vec![4096, 1]] {
        let mut stream = StreamingLogMel::new(engine());
        let mut rows = Vec::new();
        let mut pos = 0;
        for size in sizes.iter().cycle() {
            if pos >= x.len() {
                break;
            }
            let end = (pos + size).min(x.len());
            rows.extend(stream.push(&x[pos..end]));
            pos = end;
        }
        rows.extend(stream.finish());
        let streamed = Spectrogram::from_frames(80, &rows);
        assert_eq!(streamed, batch, "chunk sizes {sizes:?}");
    }
}

#[test]
fn streaming_emits_frames_as_soon_as_their_samples_arrive() {
    let mut stream = StreamingLogMel::new(engine());
    // Frame t needs samples up to t·160 + 200.
    assert_eq!(stream.push(&[0.1; 199]).len(), 0);
    assert_eq!(stream.push(&[0.1; 1]).len(), 1);
    assert_eq!(stream.push(&[0.1; 160]).len(), 1);
    assert_eq!(stream.frames_emitted(), 2);
    // After finish it starts over.
    let _ = stream.finish();
    assert_eq!((stream.frames_emitted(), stream.samples_received()), (0, 0));
}

#[test]
fn config_round_trips_through_json_and_rejects_what_is_not_implemented() {
    let cfg = FeatureConfig::default();
    let json = serde_json::to_string(&cfg).unwrap();
    assert_eq!(serde_json::from_str::<FeatureConfig>(&json).unwrap(), cfg);
    for field in ["sample_rate", "win_length", "hop_length", "n_fft", "n_mels", "f_min", "f_max", "log_offset"] {
        assert!(json.contains(field), "{field} missing from {json}");
    }
    let mut htk = cfg.clone();
    htk.mel_scale = "htk".into();
    assert!(LogMel::new(htk).unwrap_err().to_string().contains("mel_scale"));
    let mut bad = cfg.clone();
    bad.f_max = 9_000.0;
    assert!(LogMel::new(bad).is_err());
    let mut bad = cfg;
    bad.win_length = 1024;
    assert!(LogMel::new(bad).is_err());
}
