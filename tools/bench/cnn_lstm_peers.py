#!/usr/bin/env python3
"""Keras 3 and PyTorch peers of CnnTrainingBenchmark.java (small CNN, L2 1e-4 on every kernel, bias, gamma and beta,
SGD 0.05, batch 128, sparse crossentropy from logits) and RecurrentTrainingBenchmark.java (Embedding(2000, 32,
mask_zero) -> LSTM(64) -> Dense(1, sigmoid), Adam, batch 64): examples/s of the epochs after the first. PyTorch adds
the L2 terms to the loss by hand and, having no masking, packs the padded sequences. Run by hand, never by the build:

    /tmp/kvenv/bin/python tools/bench/cnn_lstm_peers.py [cnn|lstm|all] [EXAMPLES] [EPOCHS] [LENGTH]
"""
import os
import sys
import time

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import numpy as np

F = 1e-4


def timed(epoch, epochs):
    epoch()
    t0 = time.perf_counter()
    for _ in range(epochs):
        epoch()
    return time.perf_counter() - t0


def keras_cnn(x, y, epochs):
    import keras
    r = keras.regularizers.L2(F)
    conv = dict(activation="relu", kernel_regularizer=r, bias_regularizer=r)
    bn = dict(gamma_regularizer=r, beta_regularizer=r)
    m = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Conv2D(32, 3, **conv),
                          keras.layers.BatchNormalization(**bn), keras.layers.MaxPooling2D(),
                          keras.layers.Conv2D(64, 3, **conv), keras.layers.BatchNormalization(**bn),
                          keras.layers.MaxPooling2D(), keras.layers.Flatten(),
                          keras.layers.Dense(10, kernel_regularizer=r, bias_regularizer=r)])
    m.compile(optimizer=keras.optimizers.SGD(0.05),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return timed(lambda: m.fit(x, y, batch_size=128, epochs=1, shuffle=False, verbose=0), epochs)


def torch_cnn(x, y, epochs):
    import torch
    nn = torch.nn
    m = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.BatchNorm2d(32, momentum=0.01, eps=1e-3), nn.MaxPool2d(2),
                      nn.Conv2d(32, 64, 3), nn.ReLU(), nn.BatchNorm2d(64, momentum=0.01, eps=1e-3), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(64 * 5 * 5, 10))
    opt = torch.optim.SGD(m.parameters(), 0.05)
    loss_fn = nn.CrossEntropyLoss()
    xt = torch.from_numpy(x).permute(0, 3, 1, 2).contiguous()
    yt = torch.from_numpy(y.astype(np.int64))

    def epoch():
        for i in range(0, len(xt), 128):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(m(xt[i:i + 128]), yt[i:i + 128])
            loss = loss + F * sum(p.square().sum() for p in m.parameters())
            loss.backward()
            opt.step()
    return timed(epoch, epochs)


def keras_lstm(x, y, epochs):
    import keras
    m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Embedding(2000, 32, mask_zero=True),
                          keras.layers.LSTM(64), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
    return timed(lambda: m.fit(x, y, batch_size=64, epochs=1, verbose=0), epochs)


def torch_lstm(x, y, epochs):
    import torch
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(2000, 32, padding_idx=0)
            self.lstm = nn.LSTM(32, 64, batch_first=True)
            self.out = nn.Linear(64, 1)

        def forward(self, tokens, lengths):
            packed = nn.utils.rnn.pack_padded_sequence(self.emb(tokens), lengths, batch_first=True,
                                                       enforce_sorted=False)
            _, (h, _) = self.lstm(packed)
            return torch.sigmoid(self.out(h[-1]))

    m = Net()
    opt = torch.optim.Adam(m.parameters(), 1e-3)
    loss_fn = nn.BCELoss()
    xt = torch.from_numpy(x.astype(np.int64))
    lengths = (xt != 0).sum(1).clamp(min=1)
    yt = torch.from_numpy(y)

    def epoch():
        for i in range(0, len(xt), 64):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(m(xt[i:i + 64], lengths[i:i + 64]), yt[i:i + 64])
            loss.backward()
            opt.step()
    return timed(epoch, epochs)


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    examples = int(sys.argv[2]) if len(sys.argv) > 2 else 4096
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    length = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    import torch
    torch.set_num_threads(os.cpu_count())
    rng = np.random.default_rng(7)
    if what in ("cnn", "all"):
        x = rng.random((examples, 28, 28, 1), dtype=np.float32)
        y = rng.integers(0, 10, size=examples).astype(np.float32)
        for name, fn in (("Keras", keras_cnn), ("PyTorch", torch_cnn)):
            print(f"{name} CNN, L2 everywhere: {examples * epochs / fn(x, y, epochs):,.0f} examples/s", flush=True)
    if what in ("lstm", "all"):
        x = np.zeros((examples, length), dtype=np.float32)
        for i in range(examples):
            n = 1 + rng.integers(0, length)
            x[i, :n] = rng.integers(1, 2000, size=n)
        y = rng.integers(0, 2, size=(examples, 1)).astype(np.float32)
        for name, fn in (("Keras", keras_lstm), ("PyTorch", torch_lstm)):
            print(f"{name} LSTM, {length} steps: {examples * epochs / fn(x, y, epochs):,.0f} examples/s", flush=True)


if __name__ == "__main__":
    main()
