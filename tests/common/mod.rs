//! Helpers shared by the native and wasm integration tests.
#![allow(dead_code)]

use std::f32::consts::PI;
use std::io::Cursor;

/// The committed fixture: espeak-ng saying "hey jarvis", 16 kHz mono 16-bit.
pub const HEY_JARVIS: &[u8] = include_bytes!("../fixtures/hey_jarvis_16k.wav");
/// librosa's log-mel of that fixture (see tests/reference_features.py), mel-major f32 LE.
pub const HEY_JARVIS_LOGMEL: &[u8] = include_bytes!("../fixtures/hey_jarvis_16k.logmel.f32");
/// Frames in the reference (from its .json).
pub const HEY_JARVIS_FRAMES: usize = 129;

/// Tolerances against librosa (float64) for our float32 front end, in natural-log units (measured:
/// max 2.4e-5, mean 7.7e-7 natively). Differences come from f32 rounding in the FFT and the mel sums;
/// they are largest where a band's energy is tiny next to its frame's, so the bound on the worst cell
/// is looser than on the mean. 1e-3 in log units is a 0.1% change in energy.
pub const GOLDEN_MAX_ABS: f32 = 1e-3;
/// See [`GOLDEN_MAX_ABS`].
pub const GOLDEN_MEAN_ABS: f32 = 1e-5;

/// Reference values as f32.
pub fn reference_logmel() -> Vec<f32> {
    HEY_JARVIS_LOGMEL.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()
}

/// (max, mean) absolute difference.
pub fn abs_diff(a: &[f32], b: &[f32]) -> (f32, f32) {
    assert_eq!(a.len(), b.len(), "lengths differ");
    let diffs: Vec<f32> = a.iter().zip(b).map(|(x, y)| (x - y).abs()).collect();
    let max = diffs.iter().cloned().fold(0.0, f32::max);
    (max, diffs.iter().sum::<f32>() / diffs.len() as f32)
}

/// Decodes the fixture's 16-bit samples without going through the crate.
pub fn fixture_samples() -> Vec<f32> {
    let reader = hound::WavReader::new(Cursor::new(HEY_JARVIS)).unwrap();
    reader.into_samples::<i16>().map(|s| s.unwrap() as f32 / 32768.0).collect()
}

/// A sine of `freq` Hz, `seconds` long, at `rate`, amplitude `amp`.
pub fn sine(freq: f32, seconds: f32, rate: u32, amp: f32) -> Vec<f32> {
    (0..(seconds * rate as f32) as usize).map(|i| amp * (2.0 * PI * freq * i as f32 / rate as f32).sin()).collect()
}

/// Small deterministic noise generator (xorshift), values in [-amp, amp].
pub fn noise(n: usize, amp: f32, mut seed: u32) -> Vec<f32> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            amp * (seed as f32 / u32::MAX as f32 * 2.0 - 1.0)
        })
        .collect()
}

/// RMS of a slice.
pub fn rms(x: &[f32]) -> f32 {
    (x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32).sqrt()
}

/// Writes interleaved frames (`channels` per frame) as a WAV of the given encoding.
pub fn wav_bytes(interleaved: &[f32], rate: u32, channels: u16, bits: u16, float: bool) -> Vec<u8> {
    let spec = hound::WavSpec {
        channels,
        sample_rate: rate,
        bits_per_sample: bits,
        sample_format: if float { hound::SampleFormat::Float } else { hound::SampleFormat::Int },
    };
    let mut cursor = Cursor::new(Vec::new());
    {
        let mut w = hound::WavWriter::new(&mut cursor, spec).unwrap();
        for &s in interleaved {
            if float {
                w.write_sample(s).unwrap();
            } else {
                let max = ((1i64 << (bits - 1)) - 1) as f32;
                let v = (s.clamp(-1.0, 1.0) * max).round() as i32;
                if bits == 8 {
                    w.write_sample(v as i8).unwrap();
                } else {
                    w.write_sample(v).unwrap();
                }
            }
        }
        w.finalize().unwrap();
    }
    cursor.into_inner()
}

/// Energy of `x` at `freq` Hz (single-bin DFT), normalised so a unit sine gives 0.5.
pub fn tone_power(x: &[f32], freq: f32, rate: u32) -> f32 {
    let (mut re, mut im) = (0.0f64, 0.0f64);
    for (i, v) in x.iter().enumerate() {
        let ph = 2.0 * std::f64::consts::PI * freq as f64 * i as f64 / rate as f64;
        re += *v as f64 * ph.cos();
        im += *v as f64 * ph.sin();
    }
    let n = x.len() as f64;
    (2.0 * (re * re + im * im) / (n * n)) as f32
}
