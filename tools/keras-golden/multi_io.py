#!/usr/bin/env python3
"""Golden fixture for a functional model with two inputs, a shared layer and two outputs, from REAL Keras 3.

    /tmp/kvenv/bin/python tools/keras-golden/multi_io.py

Model: a (4,), b (4,) -> shared Dense(3, relu, kernel L2(0.01), activity L2(0.001)) called on each ->
       "kind" = Dense(2, softmax)(shared(a)), "size" = Dense(1, bias L1(0.01))(shared(b)).
compile: loss {"kind": categorical_crossentropy, "size": mse}, loss_weights {"kind": 1.0, "size": 0.5},
         metrics {"kind": ["accuracy"]}, SGD(0.1).

Writes src/test/resources/golden/multi_io.json: model_json, compile_config (what model.get_compile_config()
gives), initial_weights, xa, xb, y_kind, y_size (8 examples), predict (both outputs), evaluate (dict of every
logged value, batch 8), fit (one epoch, batch 4, no shuffle): history and weights after.
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
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "multi_io.json")
SEED = 20261130
L = keras.layers
R = keras.regularizers


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weights(model):
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(v.numpy())["data"]} for v in model.weights]


def build():
    keras.utils.set_random_seed(SEED)
    a = keras.Input(shape=(4,), name="a")
    b = keras.Input(shape=(4,), name="b")
    shared = L.Dense(3, activation="relu", kernel_regularizer=R.L2(0.01), activity_regularizer=R.L2(0.001),
                     name="shared")
    kind = L.Dense(2, activation="softmax", name="kind")(shared(a))
    size = L.Dense(1, bias_regularizer=R.L1(0.01), name="size")(shared(b))
    model = keras.Model([a, b], [kind, size], name="two_heads")
    model.compile(optimizer=keras.optimizers.SGD(0.1),
                  loss={"kind": "categorical_crossentropy", "size": "mse"},
                  loss_weights={"kind": 1.0, "size": 0.5},
                  metrics={"kind": ["accuracy"]}, jit_compile=False)
    return model


def main():
    rng = np.random.default_rng(SEED)
    model = build()
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.5, 4).astype(np.float32) for v in model.weights]
    model.set_weights(init)
    xa = np.round(rng.standard_normal((8, 4)), 4).astype(np.float32)
    xb = np.round(rng.standard_normal((8, 4)), 4).astype(np.float32)
    y_kind = np.eye(2, dtype=np.float32)[rng.integers(0, 2, 8)]
    y_size = np.round(rng.standard_normal((8, 1)), 4).astype(np.float32)
    predicted = model.predict([xa, xb], verbose=0)
    evaluated = model.evaluate([xa, xb], {"kind": y_kind, "size": y_size}, batch_size=8, verbose=0,
                               return_dict=True)
    history = model.fit([xa, xb], {"kind": y_kind, "size": y_size}, batch_size=4, epochs=1, shuffle=False,
                        verbose=0)
    doc = {
        "meta": {"generator": "tools/keras-golden/multi_io.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend()},
        "model_json": model.to_json(),
        "compile_config": model.get_compile_config(),
        "initial_weights": [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]}
                            for v, w in zip(model.weights, init)],
        "xa": tensor(xa), "xb": tensor(xb), "y_kind": tensor(y_kind), "y_size": tensor(y_size),
        "predict": {"kind": tensor(predicted[0]), "size": tensor(predicted[1])},
        "evaluate": {k: float(np.float32(v)) for k, v in evaluated.items()},
        "fit": {"history": {k: [float(np.float32(x)) for x in v] for k, v in history.history.items()},
                "weights_after": weights(model)},
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False, default=str)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")
    print(json.dumps(doc["evaluate"]), json.dumps(doc["fit"]["history"]))


if __name__ == "__main__":
    main()
