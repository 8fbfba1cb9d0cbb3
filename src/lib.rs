//! wakebuilder: train wake-word models from a few takes, in the browser (wasm) or natively.
//!
//! Pipeline stages are modules; `web` holds the wasm-bindgen face of the page and its worker.

pub mod audio;
pub mod backend;
pub mod features;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
