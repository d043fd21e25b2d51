#!/usr/bin/env python3
"""Golden fixtures for Strata's merge layers, from REAL Keras 3 (TensorFlow backend).

Run from the repository root (see tools/keras-golden/README.md for the virtual environment):

    /tmp/kvenv/bin/python tools/keras-golden/layers/merging.py

The per-layer harness (generate.py) feeds one input per layer; merge layers take several, so this standalone
script writes src/test/resources/golden/layers/merging_multi.json, read by MergeGoldenTest. Each case is
called the way a functional model calls it: inside a tf.function whose inputs have an unknown batch size
(Keras's add() takes a BiasAdd shortcut on some concrete batch shapes, never on a symbolic one).

  cases[]        name; layer (keras.layers.serialize after the call); input_shapes (batch shapes);
                 output_shape (compute_output_shape with batch None); inputs (one tensor each); masks (null,
                 or per input null or a bool tensor (batch, steps) set as the input's Keras mask); y;
                 output_mask (null or bool tensor); r (fixed, shaped like y); grads (d sum(y * r) / d input,
                 one per input); fd (whether central finite differences are meaningful: no exact ties)
  shape_cases[]  name; layer; input_shapes with null dimensions; output_shape, or error (Keras's message)

Every float is the exact float32 value, written as its float64 repr.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["PYTHONHASHSEED"] = "0"

import json
import platform
import warnings

import numpy as np
import tensorflow as tf
import keras
from keras.src.backend.common.masking import get_keras_mask, set_keras_mask

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "layers", "merging_multi.json")
SEED = 20261201
L = keras.layers

# name, layer factory, input batch shapes, masks (None or per input None / steps pattern), ties (inputs j
# copying input 0 at every other entry), finite differences meaningful
CASES = [
    ("add_2", lambda: L.Add(), [(2, 3, 4), (2, 3, 4)], None, False),
    ("add_3_broadcast", lambda: L.Add(), [(2, 3, 4), (2, 4), (2, 1, 4)], None, False),
    ("subtract", lambda: L.Subtract(), [(2, 5), (2, 5)], None, False),
    ("subtract_broadcast", lambda: L.Subtract(), [(2, 3, 1), (2, 3, 4)], None, False),
    ("multiply_3", lambda: L.Multiply(), [(2, 2, 3), (2, 2, 3), (2, 2, 3)], None, False),
    ("multiply_broadcast_rank", lambda: L.Multiply(), [(2, 3), (2, 2, 3)], None, False),
    ("average_3", lambda: L.Average(), [(2, 3, 2), (2, 3, 2), (2, 3, 2)], None, False),
    ("average_broadcast", lambda: L.Average(), [(2, 1, 3), (2, 2, 3)], None, False),
    ("maximum", lambda: L.Maximum(), [(2, 3, 2), (2, 3, 2)], None, False),
    ("maximum_ties", lambda: L.Maximum(), [(2, 3, 2), (2, 3, 2)], None, True),
    ("maximum_3_ties", lambda: L.Maximum(), [(2, 4), (2, 4), (2, 4)], None, True),
    ("maximum_broadcast_rank", lambda: L.Maximum(), [(2, 2, 3), (2, 3)], None, False),
    ("minimum", lambda: L.Minimum(), [(2, 5), (2, 5)], None, False),
    ("minimum_ties", lambda: L.Minimum(), [(2, 2, 3), (2, 2, 3), (2, 2, 3)], None, True),
    ("concatenate_last", lambda: L.Concatenate(), [(2, 3, 2), (2, 3, 4)], None, False),
    ("concatenate_axis1", lambda: L.Concatenate(axis=1), [(2, 2, 3), (2, 4, 3), (2, 1, 3)], None, False),
    ("concatenate_rank2", lambda: L.Concatenate(axis=-1), [(2, 3), (2, 5)], None, False),
    ("concatenate_axis2_of_4", lambda: L.Concatenate(axis=2), [(2, 2, 1, 2), (2, 2, 3, 2)], None, False),
    ("dot_int_rank2", lambda: L.Dot(axes=-1), [(2, 4), (2, 4)], None, False),
    ("dot_normalize_rank2", lambda: L.Dot(axes=1, normalize=True), [(2, 4), (2, 4)], None, False),
    ("dot_pair_rank3", lambda: L.Dot(axes=(1, 2)), [(2, 3, 5), (2, 4, 3)], None, False),
    ("dot_normalize_rank3", lambda: L.Dot(axes=(2, 2), normalize=True), [(2, 3, 4), (2, 5, 4)], None, False),
    ("dot_rank2_rank3", lambda: L.Dot(axes=(1, 1)), [(2, 4), (2, 4, 3)], None, False),
    ("dot_rank3_rank2", lambda: L.Dot(axes=(-1, -1)), [(2, 3, 4), (2, 4)], None, False),
    ("dot_rank4_normalize", lambda: L.Dot(axes=(3, 1), normalize=True), [(2, 2, 3, 4), (2, 4, 2, 2)], None,
     False),
    ("add_masked", lambda: L.Add(), [(2, 3, 4), (2, 3, 4)], ["a", "b"], False),
    ("subtract_one_masked", lambda: L.Subtract(), [(2, 3, 4), (2, 3, 4)], ["a", None], False),
    ("average_masked", lambda: L.Average(), [(2, 3, 2), (2, 3, 2), (2, 3, 2)], ["a", "b", "c"], False),
    ("multiply_masked", lambda: L.Multiply(), [(2, 3, 4), (2, 3, 4)], ["a", "b"], False),
    ("multiply_one_masked", lambda: L.Multiply(), [(2, 3, 4), (2, 3, 4)], [None, "b"], False),
    ("multiply_masked_broadcast", lambda: L.Multiply(), [(2, 3, 4), (2, 4)], ["a", None], False),
    ("maximum_masked", lambda: L.Maximum(), [(2, 3, 2), (2, 3, 2), (2, 3, 2)], ["a", "b", "c"], True),
    ("maximum_one_masked", lambda: L.Maximum(), [(2, 3, 2), (2, 3, 2)], ["a", None], True),
    ("minimum_masked", lambda: L.Minimum(), [(2, 3, 4), (2, 3, 4)], ["b", "a"], True),
    ("concatenate_masked_axis1", lambda: L.Concatenate(axis=1), [(2, 3, 2), (2, 2, 2)], ["a", None], False),
    ("concatenate_masked_last", lambda: L.Concatenate(), [(2, 3, 2), (2, 3, 4)], ["a", "b"], False),
    ("concatenate_one_masked_last", lambda: L.Concatenate(), [(2, 3, 2), (2, 3, 4)], [None, "b"], False),
    ("dot_masked", lambda: L.Dot(axes=2), [(2, 3, 4), (2, 3, 4)], ["a", "b"], False),
]

MASKS = {"a": [[True, False, True], [False, False, True]],
         "b": [[True, True, False], [False, False, False]],
         "c": [[False, True, False], [True, False, False]]}

# name, layer factory, input shapes (batch None), whether Keras accepts them
SHAPE_CASES = [
    ("add_unknown", lambda: L.Add(), [(None, None, 4), (None, 3, 4)]),
    ("add_unknown_vs_one", lambda: L.Add(), [(None, 1, 4), (None, None, 1)]),
    ("add_ranks", lambda: L.Add(), [(None, 5), (None, 2, 3, 5), (None, 3, 1)]),
    ("add_scalar", lambda: L.Add(), [(None,), (None, 3)]),
    ("add_one_input", lambda: L.Add(), [(None, 3)]),
    ("add_mismatch", lambda: L.Add(), [(None, 3), (None, 4)]),
    ("multiply_mismatch_ranks", lambda: L.Multiply(), [(None, 2, 3), (None, 2)]),
    ("subtract_three", lambda: L.Subtract(), [(None, 3), (None, 3), (None, 3)]),
    ("concatenate_unknown_axis", lambda: L.Concatenate(axis=1), [(None, None, 3), (None, 4, 3)]),
    ("concatenate_unknown_other", lambda: L.Concatenate(), [(None, None, 3), (None, 4, 2)]),
    ("concatenate_first_unknown", lambda: L.Concatenate(), [(None, 2, 3), (None, None, 2)]),
    ("concatenate_one_input", lambda: L.Concatenate(), [(None, 2, 3)]),
    ("concatenate_mismatch", lambda: L.Concatenate(), [(None, 2, 3), (None, 3, 3)]),
    ("concatenate_ranks", lambda: L.Concatenate(), [(None, 3), (None, 2, 3)]),
    ("concatenate_negative_axis", lambda: L.Concatenate(axis=-2), [(None, 2, 3), (None, 5, 3)]),
    ("dot_unknown_both", lambda: L.Dot(axes=1), [(None, None, 2), (None, None, 3)]),
    ("dot_unknown_one", lambda: L.Dot(axes=1), [(None, None), (None, 3)]),
    ("dot_mismatch", lambda: L.Dot(axes=-1), [(None, 3), (None, 4)]),
    ("dot_negative_pair", lambda: L.Dot(axes=(-2, -1)), [(None, 3, 2, 5), (None, 4, 3)]),
    ("dot_negative_pair_ok", lambda: L.Dot(axes=(-2, -1)), [(None, 3, 4, 5), (None, 2, 4)]),
    ("dot_three", lambda: L.Dot(axes=1), [(None, 3), (None, 3), (None, 3)]),
]


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def bools(a):
    a = np.asarray(a, bool)
    return {"shape": list(a.shape), "data": [bool(v) for v in a.reshape(-1)]}


def rnd(rng, shape):
    return np.round(rng.standard_normal(shape), 4).astype(np.float32)


def shape_list(s):
    return None if s is None else [None if d is None else int(d) for d in s]


def run_case(index, name, make, shapes, masks, ties):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED + index)
    rng = np.random.default_rng(SEED + 7919 * index)
    xs = [rnd(rng, s) for s in shapes]
    if ties:
        for j in range(1, len(xs)):
            flat = xs[j].reshape(-1)
            flat[::2] = xs[0].reshape(-1)[::2]
    mask_values = None if masks is None else [None if m is None else np.array(MASKS[m], bool) for m in masks]
    layer = make()

    signature = [tf.TensorSpec((None,) + tuple(s[1:]), tf.float32) for s in shapes]
    masked = [] if mask_values is None else [i for i, m in enumerate(mask_values) if m is not None]
    signature += [tf.TensorSpec((None, shapes[i][1]), tf.bool) for i in masked]
    r_holder = {}

    @tf.function(input_signature=signature)
    def forward(*args):
        inputs = list(args[:len(shapes)])
        for k, i in enumerate(masked):
            set_keras_mask(inputs[i], args[len(shapes) + k])
        with tf.GradientTape() as tape:
            for x in inputs:
                tape.watch(x)
            y = layer(inputs)
            probe = tf.reduce_sum(y * r_holder["r"])
        grads = tape.gradient(probe, inputs)
        grads = [tf.zeros_like(x) if g is None else g for x, g in zip(inputs, grads)]
        mask = get_keras_mask(y)
        out = {"y": y, "grads": grads}
        if mask is not None:
            out["mask"] = mask
        return out

    # y's shape is needed for r before the probe: one plain call on the same inputs first
    probe_layer = make()
    y0 = np.asarray(probe_layer([tf.constant(x) for x in xs]), np.float32)
    r_holder["r"] = tf.constant(rnd(rng, y0.shape))
    feeds = [tf.constant(x) for x in xs] + [tf.constant(mask_values[i]) for i in masked]
    out = forward(*feeds)
    y = np.asarray(out["y"], np.float32)
    if not masked:
        assert "mask" not in out, name  # masks only come from masked inputs
    elif len(masked) == len(shapes) and not name.startswith("dot"):
        assert "mask" in out, name  # every input masked: Keras merges the masks
    return {
        "name": name,
        "layer": keras.layers.serialize(layer),
        "input_shapes": [list(s) for s in shapes],
        "output_shape": shape_list(layer.compute_output_shape([(None,) + tuple(s[1:]) for s in shapes])),
        "inputs": [tensor(x) for x in xs],
        "masks": None if mask_values is None else [None if m is None else bools(m) for m in mask_values],
        "y": tensor(y),
        "output_mask": bools(out["mask"]) if "mask" in out else None,
        "r": tensor(r_holder["r"]),
        "grads": [tensor(g) for g in out["grads"]],
        "fd": not ties,
    }


def run_shape_case(name, make, shapes):
    keras.backend.clear_session()
    layer = make()
    entry = {"name": name, "input_shapes": [shape_list(s) for s in shapes]}
    try:
        layer.build(shapes)
        entry["output_shape"] = shape_list(layer.compute_output_shape(shapes))
    except (ValueError, IndexError) as e:
        entry["error"] = f"{type(e).__name__}: {e}"
    entry["layer"] = keras.layers.serialize(layer)
    return entry


def main():
    cases = [run_case(i, *c) for i, c in enumerate(CASES)]
    shape_cases = [run_shape_case(*c) for c in SHAPE_CASES]
    names = [c["name"] for c in cases + shape_cases]
    assert len(names) == len(set(names)), "duplicate case names"
    doc = {
        "meta": {
            "generator": "tools/keras-golden/layers/merging.py",
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "backend": keras.backend.backend(),
        },
        "cases": cases,
        "shape_cases": shape_cases,
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(cases)} cases, {len(shape_cases)} shape cases, "
          f"{os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
