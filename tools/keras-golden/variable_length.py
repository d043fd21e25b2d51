#!/usr/bin/env python3
"""Golden fixture for sequences of unknown length (Input(shape=(None, features))), from REAL Keras 3.

    /tmp/kvenv/bin/python tools/keras-golden/variable_length.py

Model "varlen": x (None, 3) -> LSTM(4, return_sequences, go_backwards) "back" -> Bidirectional(GRU(3,
return_sequences)) "bi" -> SimpleRNN(2) "last" -> Dense(1) "out"; SGD(0.1), mse. Predicted on batches of 5 and of 7
steps; one epoch of fit (batch 4, no shuffle) on the 5-step batch.
Model "tokens": ids (None,) -> Embedding(6, 3, mask_zero) "emb" -> LSTM(3) "lstm" -> Dense(1) "head"; predicted on
right-padded rows of 4 and of 6 steps.

Writes src/test/resources/golden/variable_length.json.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import platform

import numpy as np
import tensorflow as tf
import keras

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "variable_length.json")
SEED = 20261128
L = keras.layers


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weights(model, values=None):
    values = values if values is not None else [v.numpy() for v in model.weights]
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]} for v, w in zip(model.weights, values)]


def randomize(model, rng):
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.5, 4).astype(np.float32) for v in model.weights]
    model.set_weights(init)
    return init


def main():
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    x = keras.Input((None, 3), name="x")
    h = L.LSTM(4, return_sequences=True, go_backwards=True, name="back")(x)
    h = L.Bidirectional(L.GRU(3, return_sequences=True), name="bi")(h)
    h = L.SimpleRNN(2, name="last")(h)
    model = keras.Model(x, L.Dense(1, name="out")(h), name="varlen")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", jit_compile=False)
    init = randomize(model, rng)
    x5 = np.round(rng.standard_normal((8, 5, 3)), 4).astype(np.float32)
    x7 = np.round(rng.standard_normal((8, 7, 3)), 4).astype(np.float32)
    y = np.round(rng.standard_normal((8, 1)), 4).astype(np.float32)
    p5 = model.predict(x5, verbose=0)
    p7 = model.predict(x7, verbose=0)
    history = model.fit(x5, y, batch_size=4, epochs=1, shuffle=False, verbose=0)

    ids = keras.Input((None,), name="ids")
    t = L.Embedding(6, 3, mask_zero=True, name="emb")(ids)
    t = L.LSTM(3, name="lstm")(t)
    tokens = keras.Model(ids, L.Dense(1, name="head")(t), name="tokens")
    tokens_init = randomize(tokens, rng)
    t4 = np.array([[1, 2, 3, 0], [4, 0, 0, 0], [5, 5, 1, 2]], np.float32)
    t6 = np.array([[1, 2, 3, 0, 0, 0], [4, 0, 0, 0, 0, 0], [5, 5, 1, 2, 3, 4]], np.float32)
    doc = {
        "meta": {"generator": "tools/keras-golden/variable_length.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend()},
        "varlen": {"model_json": model.to_json(), "initial_weights": weights(model, init),
                   "x5": tensor(x5), "x7": tensor(x7), "y": tensor(y), "predict5": tensor(p5),
                   "predict7": tensor(p7), "history_loss": float(history.history["loss"][0]),
                   "weights_after": weights(model)},
        "tokens": {"model_json": tokens.to_json(), "initial_weights": weights(tokens, tokens_init),
                   "t4": tensor(t4), "t6": tensor(t6), "predict4": tensor(tokens.predict(t4, verbose=0)),
                   "predict6": tensor(tokens.predict(t6, verbose=0))},
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
