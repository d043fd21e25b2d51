#!/usr/bin/env python3
"""Golden fixtures for Strata's per-layer harness, from REAL Keras 3 (TensorFlow backend).

Run from the repository root (see tools/keras-golden/README.md for the virtual environment):

    /tmp/kvenv/bin/python tools/keras-golden/layers/generate.py            # every family
    /tmp/kvenv/bin/python tools/keras-golden/layers/generate.py conv       # one family

Each family module next to this file (core.py, conv.py, ...) defines CASES, a list of Case. For each case
the layer is built on a fixed batch shape, its weights are set to seeded random values, and the fixture
records what Keras computes, in src/test/resources/golden/layers/<family>.json:

  name            case name, unique across families
  layer           keras.layers.serialize(layer) after build (what Strata's JSON reader must accept)
  input_shape     the batch shape of x (batch 2 unless the case says otherwise)
  output_shape    layer.compute_output_shape((None, ...)), None for unknown dimensions
  params          {"trainable", "non_trainable"}: Keras's counts for this layer
  weights         [{"name", "shape", "trainable", "data"}] in layer.weights order, the values set
  x               the input (float32, rounded to 4 decimals first)
  y               layer(x, training=False)
  y_train         layer(x, training=True), or null for random layers (dropout, noise)
  weight_losses   [{"weight", "value"}]: each weight regularizer on its weight, layer.weights order
  activity_loss   the activity penalty on y (after the division by the batch size), or null
  r               a fixed tensor shaped like y; the scalar probe is sum(y_train * r)
  grads           {"x": tensor, "weights": {name: tensor}} of the probe, or null for random layers
  state_after     {name: tensor} of every non-trainable weight after the training=True call, or null

Sequence cases (sequence.py) add, only where they apply:
  tokens          true when x holds integer token ids (an Embedding first): Keras has no gradient for x, so
                  grads.x is null and finite differences skip x
  masked_input    true when whole time steps of x equal a Masking layer's mask value: the output jumps when one
                  of their features moves off that value, so finite differences skip x (Keras's gradient is
                  still compared)
  chain           [layer config, ...] when the case is a short Sequential chain (Embedding(mask_zero) -> LSTM, so
                  that a mask reaches the layer); "layer" is then the last one, each weight, weight loss and
                  gradient name is "<layer name>/<weight name>", and the activity loss is the last layer's
Weight names are Keras's variable names, except inside Bidirectional, whose two directions repeat them: there they
are prefixed "forward_" or "backward_", as Strata names them.

Every float is the exact float32 value, written as its float64 repr. The build never runs Python; the
Java tests only read the committed fixtures.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["PYTHONHASHSEED"] = "0"

import dataclasses
import importlib
import json
import platform
import sys
import warnings
from typing import Callable, Optional, Tuple

import numpy as np
import tensorflow as tf
import keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "layers")
FAMILIES = ["core", "conv", "pooling", "reshaping", "normalization", "activations", "regularization", "sequence",
            "preprocessing"]
SEED = 20261128


@dataclasses.dataclass
class Case:
    name: str
    make: Callable[[], keras.layers.Layer]  # a fresh layer
    input_shape: Tuple[int, ...]            # batch shape of x
    random: bool = False                    # training output is random: no y_train, no grads
    x_scale: float = 1.0
    weight_scale: float = 0.5
    positive_input: bool = False            # e.g. for layers that need x > 0
    tokens: int = 0                         # x holds token ids in [0, tokens) (an Embedding first)
    padded: bool = False                    # token rows end in zeros (and one has a zero inside), for masks
    fill_steps: Tuple = ()                  # (row, step, value): every feature of x[row, step] set to value (Masking)


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def rnd(rng, shape, scale):
    return np.round(rng.standard_normal(shape) * scale, 4).astype(np.float32)


def weight_values(rng, variable, scale):
    shape = tuple(variable.shape)
    if "int" in str(variable.dtype):  # Normalization's count: a sample count, never read by the forward pass
        return rng.integers(1, 100, shape).astype(variable.dtype)
    if "variance" in variable.name:
        return np.round(rng.uniform(0.5, 1.5, shape), 4).astype(np.float32)
    return rnd(rng, shape, scale)


def weight_names(layer, qualified):
    """Each weight's fixture name, by variable identity: see the module docstring."""
    names = {}
    if isinstance(layer, keras.layers.Bidirectional):
        for prefix, sub in (("forward_", layer.forward_layer), ("backward_", layer.backward_layer)):
            for v in sub.weights:
                names[id(v)] = prefix + v.name
    else:
        for v in layer.weights:
            names[id(v)] = v.name
    if qualified:
        names = {k: layer.name + "/" + n for k, n in names.items()}
    return names


def token_ids(rng, case):
    x = rng.integers(1, case.tokens, case.input_shape).astype(np.float32)
    if case.padded:
        steps = case.input_shape[1]
        for row in range(case.input_shape[0]):
            x[row, steps - 1 - row % (steps - 1):] = 0  # right padding of 1, 2, ... steps
        x[0, 1] = 0  # a masked step inside a sequence, which Keras's non-cuDNN loop handles as any other
    return x


def run_case(case, index):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED + index)
    rng = np.random.default_rng(SEED + 7919 * index)
    made = case.make()
    chain = isinstance(made, list)
    layers = made if chain else [made]
    if case.tokens:
        x = token_ids(rng, case)
    else:
        x = rnd(rng, case.input_shape, case.x_scale)
    if case.positive_input:
        x = np.abs(x) + np.float32(0.1)
    for row, step, value in case.fill_steps:
        x[row, step] = np.float32(value)
    if chain:
        layer = keras.Sequential([keras.Input(batch_shape=case.input_shape)] + layers)
    else:
        layer = made
        layer.build(case.input_shape)
    names = {}
    for l in layers:
        names.update(weight_names(l, chain))
    for v in layer.weights:
        v.assign(weight_values(rng, v, case.weight_scale))
    for l in layers:
        if isinstance(l, keras.layers.Normalization):
            l.finalize_state()  # Normalization reads its statistics through tensors made from the weights here
    weights = []
    for l in layers:
        for v in l.weights:
            w = {"name": names[id(v)], "shape": list(v.shape), "trainable": bool(v.trainable),
                 "data": tensor(v.numpy())["data"]}
            if chain:
                w["layer"] = l.name
            weights.append(w)
    none_batch = (None,) + tuple(case.input_shape[1:])
    out_shape = (None,) + tuple(layer.outputs[0].shape[1:]) if chain else layer.compute_output_shape(none_batch)

    y = np.asarray(layer(x, training=False), np.float32)
    weight_losses = []
    for l in layers:
        for v in l.weights:
            reg = getattr(v, "regularizer", None)
            if reg is not None and v.trainable:
                weight_losses.append({"weight": names[id(v)], "value": float(np.float32(reg(v)))})
    assert all(l.activity_regularizer is None for l in layers[:-1]), "activity only on the last layer"
    activity = None
    if layers[-1].activity_regularizer is not None:
        activity = float(np.float32(layers[-1].activity_regularizer(y) / np.float32(y.shape[0])))

    r = rnd(rng, y.shape, 1.0)
    y_train = grads = state_after = None
    if not case.random:
        xt = tf.constant(x)
        trainable = [v for v in layer.trainable_weights]
        with tf.GradientTape() as tape:
            tape.watch(xt)
            yt = layer(xt, training=True)
            probe = tf.reduce_sum(yt * r)
        g = tape.gradient(probe, [xt] + [v.value for v in trainable])
        y_train = tensor(yt)
        grads = {"x": None if g[0] is None else tensor(g[0]),
                 "weights": {names[id(v)]: tensor(tf.convert_to_tensor(gv)) for v, gv in zip(trainable, g[1:])}}
        state_after = {names[id(v)]: tensor(v.numpy()) for v in layer.non_trainable_weights}
    doc = {
        "name": case.name,
        "layer": keras.layers.serialize(layers[-1]),
        "input_shape": list(case.input_shape),
        "output_shape": list(out_shape),
        "params": {"trainable": int(sum(np.prod(v.shape) for v in layer.trainable_weights)),
                   "non_trainable": int(sum(np.prod(v.shape) for v in layer.non_trainable_weights))},
        "weights": weights,
        "x": tensor(x),
        "y": tensor(y),
        "y_train": y_train,
        "weight_losses": weight_losses,
        "activity_loss": activity,
        "r": tensor(r),
        "grads": grads,
        "state_after": state_after,
    }
    if case.tokens:
        doc["tokens"] = True
    if case.fill_steps:
        doc["masked_input"] = True
    if chain:
        doc["chain"] = [keras.layers.serialize(l) for l in layers]
    return doc


def generate(family):
    module = importlib.import_module(family)
    cases = [run_case(c, i) for i, c in enumerate(module.CASES)]
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"duplicate case names in {family}"
    doc = {
        "meta": {
            "generator": "tools/keras-golden/layers/generate.py " + family,
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "backend": keras.backend.backend(),
        },
        "cases": cases,
    }
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, family + ".json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(cases)} cases, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    wanted = sys.argv[1:] or [f for f in FAMILIES if os.path.exists(os.path.join(HERE, f + ".py"))]
    for family in wanted:
        generate(family)
