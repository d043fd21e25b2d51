#!/usr/bin/env python3
"""Keras 3 peer of src/test/java/dev/strata/bench/RecurrentTrainingBenchmark.java: the same LSTM text classifier
(Embedding(2000, 32, mask_zero) -> LSTM(64) -> Dense(1, sigmoid), Adam, batch 64) trained on the same kind of
synthetic token rows; prints examples/s of the epochs after the first for each sequence length.

    /tmp/kvenv/bin/python tools/bench/keras_lstm.py [EXAMPLES] [EPOCHS] [LENGTH...]
"""
import os
import sys
import time

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import numpy as np
import keras

VOCAB, BATCH = 2000, 64


def main():
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2048
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    lengths = [int(a) for a in sys.argv[3:]] or [25, 50, 100, 200]
    rng = np.random.default_rng(1)
    print(f"keras {keras.__version__}, {examples} examples, batch {BATCH}, {os.cpu_count()} cores")
    for length in lengths:
        x = rng.integers(1, VOCAB, size=(examples, length)).astype("float32")
        pad = rng.integers(0, length // 2, size=examples)
        for i, p in enumerate(pad):
            x[i, length - p:] = 0
        y = rng.integers(0, 2, size=(examples, 1)).astype("float32")
        model = keras.Sequential([keras.Input((length,)), keras.layers.Embedding(VOCAB, 32, mask_zero=True),
                                  keras.layers.LSTM(64), keras.layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
        t0 = time.perf_counter()
        model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.fit(x, y, batch_size=BATCH, epochs=epochs - 1, verbose=0)
        rest = time.perf_counter() - t0
        print(f"length {length:4d}: first epoch {first:6.2f} s, then {examples * (epochs - 1) / rest:8.0f} ex/s")


if __name__ == "__main__":
    main()
