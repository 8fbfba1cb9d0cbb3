//! Slaney-scale mel filter bank with Slaney (unit-area) normalisation, as librosa builds it.

use super::FeatureConfig;

/// Slaney's mel scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above.
pub(crate) fn hz_to_mel(hz: f64) -> f64 {
    let f_sp = 200.0 / 3.0;
    let (min_log_hz, min_log_mel, logstep) = (1000.0, 1000.0 / f_sp, 6.4f64.ln() / 27.0);
    if hz >= min_log_hz { min_log_mel + (hz / min_log_hz).ln() / logstep } else { hz / f_sp }
}

/// Inverse of [`hz_to_mel`].
pub(crate) fn mel_to_hz(mel: f64) -> f64 {
    let f_sp = 200.0 / 3.0;
    let (min_log_hz, min_log_mel, logstep) = (1000.0, 1000.0 / f_sp, 6.4f64.ln() / 27.0);
    if mel >= min_log_mel { min_log_hz * (logstep * (mel - min_log_mel)).exp() } else { mel * f_sp }
}

/// Sparse triangular filters: for each band, the first FFT bin and its weights.
#[derive(Clone, Debug)]
pub(crate) struct FilterBank {
    pub(crate) bands: Vec<(usize, Vec<f32>)>,
}

impl FilterBank {
    pub(crate) fn slaney(cfg: &FeatureConfig) -> FilterBank {
        let n_bins = cfg.n_fft / 2 + 1;
        let fft_freqs: Vec<f64> = (0..n_bins).map(|k| k as f64 * cfg.sample_rate as f64 / cfg.n_fft as f64).collect();
        let (lo, hi) = (hz_to_mel(cfg.f_min as f64), hz_to_mel(cfg.f_max as f64));
        let edges: Vec<f64> =
            (0..cfg.n_mels + 2).map(|i| mel_to_hz(lo + (hi - lo) * i as f64 / (cfg.n_mels + 1) as f64)).collect();
        let bands = (0..cfg.n_mels)
            .map(|m| {
                let (left, centre, right) = (edges[m], edges[m + 1], edges[m + 2]);
                let norm = 2.0 / (right - left);
                let weights: Vec<(usize, f32)> = fft_freqs
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &f)| {
                        let w = ((f - left) / (centre - left)).min((right - f) / (right - centre)).max(0.0) * norm;
                        (w > 0.0).then_some((k, w as f32))
                    })
                    .collect();
                let first = weights.first().map_or(0, |w| w.0);
                let mut dense = vec![0.0; weights.last().map_or(0, |w| w.0 + 1 - first)];
                for (k, w) in weights {
                    dense[k - first] = w;
                }
                (first, dense)
            })
            .collect();
        FilterBank { bands }
    }

    /// Mel energies of a power spectrum.
    pub(crate) fn apply(&self, power: &[f32], out: &mut [f32]) {
        for ((first, weights), o) in self.bands.iter().zip(out.iter_mut()) {
            *o = weights.iter().zip(&power[*first..]).map(|(w, p)| w * p).sum();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mel_scale_round_trips_and_is_linear_below_1khz() {
        for hz in [0.0, 20.0, 500.0, 999.0, 1000.0, 4000.0, 8000.0] {
            assert!((mel_to_hz(hz_to_mel(hz)) - hz).abs() < 1e-6, "{hz}");
        }
        assert!((hz_to_mel(1000.0) - 15.0).abs() < 1e-12);
        assert!((hz_to_mel(500.0) - 7.5).abs() < 1e-12);
    }

    #[test]
    fn every_default_band_has_weight_and_unit_area() {
        let cfg = FeatureConfig::default();
        let bank = FilterBank::slaney(&cfg);
        assert_eq!(bank.bands.len(), 80);
        let bin_hz = cfg.sample_rate as f32 / cfg.n_fft as f32;
        for (m, (_, w)) in bank.bands.iter().enumerate() {
            assert!(!w.is_empty() && w.iter().any(|v| *v > 0.0), "band {m} is empty");
            // Slaney normalisation makes each triangle's area (in Hz) 1; 31.25 Hz FFT bins sample the
            // narrow low bands unevenly (librosa's own bank is off by up to 12% there), wide bands closely.
            let area: f32 = w.iter().sum::<f32>() * bin_hz;
            let tolerance = if m >= 40 { 0.03 } else { 0.15 };
            assert!((area - 1.0).abs() < tolerance, "band {m} area {area}");
        }
    }
}
