//! The networks: parameter counts against the seed's table, output shapes, width multiplier.

use burn::module::Module;
use burn::tensor::{Distribution, Tensor};
use wakebuilder::backend;
use wakebuilder::model::TcResNetConfig;

#[test]
fn tc_resnet8_parameter_count_matches_the_seed() {
    let device = backend::cpu();
    let model = TcResNetConfig::default().init(&device);
    // burn's num_params also counts each batch norm's running mean and variance (not trained): three
    // batch norms per block over 24, 32 and 48 channels.
    let running_stats = 2 * 3 * (24 + 32 + 48);
    let params = model.num_params() - running_stats;
    println!("TC-ResNet8, width 1.0, 80 mel bins: {params} trainable parameters (seed: 66,938)");
    // Exactly the layout in the module docs; within 1% of the seed's figure.
    assert_eq!(params, 66_578);
    assert!((params as f64 - 66_938.0).abs() / 66_938.0 < 0.01);
    let half = TcResNetConfig { width: 0.5, ..Default::default() }.init(&device).num_params();
    assert!(half < model.num_params() / 3, "width 0.5 gives {half}");
}

#[test]
fn tc_resnet8_shapes() {
    let device = backend::cpu();
    let model = TcResNetConfig::default().init(&device);
    let x = Tensor::<3>::random([4, 80, 101], Distribution::Normal(0.0, 1.0), &device);
    assert_eq!(model.forward(x.clone()).dims(), [4, 2]);
    assert_eq!(model.embed(x).dims(), [4, 48]);
    // Longer windows (phrases over 1 s) work: pooling is global over time.
    let long = Tensor::<3>::random([2, 80, 151], Distribution::Normal(0.0, 1.0), &device);
    assert_eq!(model.forward(long).dims(), [2, 2]);
}
