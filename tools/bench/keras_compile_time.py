#!/usr/bin/env python3
"""Keras 3's time to the first training step against depth, for CompileTimeBenchmark's model.

    /tmp/kvenv/bin/python tools/bench/keras_compile_time.py 25 50 100 200 300 400

The same model as dev.strata.bench.CompileTimeBenchmark: Input(4) -> N x Dense(4, relu) -> Dense(1, sigmoid),
Adam, binary crossentropy, one fit() epoch of one batch of 64. Build + compile + trace + first step, in seconds.
"""
import os
import sys
import time

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import numpy as np
import keras


def run(n, x, y):
    start = time.perf_counter()
    layers = [keras.Input(shape=(4,))] + [keras.layers.Dense(4, activation="relu") for _ in range(n)]
    model = keras.Sequential(layers + [keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    built = time.perf_counter()
    model.fit(x, y, batch_size=64, epochs=1, verbose=0)
    done = time.perf_counter()
    return built - start, done - built


def main():
    depths = [int(a) for a in sys.argv[1:]] or [25, 50, 100, 200, 300, 400]
    rng = np.random.default_rng(1)
    x = rng.standard_normal((64, 4)).astype(np.float32)
    y = (x[:, :1] > 0).astype(np.float32)
    run(10, x, y)  # warm up
    print("layers  build s  first step s  total s  ms per layer")
    for n in depths:
        keras.backend.clear_session()
        b, f = run(n, x, y)
        print(f"{n:6d}  {b:7.2f}  {f:12.2f}  {b + f:7.2f}  {1000 * (b + f) / n:12.2f}")


if __name__ == "__main__":
    main()
