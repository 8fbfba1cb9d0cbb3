//! Wake-word networks as burn 0.22 modules (no backend type parameter: the device decides where they run).
//!
//! Input: a batch of log-mel windows `[batch, n_mels, frames]` (see [`crate::features`]); output: 2 logits
//! (index 0: other, index 1: the wake word) and, through `embed`, the penultimate embedding.

mod tc_resnet;

pub use tc_resnet::{TcBlock, TcResNet, TcResNetConfig};
