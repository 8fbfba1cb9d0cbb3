//! The one place that picks burn's compute device.
//!
//! burn 0.22 modules and tensors carry no backend type parameter; the [`Device`] chosen here decides
//! where they run: `flex` (pure-Rust CPU, native and wasm) or WebGPU in the browser.

pub use burn::tensor::Device;
use burn::tensor::Tensor;

/// burn's pure-Rust CPU device, available on every target.
pub fn cpu() -> Device {
    Device::flex()
}

/// Multiplies two small matrices on `device` and checks the result against the CPU's arithmetic,
/// reading the result back asynchronously (the only way that works on WebGPU in a browser).
pub async fn matmul_check(device: &Device) -> Result<(), String> {
    let a = Tensor::<2>::from_floats([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device);
    let b = Tensor::<2>::from_floats([[1.0, 0.5], [-1.0, 2.0], [0.25, -0.5]], device);
    let data = a.matmul(b).into_data_async().await.map_err(|e| format!("{e:?}"))?;
    let got: Vec<f32> = data.try_to_vec::<f32>().map_err(|e| format!("{e:?}"))?;
    let want = [-0.25, 3.0, 0.5, 9.0];
    if got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-4) {
        Ok(())
    } else {
        Err(format!("matmul on {device:?} gave {got:?}, expected {want:?}"))
    }
}

/// Initialises burn's WebGPU device with the async set-up and runs [`matmul_check`] on it.
#[cfg(target_arch = "wasm32")]
pub async fn webgpu_smoke_test() -> Result<(), String> {
    let device = webgpu().await?;
    matmul_check(&device).await
}

/// The browser's WebGPU device, initialised asynchronously (never blocks the worker).
#[cfg(target_arch = "wasm32")]
pub async fn webgpu() -> Result<Device, String> {
    let has_gpu = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|nav| js_sys::Reflect::get(&nav, &"gpu".into()))
        .map(|gpu| !gpu.is_undefined())
        .unwrap_or(false);
    if !has_gpu {
        return Err("this browser has no navigator.gpu".into());
    }
    Device::wgpu_options()
        .graphics_api(burn::tensor::wgpu::WgpuBackend::WebGpu)
        .init_async()
        .await
        .map_err(|e| e.to_string())
}
