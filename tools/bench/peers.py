#!/usr/bin/env python3
"""Keras 3 and PyTorch peers of src/test/java/dev/strata/bench/PerformanceSuite.java, on the same MLP
(784-512-512-10, relu, logits, sparse categorical crossentropy from logits, batch 128, synthetic data in [0, 1)):
training examples/s without a penalty and with each penalty kind (SGD 0.05 and Adam 1e-3), predict latency at batch 1
(median, p99) and throughput at batch 256, and peak RSS. Rounds of each system alternate so machine noise hits both.
Run by hand; never part of the build or tests (the Java suite does not need Python):

    /tmp/kvenv/bin/python tools/bench/peers.py [EXAMPLES] [ROUNDS]

The venv: python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install --index-url file:///opt/pypi/simple \
    --extra-index-url file:///opt/pypi-more/simple keras tensorflow-cpu torch
PyTorch has no regularizer argument; the penalty is added to the loss by hand, as its users do.
"""
import os
import resource
import sys
import time

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import numpy as np

SIZES = (784, 512, 512, 10)
BATCH = 128
FACTOR = 1e-4
CALLS = 2000


def data(examples):
    rng = np.random.default_rng(7)
    x = rng.random((examples, SIZES[0]), dtype=np.float32)
    y = rng.integers(0, SIZES[-1], size=examples).astype(np.int64)
    return x, y


class KerasMlp:
    def __init__(self, penalty, every, adam):
        import keras
        self.keras = keras
        reg = {"none": None, "l1": keras.regularizers.L1(FACTOR), "l2": keras.regularizers.L2(FACTOR),
               "l1l2": keras.regularizers.L1L2(FACTOR, FACTOR)}[penalty]
        layers = [keras.Input((SIZES[0],))]
        for i, units in enumerate(SIZES[1:]):
            hidden = i < len(SIZES) - 2
            layers.append(keras.layers.Dense(units, activation="relu" if hidden else None,
                                             kernel_regularizer=reg if (hidden or every) else None,
                                             bias_regularizer=reg if every else None))
        self.model = keras.Sequential(layers)
        opt = keras.optimizers.Adam(1e-3) if adam else keras.optimizers.SGD(0.05)
        self.model.compile(optimizer=opt, loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        self.predict_fn = None

    def epoch(self, x, y):
        for i in range(0, len(x) - BATCH + 1, BATCH):
            self.model.train_on_batch(x[i:i + BATCH], y[i:i + BATCH])

    def predictor(self):
        import tensorflow as tf
        fn = tf.function(lambda t: self.model(t, training=False), jit_compile=True, reduce_retracing=True)
        return lambda batch: fn(batch).numpy()


class TorchMlp:
    def __init__(self, penalty, every, adam):
        import torch
        self.torch = torch
        torch.manual_seed(0)
        mods = []
        for i in range(len(SIZES) - 1):
            mods.append(torch.nn.Linear(SIZES[i], SIZES[i + 1]))
            if i < len(SIZES) - 2:
                mods.append(torch.nn.ReLU())
        self.model = torch.nn.Sequential(*mods)
        linears = [m for m in mods if isinstance(m, torch.nn.Linear)]
        self.penalized = []
        for i, lin in enumerate(linears):
            if penalty != "none" and (i < len(linears) - 1 or every):
                self.penalized.append(lin.weight)
            if penalty != "none" and every:
                self.penalized.append(lin.bias)
        self.penalty = penalty
        self.opt = torch.optim.Adam(self.model.parameters(), 1e-3) if adam else \
            torch.optim.SGD(self.model.parameters(), 0.05)
        self.loss = torch.nn.CrossEntropyLoss()

    def epoch(self, x, y):
        torch = self.torch
        xt = torch.from_numpy(x)
        yt = torch.from_numpy(y)
        for i in range(0, len(x) - BATCH + 1, BATCH):
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss(self.model(xt[i:i + BATCH]), yt[i:i + BATCH])
            for w in self.penalized:
                if self.penalty in ("l1", "l1l2"):
                    loss = loss + FACTOR * w.abs().sum()
                if self.penalty in ("l2", "l1l2"):
                    loss = loss + FACTOR * w.square().sum()
            loss.backward()
            self.opt.step()

    def predictor(self):
        torch = self.torch
        self.model.eval()

        def run(batch):
            with torch.inference_mode():
                return self.model(torch.from_numpy(batch)).numpy()
        return run


def train_row(x, y, rounds, penalty, every, adam):
    systems = {"Keras": (KerasMlp(penalty, every, adam), KerasMlp("none", False, adam)),
               "PyTorch": (TorchMlp(penalty, every, adam), TorchMlp("none", False, adam))}
    for with_p, without in systems.values():
        with_p.epoch(x, y)
        without.epoch(x, y)
    times = {k: [0.0, 0.0] for k in systems}
    for _ in range(rounds):
        for name, (with_p, without) in systems.items():
            t0 = time.perf_counter()
            with_p.epoch(x, y)
            t1 = time.perf_counter()
            without.epoch(x, y)
            t2 = time.perf_counter()
            times[name][0] += t1 - t0
            times[name][1] += t2 - t1
    n = len(x) // BATCH * BATCH * rounds
    label = ("Adam" if adam else "SGD") + ", " + (penalty.upper() + (" on every kernel and bias" if every
                                                                    else " on hidden kernels"))
    cells = []
    for name in systems:
        w, wo = n / times[name][0], n / times[name][1]
        cells.append(f"{w:,.0f} | {wo:,.0f} | {100 * (1 - w / wo):.1f}%")
    print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def predict_rows(x):
    print("\n| predict | batch 1 median ms | batch 1 p99 ms | batch 256 ex/s |\n| --- | --- | --- | --- |")
    for name, cls in (("Keras (compiled tf.function)", KerasMlp), ("PyTorch (inference_mode)", TorchMlp)):
        run = cls("l2", False, False).predictor()
        lat = []
        for c in range(2 * CALLS):
            row = x[c % len(x):c % len(x) + 1]
            t0 = time.perf_counter()
            run(row)
            lat.append(time.perf_counter() - t0)
        lat = sorted(lat[CALLS:])
        batches = len(x) // 256
        for b in range(batches):
            run(x[b * 256:(b + 1) * 256])
        t0 = time.perf_counter()
        for _ in range(5):
            for b in range(batches):
                run(x[b * 256:(b + 1) * 256])
        ex = 5 * batches * 256 / (time.perf_counter() - t0)
        print(f"| {name} | {lat[len(lat) // 2] * 1e3:.4f} | {lat[len(lat) * 99 // 100] * 1e3:.4f} | {ex:,.0f} |",
              flush=True)


def main():
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 12800
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    import keras
    import torch
    torch.set_num_threads(os.cpu_count())
    print(f"keras {keras.__version__}, torch {torch.__version__}, {os.cpu_count()} cores, {examples} examples, "
          f"{rounds} rounds")
    x, y = data(examples)
    print("\n| training setup | Keras ex/s | Keras, no penalty | Keras penalty cost | PyTorch ex/s "
          "| PyTorch, no penalty | PyTorch penalty cost |\n| --- | --- | --- | --- | --- | --- | --- |")
    for adam in (False, True):
        train_row(x, y, rounds, "l2", False, adam)
        for penalty in ("l1", "l2", "l1l2"):
            train_row(x, y, rounds, penalty, True, adam)
    predict_rows(x)
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
