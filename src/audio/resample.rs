//! Band-limited sample-rate conversion with rubato's synchronous FFT resampler.

use super::AudioError;
use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Indexing, Resampler};

/// Input chunk size of the FFT resampler (frames).
const CHUNK: usize = 1024;

fn new_resampler(from: u32, to: u32, chunk: usize) -> Result<Fft<f32>, AudioError> {
    Fft::<f32>::new(from as usize, to as usize, chunk, 1, FixedSync::Input)
        .map_err(|e| AudioError::Resample(e.to_string()))
}

/// Resamples a whole mono clip from `from` Hz to `to` Hz; the output has `ceil(len · to / from)` samples
/// and is aligned with the input (the resampler's delay is removed).
pub fn resample(samples: &[f32], from: u32, to: u32) -> Result<Vec<f32>, AudioError> {
    if from == to || samples.is_empty() {
        return Ok(samples.to_vec());
    }
    let mut resampler = new_resampler(from, to, CHUNK)?;
    let input = InterleavedSlice::new(samples, 1, samples.len()).map_err(|e| AudioError::Resample(e.to_string()))?;
    let out = resampler.process_all(&input, samples.len(), None).map_err(|e| AudioError::Resample(e.to_string()))?;
    Ok(out.take_data())
}

/// Streaming resampler for live capture: accepts chunks of any size, returns whatever output is ready.
/// Output lags the input by the resampler's delay (a few ms), which a live display does not mind.
pub struct StreamResampler {
    inner: Option<Fft<f32>>,
    pending: Vec<f32>,
    out: Vec<f32>,
}

impl StreamResampler {
    /// A resampler from `from` Hz to `to` Hz (identity when they are equal).
    pub fn new(from: u32, to: u32) -> Result<Self, AudioError> {
        let inner = if from == to { None } else { Some(new_resampler(from, to, 480)?) };
        Ok(StreamResampler { inner, pending: Vec::new(), out: Vec::new() })
    }

    /// Feeds samples; returns the resampled samples that are complete so far.
    pub fn process(&mut self, chunk: &[f32]) -> Result<Vec<f32>, AudioError> {
        let Some(resampler) = self.inner.as_mut() else {
            return Ok(chunk.to_vec());
        };
        self.pending.extend_from_slice(chunk);
        let mut produced = Vec::new();
        let mut offset = 0;
        loop {
            let need = resampler.input_frames_next();
            if self.pending.len() - offset < need {
                break;
            }
            self.out.resize(resampler.output_frames_next(), 0.0);
            let input = InterleavedSlice::new(&self.pending[offset..offset + need], 1, need)
                .map_err(|e| AudioError::Resample(e.to_string()))?;
            let frames = self.out.len();
            let mut output =
                InterleavedSlice::new_mut(&mut self.out, 1, frames).map_err(|e| AudioError::Resample(e.to_string()))?;
            let (used, written) = resampler
                .process_into_buffer(&input, &mut output, Some(&Indexing::new()))
                .map_err(|e| AudioError::Resample(e.to_string()))?;
            produced.extend_from_slice(&self.out[..written]);
            offset += used;
        }
        self.pending.drain(..offset);
        Ok(produced)
    }
}
