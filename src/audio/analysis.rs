//! Loudness, energy-based voice-activity trimming and take quality warnings.

use serde::Serialize;
use std::ops::Range;

/// Peak and RMS level in dBFS (0 dBFS = full scale; silence is −120).
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Loudness {
    /// Largest absolute sample, in dBFS.
    pub peak_dbfs: f32,
    /// Root-mean-square level, in dBFS.
    pub rms_dbfs: f32,
}

/// Floor used for the dB of zero.
const MIN_DB: f32 = -120.0;

fn to_db(amplitude: f32) -> f32 {
    if amplitude > 0.0 { (20.0 * amplitude.log10()).max(MIN_DB) } else { MIN_DB }
}

/// Peak and RMS level of `samples`.
pub fn loudness(samples: &[f32]) -> Loudness {
    if samples.is_empty() {
        return Loudness { peak_dbfs: MIN_DB, rms_dbfs: MIN_DB };
    }
    let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    let mean_sq = samples.iter().map(|s| (*s as f64) * (*s as f64)).sum::<f64>() / samples.len() as f64;
    Loudness { peak_dbfs: to_db(peak), rms_dbfs: to_db(mean_sq.sqrt() as f32) }
}

/// Fraction of samples at full scale (|x| ≥ 0.999), measured before any resampling.
pub fn clipped_fraction(samples: &[f32]) -> f32 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.iter().filter(|s| s.abs() >= 0.999).count() as f32 / samples.len() as f32
}

/// Settings of the voice-activity trim and of the quality checks.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct TrimConfig {
    /// Analysis frame length in seconds.
    pub frame_s: f32,
    /// Hop between frames in seconds.
    pub hop_s: f32,
    /// A frame is voiced when its energy is this many dB above the noise floor (10th percentile frame)...
    pub above_floor_db: f32,
    /// ...and no more than this many dB below the loudest frame...
    pub below_peak_db: f32,
    /// ...and above this absolute level.
    pub min_voiced_dbfs: f32,
    /// Voiced runs shorter than this are ignored as clicks, in seconds.
    pub min_run_s: f32,
    /// Audio kept before the first and after the last voiced frame, in seconds.
    pub padding_s: f32,
    /// Peak below this: the take is silent.
    pub silence_dbfs: f32,
    /// Peak below this: the take is too quiet.
    pub quiet_dbfs: f32,
    /// Less speech than this: too short.
    pub min_speech_s: f32,
    /// More full-scale samples than this fraction: clipped.
    pub max_clipped_fraction: f32,
}

impl Default for TrimConfig {
    fn default() -> Self {
        TrimConfig {
            frame_s: 0.02,
            hop_s: 0.01,
            above_floor_db: 12.0,
            below_peak_db: 35.0,
            min_voiced_dbfs: -55.0,
            min_run_s: 0.03,
            padding_s: 0.15,
            silence_dbfs: -50.0,
            quiet_dbfs: -26.0,
            min_speech_s: 0.25,
            max_clipped_fraction: 0.01,
        }
    }
}

/// Where the speech is: the voiced span and the span with padding, both as sample ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Trim {
    /// First to last voiced sample.
    pub speech: Range<usize>,
    /// `speech` widened by the padding, clamped to the clip.
    pub padded: Range<usize>,
}

/// Finds the speech in `samples` by frame energy; `None` when nothing is voiced.
pub fn trim_range(samples: &[f32], sample_rate: u32, cfg: &TrimConfig) -> Option<Trim> {
    let frame = ((cfg.frame_s * sample_rate as f32) as usize).max(1);
    let hop = ((cfg.hop_s * sample_rate as f32) as usize).max(1);
    if samples.len() < frame {
        return None;
    }
    let energies: Vec<f32> = (0..=(samples.len() - frame) / hop)
        .map(|i| {
            let f = &samples[i * hop..i * hop + frame];
            let ms = f.iter().map(|s| s * s).sum::<f32>() / frame as f32;
            10.0 * ms.max(1e-12).log10()
        })
        .collect();
    let mut sorted = energies.clone();
    sorted.sort_by(f32::total_cmp);
    let floor = sorted[sorted.len() / 10];
    let loudest = sorted[sorted.len() - 1];
    let threshold = (floor + cfg.above_floor_db).max(loudest - cfg.below_peak_db).max(cfg.min_voiced_dbfs);
    let min_run = ((cfg.min_run_s / cfg.hop_s).round() as usize).max(1);
    // Voiced runs of at least `min_run` frames.
    let mut first = None;
    let mut last = None;
    let mut run_start = None;
    for (i, &e) in energies.iter().chain(std::iter::once(&f32::NEG_INFINITY)).enumerate() {
        match (e > threshold, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                if i - start >= min_run {
                    first.get_or_insert(start);
                    last = Some(i - 1);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    let (first, last) = (first?, last?);
    let speech = first * hop..(last * hop + frame).min(samples.len());
    let pad = (cfg.padding_s * sample_rate as f32) as usize;
    let padded = speech.start.saturating_sub(pad)..(speech.end + pad).min(samples.len());
    Some(Trim { speech, padded })
}

/// A problem with a take that the user can fix by recording again.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QualityWarning {
    /// Nothing above the silence level, or no speech found.
    Silent {
        /// Peak level of the whole take.
        peak_dbfs: f32,
    },
    /// Speech found but quiet.
    TooQuiet {
        /// Peak level of the trimmed take.
        peak_dbfs: f32,
    },
    /// Less speech than the minimum.
    TooShort {
        /// Voiced span in seconds.
        speech_s: f32,
        /// The minimum.
        min_s: f32,
    },
    /// Too many full-scale samples.
    Clipped {
        /// Fraction of samples at full scale.
        fraction: f32,
    },
}

impl QualityWarning {
    /// A sentence for the user.
    pub fn message(&self) -> String {
        match self {
            QualityWarning::Silent { peak_dbfs } => {
                format!("silent (peak {peak_dbfs:.0} dBFS): check that the right microphone is selected and unmuted")
            }
            QualityWarning::TooQuiet { peak_dbfs } => {
                format!("too quiet (peak {peak_dbfs:.0} dBFS): speak closer to the microphone or raise its gain")
            }
            QualityWarning::TooShort { speech_s, min_s } => {
                format!("too short ({speech_s:.2} s of speech, at least {min_s:.2} s needed): say the whole phrase")
            }
            QualityWarning::Clipped { fraction } => format!(
                "clipped ({:.1}% of samples at full scale): move back from the microphone or lower its gain",
                fraction * 100.0
            ),
        }
    }
}
