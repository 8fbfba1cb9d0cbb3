//! TC-ResNet8 (Choi et al., 2019, "Temporal Convolution for Real-time Keyword Spotting on Mobile Devices").
//!
//! The 80 mel bins are the input channels and convolutions run along time only, which makes the network
//! small and fast. Layout at width 1.0: a 3-tap convolution to 16 channels, then three residual blocks
//! (24, 32, 48 channels; 9-tap convolutions, stride 2, a 1×1 convolution with batch norm on the
//! shortcut), global average pooling over time, dropout and a linear layer to 2 logits.
//!
//! Parameters at width 1.0 with 80 mel bins: 66,578 trainable (the seed's metadata says 66,938; the paper's
//! 66K is for 40 MFCCs and 12 classes). The seed's 360 more are biases or an extra batch norm in its own
//! variant; convolutions followed by batch norm need no bias, so we leave them out. burn's `num_params`
//! reports 67,202: it also counts the batch norms' running mean and variance (624 values, not trained).

use burn::module::Module;
use burn::nn::conv::{Conv1d, Conv1dConfig};
use burn::nn::{BatchNorm, BatchNormConfig, Dropout, DropoutConfig, Linear, LinearConfig, PaddingConfig1d};
use burn::tensor::Device;
use burn::tensor::Tensor;
use burn::tensor::activation::relu;

/// Hyper-parameters of [`TcResNet`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TcResNetConfig {
    /// Input channels (mel bins).
    pub n_mels: usize,
    /// Width multiplier applied to every layer's channel count.
    pub width: f32,
    /// Dropout before the classifier.
    pub dropout: f64,
    /// Output classes (2: other, wake word).
    pub classes: usize,
}

impl Default for TcResNetConfig {
    fn default() -> Self {
        TcResNetConfig { n_mels: 80, width: 1.0, dropout: 0.1, classes: 2 }
    }
}

fn scaled(channels: usize, width: f32) -> usize {
    ((channels as f32 * width).round() as usize).max(1)
}

/// One residual block: two 9-tap convolutions (the first strided) and a strided 1×1 shortcut.
#[derive(Module, Debug)]
pub struct TcBlock {
    conv1: Conv1d,
    bn1: BatchNorm,
    conv2: Conv1d,
    bn2: BatchNorm,
    shortcut: Conv1d,
    bn_shortcut: BatchNorm,
}

impl TcBlock {
    fn new(c_in: usize, c_out: usize, device: &Device) -> TcBlock {
        let conv = |ci, co, k, stride| {
            Conv1dConfig::new(ci, co, k)
                .with_stride(stride)
                .with_padding(PaddingConfig1d::Explicit(k / 2, k / 2))
                .with_bias(false)
                .init(device)
        };
        TcBlock {
            conv1: conv(c_in, c_out, 9, 2),
            bn1: BatchNormConfig::new(c_out).init(device),
            conv2: conv(c_out, c_out, 9, 1),
            bn2: BatchNormConfig::new(c_out).init(device),
            shortcut: conv(c_in, c_out, 1, 2),
            bn_shortcut: BatchNormConfig::new(c_out).init(device),
        }
    }

    fn forward(&self, x: Tensor<3>) -> Tensor<3> {
        let y = relu(self.bn1.forward(self.conv1.forward(x.clone())));
        let y = self.bn2.forward(self.conv2.forward(y));
        let s = relu(self.bn_shortcut.forward(self.shortcut.forward(x)));
        relu(y + s)
    }
}

/// TC-ResNet8: `[batch, n_mels, frames]` log-mel in, 2 logits out.
#[derive(Module, Debug)]
pub struct TcResNet {
    stem: Conv1d,
    blocks: Vec<TcBlock>,
    dropout: Dropout,
    head: Linear,
}

impl TcResNetConfig {
    /// Builds the network with fresh weights on `device`.
    pub fn init(&self, device: &Device) -> TcResNet {
        let w = |c| scaled(c, self.width);
        let stem = Conv1dConfig::new(self.n_mels, w(16), 3)
            .with_padding(PaddingConfig1d::Explicit(1, 1))
            .with_bias(false)
            .init(device);
        let widths = [w(16), w(24), w(32), w(48)];
        let blocks = widths.windows(2).map(|p| TcBlock::new(p[0], p[1], device)).collect();
        TcResNet {
            stem,
            blocks,
            dropout: DropoutConfig::new(self.dropout).init(),
            head: LinearConfig::new(widths[3], self.classes).init(device),
        }
    }
}

impl TcResNet {
    /// The penultimate embedding: time-averaged features of the last block, `[batch, 48·width]`.
    pub fn embed(&self, x: Tensor<3>) -> Tensor<2> {
        let mut h = self.stem.forward(x);
        for block in &self.blocks {
            h = block.forward(h);
        }
        h.mean_dim(2).squeeze_dim::<2>(2)
    }

    /// Class logits `[batch, classes]`.
    pub fn forward(&self, x: Tensor<3>) -> Tensor<2> {
        self.head.forward(self.dropout.forward(self.embed(x)))
    }
}
