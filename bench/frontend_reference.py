#!/usr/bin/env python3
"""Reference timings for the front-end benchmark: librosa's log-mel (the same recipe as our FeatureConfig,
float32 input as a user would call it) and resampling 1 s of 48 / 44.1 kHz audio to 16 kHz with
librosa.resample (soxr_hq, its default). Prints ours / reference from criterion's latest estimates, so run
`cargo bench --bench frontend` first, then: python3 bench/frontend_reference.py
"""
import json
import os
import pathlib
import timeit

os.environ.setdefault("OMP_NUM_THREADS", "1")
import librosa  # noqa: E402
import numpy as np  # noqa: E402

CRITERION = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def signal(n, rate):
    i = np.arange(n, dtype=np.float32)
    return (np.sin(i * 440 * 2 * np.pi / rate) * 0.3 + ((i * 7919) % 97) * 1e-3).astype(np.float32)


def best_us(fn, number=200, repeat=5):
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def ours_us(name):
    path = CRITERION / name / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["mean"]["point_estimate"] / 1e3


def main():
    one_second = signal(16000, 16000.0)
    logmel = lambda: np.log(librosa.feature.melspectrogram(  # noqa: E731
        y=one_second, sr=16000, n_fft=512, hop_length=160, win_length=400, window="hann", center=True,
        pad_mode="constant", power=2.0, n_mels=80, fmin=20.0, fmax=8000.0, htk=False, norm="slaney") + 1e-6)
    rows = [("log-mel 1 s (101 frames x 80 bins)", best_us(logmel))]
    for rate in (48000, 44100):
        x = signal(rate, float(rate))
        rows.append((f"resample 1 s {rate} Hz -> 16 kHz",
                     best_us(lambda: librosa.resample(x, orig_sr=rate, target_sr=16000), number=50)))
    print(f"{'benchmark':44} {'ours (µs)':>10} {'librosa (µs)':>13} {'ours/librosa':>13}")
    for name, ref in rows:
        ours = ours_us(name.replace(">", "_"))
        ours_txt = f"{ours:10.1f}" if ours else f"{'(run cargo bench)':>10}"
        ratio = f"{ours / ref:13.2f}" if ours else ""
        print(f"{name:44} {ours_txt} {ref:13.1f} {ratio}")


if __name__ == "__main__":
    main()
