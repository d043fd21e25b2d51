#!/usr/bin/env python3
"""Golden fixture for a small regularized CNN, from REAL Keras 3 (TensorFlow backend).

    /tmp/kvenv/bin/python tools/keras-golden/cnn.py

Model: Input(8, 8, 1) -> Conv2D(4, 3, same, relu, kernel L2(0.01), bias L1(0.001))
       -> BatchNormalization(gamma L2(0.001), beta L1(0.001)) -> MaxPooling2D(2) -> Dropout(0.25)
       -> Flatten -> Dense(3, softmax, kernel L2(0.01)), categorical crossentropy.

Writes src/test/resources/golden/cnn.json with:
  model_json         model.to_json() (what Strata reads)
  initial_weights    [{"path", "shape", "data"}] in model.weights order (seeded random, moving variance > 0)
  x, y               6 examples, one-hot labels
  predict            model.predict(x): the inference pass (moving statistics, no dropout)
  penalties          [{"path", "value"}]: each weight regularizer on its weight at the initial weights
  evaluate_loss      model.evaluate(x, y) loss (data loss + penalties, inference mode)
  steps[]            one train_on_batch step per optimizer, from the initial weights: "optimizer" (serialized),
                     "reported_loss" (the batch loss train_on_batch returns), "weights_after" (every weight,
                     moving statistics included)
The training steps run on a twin model whose Dropout has rate 0, the Keras way to train without dropout noise;
Strata compiles the rate-0.25 model with ModelOptions.trainingNoise(false) and must take the same step.
"""
from golden_env import golden_path, meta, tensor, write  # first: it sets the environment TensorFlow reads

import numpy as np
import keras

OUT = golden_path("cnn.json")
SEED = 20261129
L = keras.layers
R = keras.regularizers


def build(rate):
    keras.utils.set_random_seed(SEED)
    inputs = keras.Input(shape=(8, 8, 1), name="image")
    model = keras.Sequential([
        inputs,
        L.Conv2D(4, 3, padding="same", activation="relu", kernel_regularizer=R.L2(0.01),
                 bias_regularizer=R.L1(0.001), name="conv"),
        L.BatchNormalization(gamma_regularizer=R.L2(0.001), beta_regularizer=R.L1(0.001), name="bn"),
        L.MaxPooling2D(2, name="pool"),
        L.Dropout(rate, name="drop"),
        L.Flatten(name="flat"),
        L.Dense(3, activation="softmax", kernel_regularizer=R.L2(0.01), name="out"),
    ], name="cnn")
    return model


def weights(model):
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(v.numpy())["data"]} for v in model.weights]


def main():
    rng = np.random.default_rng(SEED)
    model = build(0.25)
    init = []
    for v in model.weights:
        if "variance" in v.name:
            value = rng.uniform(0.5, 1.5, tuple(v.shape))
        else:
            value = rng.standard_normal(tuple(v.shape)) * 0.4
        init.append(np.round(value, 4).astype(np.float32))
    model.set_weights(init)
    x = np.round(rng.standard_normal((6, 8, 8, 1)), 4).astype(np.float32)
    labels = np.array([0, 1, 2, 1, 0, 2])
    y = np.eye(3, dtype=np.float32)[labels]
    model.compile(optimizer="sgd", loss="categorical_crossentropy", jit_compile=False)
    penalties = []
    for v in model.trainable_weights:
        if getattr(v, "regularizer", None) is not None:
            penalties.append({"path": v.path, "value": float(np.float32(v.regularizer(v)))})
    doc = {
        "meta": meta("tools/keras-golden/cnn.py"),
        "model_json": model.to_json(),
        "initial_weights": weights(model),
        "x": tensor(x),
        "y": tensor(y),
        "predict": tensor(model.predict(x, verbose=0)),
        "penalties": penalties,
        "evaluate_loss": float(np.float32(model.evaluate(x, y, batch_size=6, verbose=0))),
        "steps": [],
    }
    for name, make in [("sgd", lambda: keras.optimizers.SGD(0.1)), ("adam", lambda: keras.optimizers.Adam(0.01))]:
        twin = build(0.0)
        twin.set_weights(init)
        optimizer = make()
        twin.compile(optimizer=optimizer, loss="categorical_crossentropy", jit_compile=False)
        loss = twin.train_on_batch(x, y)
        doc["steps"].append({"name": name, "optimizer": keras.optimizers.serialize(optimizer),
                             "reported_loss": float(np.float32(loss)), "weights_after": weights(twin)})
    write(OUT, doc)


if __name__ == "__main__":
    main()
