//! Audio front end: decoding every supported encoding, resampling, trimming, quality warnings and the
//! errors a user gets for bad files.

mod common;
use common::*;
use wakebuilder::audio::{self, AudioError, QualityWarning, StreamResampler, Take, TrimConfig};

const LIMIT: f32 = audio::DEFAULT_MAX_SECONDS;

#[test]
fn decodes_every_supported_encoding_and_rate_to_16k() {
    for &(bits, float) in &[(8, false), (16, false), (24, false), (32, false), (32, true)] {
        for &rate in &[8_000u32, 11_025, 22_050, 44_100, 48_000] {
            let tone = sine(440.0, 0.5, rate, 0.5);
            let bytes = wav_bytes(&tone, rate, 1, bits, float);
            let out = audio::load_wav(&bytes, LIMIT).unwrap_or_else(|e| panic!("{bits}-bit {rate} Hz: {e}"));
            assert_eq!(out.len(), 8_000, "{bits}-bit {rate} Hz: length");
            // The tone keeps its frequency and level (8-bit quantisation noise allowed for).
            let mid = &out[1000..7000];
            let p = tone_power(mid, 440.0, 16_000);
            assert!((p - 0.125).abs() < 0.006, "{bits}-bit {rate} Hz: power at 440 Hz {p}");
            assert!((rms(mid) - 0.5 / 2f32.sqrt()).abs() < 0.01, "{bits}-bit {rate} Hz: rms {}", rms(mid));
        }
    }
}

#[test]
fn resampler_is_band_limited() {
    // A 12 kHz tone at 48 kHz is above the 8 kHz Nyquist limit of 16 kHz audio: a proper resampler
    // removes it; linear interpolation would fold it down to 4 kHz at about -6 dB.
    let tone = sine(12_000.0, 1.0, 48_000, 0.5);
    let out = audio::resample(&tone, 48_000, 16_000).unwrap();
    assert_eq!(out.len(), 16_000);
    let residual = rms(&out[800..15_200]);
    assert!(residual < 0.5 * 10f32.powf(-60.0 / 20.0), "alias residual {residual} (should be < -60 dB)");
    // A 3 kHz tone passes unchanged.
    let pass = audio::resample(&sine(3_000.0, 1.0, 48_000, 0.5), 48_000, 16_000).unwrap();
    let expected = sine(3_000.0, 1.0, 16_000, 0.5);
    let err = pass[800..15_200].iter().zip(&expected[800..15_200]).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
    assert!(err < 5e-3, "3 kHz tone changed by up to {err}");
}

#[test]
fn stereo_and_multichannel_are_averaged() {
    let left = sine(440.0, 0.5, 16_000, 0.8);
    let interleaved: Vec<f32> = left.iter().flat_map(|&l| [l, 0.0]).collect();
    let out = audio::load_wav(&wav_bytes(&interleaved, 16_000, 2, 16, false), LIMIT).unwrap();
    assert!((rms(&out) - 0.4 / 2f32.sqrt()).abs() < 0.005, "rms {}", rms(&out));
    // Opposite channels cancel.
    let inverted: Vec<f32> = left.iter().flat_map(|&l| [l, -l, l, -l]).collect();
    let out = audio::load_wav(&wav_bytes(&inverted, 16_000, 4, 16, false), LIMIT).unwrap();
    assert!(rms(&out) < 1e-4);
}

#[test]
fn stream_resampler_gives_the_same_audio_for_any_chunking() {
    let input = noise(44_100, 0.5, 7);
    let mut whole = StreamResampler::new(44_100, 16_000).unwrap();
    let expected = whole.process(&input).unwrap();
    assert!(expected.len() > 15_000 && expected.len() <= 16_000, "{}", expected.len());
    let mut chunked = StreamResampler::new(44_100, 16_000).unwrap();
    let mut got = Vec::new();
    let mut pos = 0;
    for size in [1usize, 127, 128, 1000, 0, 4097, 3].iter().cycle() {
        if pos >= input.len() {
            break;
        }
        let end = (pos + size).min(input.len());
        got.extend(chunked.process(&input[pos..end]).unwrap());
        pos = end;
    }
    assert_eq!(got, expected);
}

#[test]
fn encode_then_decode_round_trips_16_bit() {
    let x = noise(4_000, 0.9, 3);
    let back = audio::load_wav(&audio::encode_wav(&x, 16_000), LIMIT).unwrap();
    assert_eq!(back.len(), x.len());
    let worst = x.iter().zip(&back).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
    assert!(worst <= 0.5 / 32768.0 + 1e-7, "{worst}");
}

#[test]
fn loudness_of_a_full_scale_sine() {
    let l = audio::loudness(&sine(1_000.0, 1.0, 16_000, 1.0));
    assert!(l.peak_dbfs.abs() < 0.01, "{}", l.peak_dbfs);
    assert!((l.rms_dbfs + 3.0103).abs() < 0.01, "{}", l.rms_dbfs);
    assert_eq!(audio::loudness(&[0.0; 100]).peak_dbfs, -120.0);
}

/// 0.5 s of faint noise, `speech_s` of a loud harmonic burst, 0.5 s of faint noise.
fn burst(speech_s: f32, amp: f32) -> Vec<f32> {
    let mut x = noise(8_000, 0.001, 1);
    let n = (speech_s * 16_000.0) as usize;
    let voice: Vec<f32> = sine(150.0, speech_s, 16_000, amp)
        .iter()
        .zip(sine(450.0, speech_s, 16_000, amp * 0.5))
        .zip(noise(n, amp * 0.1, 9))
        .map(|((a, b), c)| a + b + c)
        .collect();
    x.extend(voice);
    x.extend(noise(8_000, 0.001, 2));
    x
}

#[test]
fn trim_finds_the_speech_and_keeps_padding() {
    let cfg = TrimConfig::default();
    let x = burst(0.6, 0.3);
    let t = audio::trim_range(&x, 16_000, &cfg).expect("speech found");
    let (start, end) = (t.speech.start as f32 / 16_000.0, t.speech.end as f32 / 16_000.0);
    assert!((start - 0.5).abs() < 0.03 && (end - 1.1).abs() < 0.03, "speech {start}..{end}");
    assert_eq!(t.padded.start, t.speech.start - 2_400);
    assert_eq!(t.padded.end, t.speech.end + 2_400);
    let take = Take::from_source(&x, 0.0, &cfg).unwrap();
    assert!((take.report.duration_s - 0.9).abs() < 0.05, "{:?}", take.report);
    assert!(take.report.warnings.is_empty(), "{:?}", take.report.warnings);
}

#[test]
fn the_spoken_fixture_is_a_clean_take() {
    let take = Take::from_wav(HEY_JARVIS, LIMIT, &TrimConfig::default()).unwrap();
    let r = &take.report;
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert!(r.speech_s > 0.6 && r.speech_s < 1.3, "speech {} s", r.speech_s);
    assert!(r.duration_s <= r.source_duration_s && r.duration_s >= r.speech_s);
}

#[test]
fn quality_warnings() {
    let cfg = TrimConfig::default();
    let kinds = |x: &[f32], clipped: f32| -> Vec<QualityWarning> {
        Take::from_source(x, clipped, &cfg).unwrap().report.warnings
    };
    assert!(matches!(kinds(&noise(16_000, 0.0005, 4), 0.0)[..], [QualityWarning::Silent { .. }]));
    assert!(matches!(kinds(&[0.0; 16_000], 0.0)[..], [QualityWarning::Silent { .. }]));
    assert!(matches!(kinds(&burst(0.6, 0.02), 0.0)[..], [QualityWarning::TooQuiet { .. }]));
    assert!(matches!(kinds(&burst(0.12, 0.3), 0.0)[..], [QualityWarning::TooShort { .. }]));
    // Clipping is measured on the source: a square wave at full scale.
    let square: Vec<f32> = sine(200.0, 1.0, 48_000, 1.0).iter().map(|v| v.signum()).collect();
    let take = Take::from_audio(&square, 48_000, LIMIT, &cfg).unwrap();
    assert!(take.report.warnings.iter().any(|w| matches!(w, QualityWarning::Clipped { fraction } if *fraction > 0.9)));
    for w in &take.report.warnings {
        assert!(!w.message().is_empty());
    }
}

fn err(bytes: &[u8]) -> AudioError {
    audio::load_wav(bytes, LIMIT).unwrap_err()
}

#[test]
fn rejects_files_that_are_not_wav_and_says_what_they_look_like() {
    match err(b"ID3\x04\x00\x00\x00\x00\x00\x00 some mp3") {
        AudioError::NotWav { hint } => assert!(hint.contains("MP3"), "{hint}"),
        e => panic!("{e:?}"),
    }
    assert!(matches!(err(b"OggS\0\0\0\0\0\0\0\0\0\0"), AudioError::NotWav { hint } if hint.contains("Ogg")));
    assert!(matches!(err(b""), AudioError::NotWav { .. }));
    assert!(matches!(err(b"hello, this is a text file"), AudioError::NotWav { .. }));
    assert!(err(b"not audio at all").to_string().contains("not a WAV file"));
}

#[test]
fn truncated_file() {
    let bytes = wav_bytes(&sine(440.0, 1.0, 16_000, 0.5), 16_000, 1, 16, false);
    let cut = &bytes[..bytes.len() / 2];
    match err(cut) {
        AudioError::Truncated { expected, found } => {
            assert_eq!(expected, 16_000);
            assert!(found > 7_000 && found < 8_000, "{found}");
        }
        e => panic!("{e:?}"),
    }
    // Cut inside the header.
    assert!(matches!(err(&bytes[..30]), AudioError::Malformed(_)), "{:?}", err(&bytes[..30]));
}

#[test]
fn empty_file() {
    assert_eq!(err(&wav_bytes(&[], 16_000, 1, 16, false)), AudioError::Empty);
}

#[test]
fn too_long_is_refused_from_the_header() {
    let bytes = wav_bytes(&vec![0.0; 16_000 * 11], 16_000, 1, 16, false);
    assert_eq!(err(&bytes), AudioError::TooLong { seconds: 11.0, limit: 10.0 });
    assert!(err(&bytes).to_string().contains("11.0 s long; the limit is 10 s"));
    // A longer limit accepts it.
    assert_eq!(audio::load_wav(&bytes, 20.0).unwrap().len(), 16_000 * 11);
}

#[test]
fn nan_samples() {
    let mut x = sine(440.0, 0.5, 16_000, 0.5);
    x[4_000] = f32::NAN;
    x[5_000] = f32::INFINITY;
    match err(&wav_bytes(&x, 16_000, 1, 32, true)) {
        AudioError::NonFinite { count, first_at } => {
            assert_eq!(count, 2);
            assert!((first_at - 0.25).abs() < 1e-6);
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn unsupported_encodings_and_rates() {
    // A-law (format tag 6), 8-bit: patch the format tag of a valid 8-bit PCM header.
    let mut alaw = wav_bytes(&sine(440.0, 0.1, 8_000, 0.5), 8_000, 1, 8, false);
    alaw[20] = 6;
    assert!(matches!(err(&alaw), AudioError::Unsupported(_) | AudioError::Malformed(_)), "{:?}", err(&alaw));
    let mut low = wav_bytes(&sine(440.0, 0.1, 16_000, 0.5), 16_000, 1, 16, false);
    low[24..28].copy_from_slice(&4_000u32.to_le_bytes());
    low[28..32].copy_from_slice(&8_000u32.to_le_bytes()); // byte rate, kept consistent
    assert_eq!(err(&low), AudioError::SampleRate(4_000));
    assert!(Take::from_audio(&[0.1; 100], 2_000, LIMIT, &TrimConfig::default()).is_err());
}

#[test]
fn one_bad_file_does_not_affect_others() {
    // The decoder is stateless: a failure in between leaves later decodes identical.
    let good = wav_bytes(&sine(440.0, 0.3, 44_100, 0.5), 44_100, 1, 16, false);
    let first = audio::load_wav(&good, LIMIT).unwrap();
    let _ = err(&good[..100]);
    assert_eq!(audio::load_wav(&good, LIMIT).unwrap(), first);
}
