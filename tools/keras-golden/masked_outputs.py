#!/usr/bin/env python3
"""Golden fixture: losses and metrics on outputs that carry a mask, from REAL Keras 3 (TensorFlow backend).

    /tmp/kvenv/bin/python tools/keras-golden/masked_outputs.py

Keras weights a masked output's loss by its mask (`Loss.__call__` -> `apply_mask`: valid steps weigh total/valid,
padded ones 0) and its mean metrics too (`MeanMetricWrapper` -> sample weight = mask). Models, token rows right-padded
with 0 (Embedding mask_zero):
  seq_ce     Embedding(7, 3, mask_zero) -> LSTM(3, return_sequences) -> Dense(2, softmax); categorical crossentropy,
             metrics accuracy and mae
  seq_mse    Embedding(7, 3, mask_zero) -> Dense(2); mean squared error with reduction "sum", metric mse
  seq_mwsw   as seq_mse, reduction "mean_with_sample_weight"

Writes src/test/resources/golden/masked_outputs.json, per model:
  model_json, loss, reduction, metrics
  initial_weights   [{"strata", "shape", "data"}]
  x, y              4 examples of 5 steps
  evaluate          model.evaluate(x, y, batch_size=4) as a dict, before training
  history           model.fit(x, y, batch_size=2, epochs=1, shuffle=False) with SGD(0.1): epoch logs
  weights_after     every weight after those two steps
"""
from golden_env import golden_path, meta, tensor, write  # first: it sets the environment TensorFlow reads

import numpy as np
import keras

OUT = golden_path("masked_outputs.json")
SEED = 20261128
L = keras.layers
STEPS = 5


def models():
    emb = lambda: L.Embedding(7, 3, mask_zero=True, name="emb")
    return {
        "seq_ce": (lambda: [emb(), L.LSTM(3, return_sequences=True, recurrent_initializer="glorot_uniform",
                                          name="lstm"), L.Dense(2, activation="softmax", name="out")],
                   "categorical_crossentropy", "sum_over_batch_size", ["accuracy", "mae"]),
        "seq_mse": (lambda: [emb(), L.Dense(2, name="out")], "mean_squared_error", "sum", ["mse"]),
        "seq_mwsw": (lambda: [emb(), L.Dense(2, name="out")], "mean_squared_error", "mean_with_sample_weight",
                     ["mae"]),
    }


def weights(model):
    return [{"strata": layer.name + "/" + v.name, "shape": list(v.shape), "data": tensor(v.numpy())["data"]}
            for layer in model.layers for v in layer.weights]


def loss_object(name, reduction):
    cls = {"categorical_crossentropy": keras.losses.CategoricalCrossentropy,
           "mean_squared_error": keras.losses.MeanSquaredError}[name]
    return cls(reduction=reduction)


def one(name, make, loss, reduction, metrics):
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED + len(name))
    model = keras.Sequential([keras.Input(shape=(STEPS,), name="tokens")] + make(), name="model")
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.5, 4).astype(np.float32) for v in model.weights]
    model.set_weights(init)
    x = rng.integers(1, 7, (4, STEPS)).astype(np.float32)
    for row, keep in enumerate([5, 3, 2, 4]):
        x[row, keep:] = 0
    if loss == "categorical_crossentropy":
        y = np.eye(2, dtype=np.float32)[rng.integers(0, 2, (4, STEPS))]
    else:
        y = np.round(rng.standard_normal((4, STEPS, 2)), 4).astype(np.float32)
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss=loss_object(loss, reduction), metrics=metrics,
                  jit_compile=False)
    doc = {"model_json": model.to_json(), "loss": loss, "reduction": reduction, "metrics": metrics,
           "initial_weights": weights(model), "x": tensor(x), "y": tensor(y)}
    doc["evaluate"] = {k: float(v) for k, v in model.evaluate(x, y, batch_size=4, verbose=0,
                                                              return_dict=True).items()}
    history = model.fit(x, y, batch_size=2, epochs=1, shuffle=False, verbose=0)
    doc["history"] = {k: float(v[0]) for k, v in history.history.items()}
    doc["weights_after"] = weights(model)
    return doc


def main():
    doc = {"meta": meta("tools/keras-golden/masked_outputs.py"),
           "models": {}}
    for name, (make, loss, reduction, metrics) in models().items():
        doc["models"][name] = one(name, make, loss, reduction, metrics)
    write(OUT, doc)


if __name__ == "__main__":
    main()
