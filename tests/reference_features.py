#!/usr/bin/env python3
"""Reference log-mel features made with librosa, for the golden tests of src/features.

Reads tests/fixtures/hey_jarvis_16k.wav and writes tests/fixtures/hey_jarvis_16k.logmel.f32
(little-endian float32, shape (n_mels, frames), mel-major) and a .json with the shape and the
arguments used. The arguments mirror wakebuilder's default FeatureConfig:

    librosa.feature.melspectrogram(y, sr=16000, n_fft=512, hop_length=160, win_length=400,
        window="hann", center=True, pad_mode="constant", power=2.0, n_mels=80,
        fmin=20, fmax=8000, htk=False, norm="slaney")
    log(S + 1e-6)

computed in float64. Run: pip install librosa soundfile && python3 tests/reference_features.py
"""
import json
import pathlib

import librosa
import numpy as np
import soundfile as sf

HERE = pathlib.Path(__file__).parent / "fixtures"
ARGS = dict(sr=16000, n_fft=512, hop_length=160, win_length=400, window="hann", center=True,
            pad_mode="constant", power=2.0, n_mels=80, fmin=20.0, fmax=8000.0, htk=False, norm="slaney")
LOG_OFFSET = 1e-6


def main():
    y, sr = sf.read(HERE / "hey_jarvis_16k.wav", dtype="float64")
    assert sr == 16000 and y.ndim == 1
    mel = librosa.feature.melspectrogram(y=y, dtype=np.float64, **ARGS)
    logmel = np.log(mel + LOG_OFFSET).astype("<f4")
    (HERE / "hey_jarvis_16k.logmel.f32").write_bytes(logmel.tobytes(order="C"))
    meta = {"source": "hey_jarvis_16k.wav", "samples": int(len(y)), "n_mels": int(logmel.shape[0]),
            "frames": int(logmel.shape[1]), "layout": "mel-major float32 little-endian",
            "librosa": librosa.__version__, "args": ARGS, "log_offset": LOG_OFFSET}
    (HERE / "hey_jarvis_16k.logmel.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {logmel.shape} log-mel, range {logmel.min():.2f}..{logmel.max():.2f}")


if __name__ == "__main__":
    main()
