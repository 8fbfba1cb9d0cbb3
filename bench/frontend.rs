//! Front-end benchmarks: log-mel of 1 s of audio (target ≤ 0.1 ms natively), streaming log-mel in
//! 1024-sample chunks, and 1 s of 48 kHz / 44.1 kHz audio resampled to 16 kHz.
//! Run: `cargo bench --bench frontend`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use wakebuilder::audio;
use wakebuilder::features::{FeatureConfig, LogMel, StreamingLogMel};

fn signal(n: usize, rate: f32) -> Vec<f32> {
    (0..n)
        .map(|i| (i as f32 * 440.0 * std::f32::consts::TAU / rate).sin() * 0.3 + ((i * 7919) % 97) as f32 * 1e-3)
        .collect()
}

fn bench(c: &mut Criterion) {
    let engine = LogMel::new(FeatureConfig::default()).unwrap();
    let one_second = signal(16_000, 16_000.0);
    c.bench_function("log-mel 1 s (101 frames x 80 bins)", |b| b.iter(|| engine.compute(black_box(&one_second))));
    c.bench_function("log-mel 1 s streamed in 1024-sample chunks", |b| {
        b.iter(|| {
            let mut s = StreamingLogMel::new(engine.clone());
            let mut n = 0;
            for chunk in one_second.chunks(1024) {
                n += s.push(black_box(chunk)).len();
            }
            n + s.finish().len()
        })
    });
    for rate in [48_000u32, 44_100] {
        let x = signal(rate as usize, rate as f32);
        c.bench_function(&format!("resample 1 s {rate} Hz -> 16 kHz"), |b| {
            b.iter(|| audio::resample(black_box(&x), rate, 16_000).unwrap())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
