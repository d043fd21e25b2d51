#!/usr/bin/env python3
"""Golden fixture: one SGD step of small regularized sequence models, from REAL Keras 3 (TensorFlow backend).

    /tmp/kvenv/bin/python tools/keras-golden/sequence_step.py

Models (every weight regularizer slot set, and an activity regularizer on each recurrent layer):
  lstm       Input(5, 3) -> LSTM(4, return_sequences) -> LSTM(3) -> Dense(2, softmax)
  gru        Input(5, 3) -> GRU(4, return_sequences, go_backwards) -> GRU(3, reset_after=False) -> Dense(2, softmax)
  bilstm     Input(4, 3) -> Bidirectional(LSTM(3)) -> Dense(2, softmax)
  masked     Input(6) token ids -> Embedding(9, 3, mask_zero) -> Bidirectional(LSTM(2), sum) -> Dense(2, softmax)
Recurrent kernels start from glorot_uniform: Strata cannot read Keras's default Orthogonal yet.

Writes src/test/resources/golden/sequence_step.json, per model:
  model_json        model.to_json()
  initial_weights   [{"path", "strata", "shape", "data"}] in model.weights order; "strata" is Strata's variable name
  x, y              4 examples, one-hot labels
  predict           model.predict(x)
  penalties         [{"path", "strata", "value"}]: each weight regularizer on its weight; "strata" names the term
                    (layer/slot key: lstm_a/recurrent_regularizer, bidi/forward_kernel_regularizer)
  reported_loss     train_on_batch(x, y) with SGD(0.1): crossentropy + weight and activity penalties
  weights_after     every weight after that step
"""
from golden_env import golden_path, meta, tensor, write  # first: it sets the environment TensorFlow reads

import numpy as np
import keras

OUT = golden_path("sequence_step.json")
SEED = 20261130
L = keras.layers
R = keras.regularizers
GU = "glorot_uniform"


def regs(i):
    return dict(kernel_regularizer=R.L2(0.01 * i), recurrent_regularizer=R.L1(0.005 * i),
                bias_regularizer=R.L1L2(0.002 * i, 0.004 * i), activity_regularizer=R.L2(0.003 * i),
                recurrent_initializer=GU)


def models():
    return {
        "lstm": ((5, 3), None, lambda: [
            L.LSTM(4, return_sequences=True, name="lstm_a", **regs(1)),
            L.LSTM(3, name="lstm_b", **regs(2)),
            L.Dense(2, activation="softmax", kernel_regularizer=R.L2(0.01), name="out")]),
        "gru": ((5, 3), None, lambda: [
            L.GRU(4, return_sequences=True, go_backwards=True, name="gru_a", **regs(1)),
            L.GRU(3, reset_after=False, name="gru_b", **regs(2)),
            L.Dense(2, activation="softmax", kernel_regularizer=R.L2(0.01), name="out")]),
        "bilstm": ((4, 3), None, lambda: [
            L.Bidirectional(L.LSTM(3, name="lstm", **{k: v for k, v in regs(1).items()
                                                      if k != "activity_regularizer"}),
                            activity_regularizer=R.L2(0.003), name="bidi"),
            L.Dense(2, activation="softmax", kernel_regularizer=R.L2(0.01), name="out")]),
        "masked": ((6,), 9, lambda: [
            L.Embedding(9, 3, mask_zero=True, embeddings_regularizer=R.L2(0.01), name="emb"),
            L.Bidirectional(L.LSTM(2, recurrent_initializer=GU, kernel_regularizer=R.L2(0.01), name="lstm"),
                            merge_mode="sum", name="bidi"),
            L.Dense(2, activation="softmax", kernel_regularizer=R.L2(0.01), name="out")]),
    }


def strata_name(layer, v):
    """Strata's variable name: layer/weight, Bidirectional's weights prefixed by their direction."""
    if isinstance(layer, L.Bidirectional):
        prefix = "forward_" if any(v is w for w in layer.forward_layer.weights) else "backward_"
        return layer.name + "/" + prefix + v.name
    return layer.name + "/" + v.name


def build(shape, make):
    keras.utils.set_random_seed(SEED)
    return keras.Sequential([keras.Input(shape=shape, name="seq")] + make(), name="model")


def weights(model):
    out = []
    for layer in model.layers:
        for v in layer.weights:
            out.append({"path": v.path, "strata": strata_name(layer, v), "shape": list(v.shape),
                        "data": tensor(v.numpy())["data"]})
    return out


def one(name, shape, tokens, make):
    rng = np.random.default_rng(SEED + len(name))
    model = build(shape, make)
    init = [np.round(rng.standard_normal(tuple(v.shape)) * 0.4, 4).astype(np.float32) for v in model.weights]
    model.set_weights(init)
    if tokens:
        x = rng.integers(1, tokens, (4,) + shape).astype(np.float32)
        for row in range(4):
            x[row, shape[0] - row:] = 0  # right padding of 0..3 steps
        x[1, 1] = 0
    else:
        x = np.round(rng.standard_normal((4,) + shape), 4).astype(np.float32)
    y = np.eye(2, dtype=np.float32)[np.array([0, 1, 1, 0])]
    penalties = []
    for layer in model.layers:
        for v in layer.trainable_weights:
            if getattr(v, "regularizer", None) is not None:
                term = strata_name(layer, v).replace("recurrent_kernel", "recurrent") + "_regularizer"
                penalties.append({"path": v.path, "strata": term, "value": float(np.float32(v.regularizer(v)))})
    doc = {"model_json": model.to_json(), "initial_weights": weights(model), "x": tensor(x), "y": tensor(y),
           "predict": tensor(model.predict(x, verbose=0)), "penalties": penalties}
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="categorical_crossentropy", jit_compile=False)
    doc["reported_loss"] = float(np.float32(model.train_on_batch(x, y)))
    doc["weights_after"] = weights(model)
    return doc


def main():
    doc = {"meta": meta("tools/keras-golden/sequence_step.py"),
           "models": {}}
    for name, (shape, tokens, make) in models().items():
        doc["models"][name] = one(name, shape, tokens, make)
    write(OUT, doc)


if __name__ == "__main__":
    main()
