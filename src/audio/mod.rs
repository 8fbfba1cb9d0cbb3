//! Audio front end: WAV decode/encode, resampling to 16 kHz, loudness, voice-activity trim and the
//! quality checks the page shows next to each take.
//!
//! Entry points: [`load_wav`] (bytes of any WAV → 16 kHz mono), [`Take::from_source`] (decoded audio →
//! a trimmed take with its report), [`encode_wav`] (16-bit PCM for playback and downloads).

mod analysis;
mod resample;
mod wav;

pub use analysis::{Loudness, QualityWarning, TrimConfig, clipped_fraction, loudness, trim_range};
pub use resample::{StreamResampler, resample};
pub use wav::{DecodedWav, decode_wav, encode_wav};

use serde::Serialize;

/// The sample rate every stage after decoding works at.
pub const SAMPLE_RATE: u32 = 16_000;
/// Lowest and highest source sample rates accepted.
pub const MIN_SOURCE_RATE: u32 = 8_000;
/// See [`MIN_SOURCE_RATE`].
pub const MAX_SOURCE_RATE: u32 = 192_000;
/// Default limit on the length of one take, in seconds.
pub const DEFAULT_MAX_SECONDS: f32 = 10.0;

/// Everything that can go wrong turning bytes into usable audio. Messages say what to do.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AudioError {
    /// The bytes are not a RIFF/WAVE file.
    #[error("this is not a WAV file{hint}; export or save the recording as WAV (PCM) and try again")]
    NotWav {
        /// What the bytes look like instead, e.g. " (it looks like an MP3 file)".
        hint: String,
    },
    /// The header promises more sample data than the file holds.
    #[error(
        "the WAV file is truncated: its header promises {expected} sample frames but only {found} are present; \
         the download or copy was probably cut off"
    )]
    Truncated {
        /// Frames announced by the header.
        expected: u64,
        /// Frames actually read.
        found: u64,
    },
    /// The file decodes to zero samples.
    #[error("the WAV file contains no audio samples")]
    Empty,
    /// Longer than the configured limit.
    #[error("the audio is {seconds:.1} s long; the limit is {limit:.0} s — trim it to just the phrase")]
    TooLong {
        /// Length of the audio.
        seconds: f32,
        /// The limit in force.
        limit: f32,
    },
    /// Float samples that are NaN or infinite.
    #[error(
        "the audio contains {count} samples that are not numbers (NaN or infinity), the first at {first_at:.3} s; the file is corrupt"
    )]
    NonFinite {
        /// How many samples are not finite.
        count: usize,
        /// Time of the first one, in seconds.
        first_at: f32,
    },
    /// A WAV encoding we cannot read (A-law, μ-law, ADPCM, 64-bit float, ...).
    #[error("unsupported WAV encoding ({0}); use 8/16/24/32-bit integer PCM or 32-bit float")]
    Unsupported(String),
    /// Sample rate outside what we resample from.
    #[error("unsupported sample rate {0} Hz; use a rate between 8000 and 192000 Hz (16000 or higher is best)")]
    SampleRate(u32),
    /// The WAV structure is broken in some other way.
    #[error("the WAV file is damaged: {0}")]
    Malformed(String),
    /// The resampler refused its input (should not happen for valid rates).
    #[error("could not resample the audio: {0}")]
    Resample(String),
}

/// Decodes any supported WAV and returns its audio as 16 kHz mono samples.
pub fn load_wav(bytes: &[u8], max_seconds: f32) -> Result<Vec<f32>, AudioError> {
    let decoded = decode_wav(bytes, max_seconds)?;
    resample(&decoded.samples, decoded.sample_rate, SAMPLE_RATE)
}

/// Rejects NaN/infinite samples with the position of the first one.
pub fn check_finite(samples: &[f32], sample_rate: u32) -> Result<(), AudioError> {
    let mut bad = samples.iter().enumerate().filter(|(_, s)| !s.is_finite());
    if let Some((first, _)) = bad.next() {
        return Err(AudioError::NonFinite { count: 1 + bad.count(), first_at: first as f32 / sample_rate as f32 });
    }
    Ok(())
}

/// A recorded or imported utterance of the phrase: trimmed 16 kHz audio plus the report the UI shows.
#[derive(Debug, Clone)]
pub struct Take {
    /// Trimmed 16 kHz mono samples (speech plus padding).
    pub samples: Vec<f32>,
    /// Measurements and warnings.
    pub report: TakeReport,
}

/// What the UI lists for a take.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TakeReport {
    /// Length of the trimmed take in seconds.
    pub duration_s: f32,
    /// Length of the source before trimming in seconds.
    pub source_duration_s: f32,
    /// Span from the first to the last voiced frame, in seconds.
    pub speech_s: f32,
    /// Peak and RMS level of the trimmed take.
    pub loudness: Loudness,
    /// Problems worth showing; empty when the take is fine.
    pub warnings: Vec<QualityWarning>,
}

impl Take {
    /// Decodes a WAV file into a take (the path for dropped or imported files).
    pub fn from_wav(bytes: &[u8], max_seconds: f32, trim: &TrimConfig) -> Result<Take, AudioError> {
        // decode_wav has already checked the rate, the length and the sample values.
        let decoded = decode_wav(bytes, max_seconds)?;
        Take::resample_and_trim(&decoded.samples, decoded.sample_rate, trim)
    }

    /// Builds a take from mono audio at any supported rate (the path for microphone recordings):
    /// checks it, measures clipping at the source rate, resamples to 16 kHz and trims.
    pub fn from_audio(
        samples: &[f32],
        sample_rate: u32,
        max_seconds: f32,
        trim: &TrimConfig,
    ) -> Result<Take, AudioError> {
        if !(MIN_SOURCE_RATE..=MAX_SOURCE_RATE).contains(&sample_rate) {
            return Err(AudioError::SampleRate(sample_rate));
        }
        if samples.is_empty() {
            return Err(AudioError::Empty);
        }
        let seconds = samples.len() as f32 / sample_rate as f32;
        if seconds > max_seconds {
            return Err(AudioError::TooLong { seconds, limit: max_seconds });
        }
        check_finite(samples, sample_rate)?;
        Take::resample_and_trim(samples, sample_rate, trim)
    }

    /// Measures clipping at the source rate, resamples to 16 kHz and trims.
    fn resample_and_trim(samples: &[f32], sample_rate: u32, trim: &TrimConfig) -> Result<Take, AudioError> {
        let at_16k = resample(samples, sample_rate, SAMPLE_RATE)?;
        Take::from_source(&at_16k, clipped_fraction(samples), trim)
    }

    /// Builds a take from 16 kHz samples. `clipped` is the fraction of full-scale samples measured on the
    /// source before resampling (see [`clipped_fraction`]).
    pub fn from_source(samples_16k: &[f32], clipped: f32, trim: &TrimConfig) -> Result<Take, AudioError> {
        if samples_16k.is_empty() {
            return Err(AudioError::Empty);
        }
        check_finite(samples_16k, SAMPLE_RATE)?;
        let source_duration_s = samples_16k.len() as f32 / SAMPLE_RATE as f32;
        let whole = loudness(samples_16k);
        let (range, speech) = match trim_range(samples_16k, SAMPLE_RATE, trim) {
            Some(t) => (t.padded, t.speech.len()),
            None => (0..samples_16k.len(), 0),
        };
        let samples = samples_16k[range].to_vec();
        let level = loudness(&samples);
        let speech_s = speech as f32 / SAMPLE_RATE as f32;
        let mut warnings = Vec::new();
        if whole.peak_dbfs < trim.silence_dbfs || speech == 0 {
            warnings.push(QualityWarning::Silent { peak_dbfs: whole.peak_dbfs });
        } else {
            if level.peak_dbfs < trim.quiet_dbfs {
                warnings.push(QualityWarning::TooQuiet { peak_dbfs: level.peak_dbfs });
            }
            if speech_s < trim.min_speech_s {
                warnings.push(QualityWarning::TooShort { speech_s, min_s: trim.min_speech_s });
            }
        }
        if clipped > trim.max_clipped_fraction {
            warnings.push(QualityWarning::Clipped { fraction: clipped });
        }
        let duration_s = samples.len() as f32 / SAMPLE_RATE as f32;
        Ok(Take { samples, report: TakeReport { duration_s, source_duration_s, speech_s, loudness: level, warnings } })
    }
}
