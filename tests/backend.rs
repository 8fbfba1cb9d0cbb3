//! burn is wired in: the CPU device computes, natively (the wasm twin is in tests/wasm.rs).

use std::future::Future;
use std::task::{Context, Poll, Waker};

/// Drives a future that completes without waiting on I/O (burn's flex backend reads back at once).
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

#[test]
fn burn_flex_cpu_device_multiplies_matrices() {
    block_on(wakebuilder::backend::matmul_check(&wakebuilder::backend::cpu())).unwrap();
}
