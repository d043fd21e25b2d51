#!/usr/bin/env python3
"""Golden fixture for models used as layers (nested models), from REAL Keras 3.

    /tmp/kvenv/bin/python tools/keras-golden/nested.py

Model "outer": x (6,) ->
  encoder = Sequential[Dense(4, relu, kernel L2(0.01)), BatchNormalization]   (trainable)
  frozen  = Sequential[Dense(4, tanh)]                                        (trainable=False)
  head    = Functional h_in (4,) -> Dense(2, bias L1(0.01)), called twice (a shared nested model)
  outputs: "head" = head(encoder(x)), "mix" = Dense(1)(head(frozen(x))).
compile: loss {"head": mse, "mix": mse}, SGD(0.1).

Writes src/test/resources/golden/nested.json: model_json, initial_weights, x, y_head, y_mix (8 examples),
predict (both outputs), evaluate (batch 8), fit (one epoch, batch 4, no shuffle): history and weights after.
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
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "nested.json")
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
    encoder = keras.Sequential([keras.Input((6,)), L.Dense(4, activation="relu", kernel_regularizer=R.L2(0.01),
                                                           name="enc_dense"),
                                L.BatchNormalization(name="enc_bn")], name="encoder")
    frozen = keras.Sequential([keras.Input((6,)), L.Dense(4, activation="tanh", name="frozen_dense")],
                              name="frozen")
    frozen.trainable = False
    h_in = keras.Input((4,), name="h_in")
    head = keras.Model(h_in, L.Dense(2, bias_regularizer=R.L1(0.01), name="head_dense")(h_in), name="head")
    x = keras.Input((6,), name="x")
    first = head(encoder(x))
    mix = L.Dense(1, name="mix")(head(frozen(x)))
    model = keras.Model(x, [first, mix], name="outer")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss={"head": "mse", "mix": "mse"}, jit_compile=False)
    return model


def main():
    rng = np.random.default_rng(SEED)
    model = build()
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.5, 4).astype(np.float32) for v in model.weights]
    init = [np.abs(w) + 0.5 if "variance" in v.path else w for v, w in zip(model.weights, init)]
    model.set_weights(init)
    x = np.round(rng.standard_normal((8, 6)), 4).astype(np.float32)
    y_head = np.round(rng.standard_normal((8, 2)), 4).astype(np.float32)
    y_mix = np.round(rng.standard_normal((8, 1)), 4).astype(np.float32)
    y = {"head": y_head, "mix": y_mix}
    predicted = model.predict(x, verbose=0)
    evaluated = model.evaluate(x, y, batch_size=8, verbose=0, return_dict=True)
    history = model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    doc = {
        "meta": {"generator": "tools/keras-golden/multi_io.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend()},
        "model_json": model.to_json(),
        "output_names": list(model.output_names),
        "counts": {"total": int(model.count_params()),
                   "trainable": int(sum(np.prod(v.shape) for v in model.trainable_weights))},
        "initial_weights": [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]}
                            for v, w in zip(model.weights, init)],
        "x": tensor(x), "y_head": tensor(y_head), "y_mix": tensor(y_mix),
        "predict": {"head": tensor(predicted[0]), "mix": tensor(predicted[1])},
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
