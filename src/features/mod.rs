//! Log-mel front end and its [`FeatureConfig`] contract.
//!
//! The recipe (it matches `librosa.feature.melspectrogram` with the arguments in
//! `tests/reference_features.py`, followed by `log(S + log_offset)`):
//! 1. Frames are centred: frame `t` is centred on sample `t · hop`, the signal being padded with zeros
//!    (not reflected) on both sides, so N samples give `1 + N / hop` frames (1.0 s → 101 frames).
//! 2. Each frame takes `win_length` samples, multiplies them by a periodic Hann window and zero-pads them
//!    to `n_fft` (centred, as librosa does), then a real FFT gives the power spectrum `|X|²`.
//! 3. `n_mels` triangular filters spaced evenly on the **Slaney** mel scale (linear below 1 kHz,
//!    logarithmic above; librosa's default, `htk=False`) between `f_min` and `f_max`, each scaled to unit
//!    area (**Slaney normalisation**, `norm="slaney"`), turn the power spectrum into mel energies.
//! 4. Natural log of `mel + log_offset`. No per-clip normalisation: a streaming window must give the same
//!    numbers as the whole clip, and the models normalise their inputs themselves.
//!
//! [`LogMel::compute`] featurizes a clip; [`StreamingLogMel`] takes chunks of any size and yields exactly
//! the same frames.

mod mel;

use realfft::{RealFftPlanner, RealToComplex};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The feature contract written into every model's metadata.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeatureConfig {
    /// Sample rate of the input, Hz.
    pub sample_rate: u32,
    /// Samples per analysis window (25 ms).
    pub win_length: usize,
    /// Samples between frames (10 ms).
    pub hop_length: usize,
    /// FFT size; the window is zero-padded to it.
    pub n_fft: usize,
    /// Number of mel bands.
    pub n_mels: usize,
    /// Lowest filter edge, Hz.
    pub f_min: f32,
    /// Highest filter edge, Hz.
    pub f_max: f32,
    /// Mel scale: always "slaney" (see module docs).
    pub mel_scale: String,
    /// Filter normalisation: always "slaney" (unit area).
    pub mel_norm: String,
    /// Window function: always "hann" (periodic).
    pub window: String,
    /// Framing: always "center_zero_pad".
    pub framing: String,
    /// Spectrum power: 2.0 (power spectrum).
    pub power: f32,
    /// Added before the natural log.
    pub log_offset: f32,
    /// Per-clip normalisation: always "none".
    pub normalization: String,
    /// Length of one model input window, seconds.
    pub clip_seconds: f32,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            sample_rate: 16_000,
            win_length: 400,
            hop_length: 160,
            n_fft: 512,
            n_mels: 80,
            f_min: 20.0,
            f_max: 8_000.0,
            mel_scale: "slaney".into(),
            mel_norm: "slaney".into(),
            window: "hann".into(),
            framing: "center_zero_pad".into(),
            power: 2.0,
            log_offset: 1e-6,
            normalization: "none".into(),
            clip_seconds: 1.0,
        }
    }
}

/// A configuration this crate cannot reproduce.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FeatureError {
    /// A field holds a value outside what the front end implements.
    #[error("feature config: {0}")]
    Unsupported(String),
}

impl FeatureConfig {
    /// Samples in one model input window.
    pub fn clip_samples(&self) -> usize {
        (self.clip_seconds * self.sample_rate as f32).round() as usize
    }

    /// Frames produced for `samples` samples: `1 + samples / hop`.
    pub fn frames_for(&self, samples: usize) -> usize {
        1 + samples / self.hop_length
    }

    /// Frames in one model input window (101 for 1.0 s).
    pub fn clip_frames(&self) -> usize {
        self.frames_for(self.clip_samples())
    }

    /// Checks that this crate implements every choice the config makes.
    pub fn validate(&self) -> Result<(), FeatureError> {
        let fixed = [
            ("mel_scale", &self.mel_scale, "slaney"),
            ("mel_norm", &self.mel_norm, "slaney"),
            ("window", &self.window, "hann"),
            ("framing", &self.framing, "center_zero_pad"),
            ("normalization", &self.normalization, "none"),
        ];
        for (name, value, expected) in fixed {
            if value != expected {
                return Err(FeatureError::Unsupported(format!(
                    "{name} is \"{value}\"; only \"{expected}\" is implemented"
                )));
            }
        }
        let nyquist = self.sample_rate as f32 / 2.0;
        let bad = |msg: String| Err(FeatureError::Unsupported(msg));
        if self.win_length == 0 || self.win_length > self.n_fft || self.hop_length == 0 {
            return bad(format!(
                "need 0 < win_length ({}) ≤ n_fft ({}) and hop_length > 0",
                self.win_length, self.n_fft
            ));
        }
        if !(0.0..nyquist).contains(&self.f_min) || self.f_max <= self.f_min || self.f_max > nyquist {
            return bad(format!("need 0 ≤ f_min < f_max ≤ {nyquist} Hz, got {}..{}", self.f_min, self.f_max));
        }
        let positive = |v: f32| v.is_finite() && v > 0.0;
        if self.n_mels == 0 || self.power != 2.0 || !positive(self.log_offset) || !positive(self.clip_seconds) {
            return bad("need n_mels > 0, power 2.0, log_offset > 0 and clip_seconds > 0".into());
        }
        Ok(())
    }
}

/// A log-mel spectrogram, mel-major: `data[m * frames + t]` (librosa's `(n_mels, T)` layout).
#[derive(Debug, Clone, PartialEq)]
pub struct Spectrogram {
    /// Mel bands.
    pub n_mels: usize,
    /// Frames.
    pub frames: usize,
    /// Values, mel-major.
    pub data: Vec<f32>,
}

impl Spectrogram {
    /// Builds a mel-major spectrogram from frame-major rows of `n_mels` values.
    pub fn from_frames(n_mels: usize, rows: &[Vec<f32>]) -> Spectrogram {
        let frames = rows.len();
        let mut data = vec![0.0; n_mels * frames];
        for (t, row) in rows.iter().enumerate() {
            for (m, v) in row.iter().enumerate() {
                data[m * frames + t] = *v;
            }
        }
        Spectrogram { n_mels, frames, data }
    }

    /// Value of band `m` at frame `t`.
    pub fn get(&self, m: usize, t: usize) -> f32 {
        self.data[m * self.frames + t]
    }
}

/// The per-frame engine shared by the batch and streaming featurizers.
#[derive(Clone)]
pub struct LogMel {
    cfg: FeatureConfig,
    window: Vec<f32>,
    fft: Arc<dyn RealToComplex<f32>>,
    filters: mel::FilterBank,
}

impl std::fmt::Debug for LogMel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogMel").field("cfg", &self.cfg).finish_non_exhaustive()
    }
}

impl LogMel {
    /// Plans the FFT and the filter bank for `cfg`.
    pub fn new(cfg: FeatureConfig) -> Result<LogMel, FeatureError> {
        cfg.validate()?;
        let n = cfg.win_length;
        let window =
            (0..n).map(|i| (0.5 - 0.5 * (2.0 * std::f64::consts::PI * i as f64 / n as f64).cos()) as f32).collect();
        let fft = RealFftPlanner::<f32>::new().plan_fft_forward(cfg.n_fft);
        let filters = mel::FilterBank::slaney(&cfg);
        Ok(LogMel { cfg, window, fft, filters })
    }

    /// The contract this front end implements.
    pub fn config(&self) -> &FeatureConfig {
        &self.cfg
    }

    /// Featurizes a whole clip: `1 + len / hop` frames.
    pub fn compute(&self, samples: &[f32]) -> Spectrogram {
        let mut scratch = Scratch::new(self);
        let frames = self.cfg.frames_for(samples.len());
        let mut out = Spectrogram { n_mels: self.cfg.n_mels, frames, data: vec![0.0; self.cfg.n_mels * frames] };
        let mut row = vec![0.0; self.cfg.n_mels];
        for t in 0..frames {
            self.frame(samples, t as isize * self.cfg.hop_length as isize - self.left(), &mut scratch, &mut row);
            for (m, v) in row.iter().enumerate() {
                out.data[m * frames + t] = *v;
            }
        }
        out
    }

    /// Offset from a frame's centre to its first windowed sample.
    fn left(&self) -> isize {
        (self.cfg.win_length / 2) as isize
    }

    /// Features of the frame whose window starts at `start` in `samples` (zeros outside the slice).
    fn frame(&self, samples: &[f32], start: isize, s: &mut Scratch, row: &mut [f32]) {
        let pad = (self.cfg.n_fft - self.cfg.win_length) / 2;
        let win = self.cfg.win_length as isize;
        // Window positions [lo, hi) fall inside `samples`; the rest stay zero (the centring pad).
        let lo = (-start).clamp(0, win) as usize;
        let hi = (samples.len() as isize - start).clamp(0, win) as usize;
        s.input.fill(0.0);
        if lo < hi {
            let first = (start + lo as isize) as usize;
            let windowed = s.input[pad + lo..pad + hi].iter_mut().zip(&samples[first..first + hi - lo]);
            for ((out, x), w) in windowed.zip(&self.window[lo..hi]) {
                *out = x * w;
            }
        }
        self.fft
            .process_with_scratch(&mut s.input, &mut s.spectrum, &mut s.fft_scratch)
            .expect("buffer sizes come from the plan");
        for (p, c) in s.power.iter_mut().zip(&s.spectrum) {
            *p = c.norm_sqr();
        }
        self.filters.apply(&s.power, row);
        for v in row.iter_mut() {
            *v = (*v + self.cfg.log_offset).ln();
        }
    }
}

/// Buffers reused across frames.
struct Scratch {
    input: Vec<f32>,
    spectrum: Vec<realfft::num_complex::Complex<f32>>,
    fft_scratch: Vec<realfft::num_complex::Complex<f32>>,
    power: Vec<f32>,
}

impl Scratch {
    fn new(lm: &LogMel) -> Scratch {
        Scratch {
            input: lm.fft.make_input_vec(),
            spectrum: lm.fft.make_output_vec(),
            fft_scratch: lm.fft.make_scratch_vec(),
            power: vec![0.0; lm.cfg.n_fft / 2 + 1],
        }
    }
}

/// Streaming featurizer: push chunks of any size, get each frame as soon as its samples are in;
/// [`StreamingLogMel::finish`] zero-pads the end. The frames equal [`LogMel::compute`] on the whole signal.
pub struct StreamingLogMel {
    engine: LogMel,
    scratch: Scratch,
    /// Samples not yet needed by any future frame are dropped; `buf[0]` is sample `buf_start`.
    buf: Vec<f32>,
    buf_start: usize,
    received: usize,
    next_frame: usize,
}

impl StreamingLogMel {
    /// A featurizer at the start of a stream.
    pub fn new(engine: LogMel) -> StreamingLogMel {
        let scratch = Scratch::new(&engine);
        StreamingLogMel { engine, scratch, buf: Vec::new(), buf_start: 0, received: 0, next_frame: 0 }
    }

    /// Samples pushed so far.
    pub fn samples_received(&self) -> usize {
        self.received
    }

    /// Frames emitted so far.
    pub fn frames_emitted(&self) -> usize {
        self.next_frame
    }

    /// Pushes samples; returns the frames (each `n_mels` values) that became complete.
    pub fn push(&mut self, chunk: &[f32]) -> Vec<Vec<f32>> {
        self.buf.extend_from_slice(chunk);
        self.received += chunk.len();
        self.emit(false)
    }

    /// Ends the stream: returns the remaining frames, computed with zeros after the last sample, so the
    /// total is `1 + samples / hop`. The featurizer is then reset for a new stream.
    pub fn finish(&mut self) -> Vec<Vec<f32>> {
        let rows = self.emit(true);
        self.buf.clear();
        self.buf_start = 0;
        self.received = 0;
        self.next_frame = 0;
        rows
    }

    fn emit(&mut self, end: bool) -> Vec<Vec<f32>> {
        let hop = self.engine.cfg.hop_length as isize;
        let left = self.engine.left();
        let win = self.engine.cfg.win_length as isize;
        let total = if end { self.engine.cfg.frames_for(self.received) } else { usize::MAX };
        let mut rows = Vec::new();
        while self.next_frame < total {
            let start = self.next_frame as isize * hop - left;
            if !end && start + win > self.received as isize {
                break;
            }
            let mut row = vec![0.0; self.engine.cfg.n_mels];
            let rel = start - self.buf_start as isize;
            self.engine.frame(&self.buf, rel, &mut self.scratch, &mut row);
            rows.push(row);
            self.next_frame += 1;
        }
        // Drop samples that no later frame reads.
        let keep_from = (self.next_frame as isize * hop - left).max(0) as usize;
        if keep_from > self.buf_start {
            let drop = (keep_from - self.buf_start).min(self.buf.len());
            self.buf.drain(..drop);
            self.buf_start += drop;
        }
        rows
    }
}
