#!/usr/bin/env python3
"""Golden fixture for recurrent layers given initial states (Keras's initial_state), from REAL Keras 3.

    /tmp/kvenv/bin/python tools/keras-golden/initial_state.py

Model "seq2seq": enc (5, 3) -> LSTM(4, return_state) "encoder" -> [out, h, c];
  dec (6, 2) -> LSTM(4, return_sequences, recurrent L2(0.01)) "decoder" with initial_state=[h, c] -> Dense(2) "proj";
  dec -> GRU(3) "gru" with initial_state=[Dense(3) "init"(out)].
compile: loss {"proj": mse, "gru": mse}, SGD(0.1).

Writes src/test/resources/golden/initial_state.json: model_json, initial_weights, enc, dec, y_proj, y_gru
(8 examples), predict, evaluate (batch 8), fit (one epoch, batch 4, no shuffle): history and weights after.
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
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "initial_state.json")
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
    enc = keras.Input((5, 3), name="enc")
    dec = keras.Input((6, 2), name="dec")
    out, h, c = L.LSTM(4, return_state=True, name="encoder")(enc)
    seq = L.LSTM(4, return_sequences=True, recurrent_regularizer=R.L2(0.01), name="decoder")(dec, initial_state=[h, c])
    proj = L.Dense(2, name="proj")(seq)
    gru = L.GRU(3, name="gru")(dec, initial_state=[L.Dense(3, name="init")(out)])
    model = keras.Model([enc, dec], [proj, gru], name="seq2seq")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss={"proj": "mse", "gru": "mse"}, jit_compile=False)
    return model


def main():
    rng = np.random.default_rng(SEED)
    model = build()
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.5, 4).astype(np.float32) for v in model.weights]
    model.set_weights(init)
    enc = np.round(rng.standard_normal((8, 5, 3)), 4).astype(np.float32)
    dec = np.round(rng.standard_normal((8, 6, 2)), 4).astype(np.float32)
    y_proj = np.round(rng.standard_normal((8, 6, 2)), 4).astype(np.float32)
    y_gru = np.round(rng.standard_normal((8, 3)), 4).astype(np.float32)
    x = [enc, dec]
    y = {"proj": y_proj, "gru": y_gru}
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
        "enc": tensor(enc), "dec": tensor(dec), "y_proj": tensor(y_proj), "y_gru": tensor(y_gru),
        "predict": {"proj": tensor(predicted[0]), "gru": tensor(predicted[1])},
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
