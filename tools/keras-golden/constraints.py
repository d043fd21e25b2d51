#!/usr/bin/env python3
"""Golden fixture for weight constraints, from REAL Keras 3: the weights after each of three optimizer steps
with a constraint in every constraint slot Strata reads (kernel, bias, depthwise, pointwise, embeddings,
recurrent, gamma, beta, alpha), so the projection Keras applies after each update is pinned, not only its JSON.

    /tmp/kvenv/bin/python tools/keras-golden/constraints.py

Writes src/test/resources/golden/constraints.json:

- cases[]: name, note, model_json (model.to_json() after compile: the Java side takes model, loss and optimizer
  from it), x, y (whole data, one batch), initial_weights (rounded random values set with set_weights, chosen so
  that every constraint is active: norms above MaxNorm's bound, negative entries under NonNeg, ...),
  steps[]: for each of 3 fit(epochs=1, batch_size=all, shuffle=False) calls, loss (the history's value: the
  loss before that step's update) and weights (model.weights after the update and the projection).

Optimizer: SGD(0.1) unless the case names another (the Conv2D case SGD(0.02), where 0.1 diverges). Keras applies each variable's constraint right after the
optimizer's update (optimizers/base_optimizer.py, apply): w.assign(constraint(w)).
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import platform
import warnings
import zlib

import numpy as np
import tensorflow as tf
import keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "constraints.json")
SEED = 20260412
STEPS = 3
N = 6
L = keras.layers
C = keras.constraints


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weight_list(model, values=None):
    values = values if values is not None else [v.numpy() for v in model.weights]
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]} for v, w in zip(model.weights, values)]


def rounded(rng, shape, scale):
    return np.round(rng.standard_normal(shape) * scale, 4).astype(np.float32)


def run(name, note, input_shape, layers, x, y, init=None, scale=0.5, optimizer=None, input_dtype="float32"):
    """Input -> layers, mse; weights from init(path, shape, rng) where it returns an array, else random * scale."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng([SEED, zlib.crc32(name.encode())])  # stable per case, across runs
    model = keras.Sequential([keras.Input(input_shape, dtype=input_dtype)] + layers, name="constraints")
    model.compile(optimizer=optimizer or keras.optimizers.SGD(0.1), loss="mse", jit_compile=False)
    start = []
    for v in model.weights:
        given = init(v.path, tuple(v.shape), rng) if init else None
        if given is None:
            given = rounded(rng, tuple(v.shape), scale)
            if v.path.endswith("moving_variance"):  # a variance below 0 would put NaN in the first step
                given = np.abs(given) + np.float32(0.5)
        start.append(np.asarray(given, np.float32).reshape(tuple(v.shape)))
    model.set_weights(start)
    # How far each constrained weight starts from its constraint's set (largest entry change the projection
    # makes): every case starts in violation, so a projection Strata skips or gets wrong shows in the first step.
    violation = {v.path: float(np.max(np.abs(v.constraint(v).numpy() - w)))
                 for v, w in zip(model.weights, start) if getattr(v, "constraint", None) is not None}
    assert violation and min(violation.values()) > 0.1, (name, violation)
    steps = []
    for _ in range(STEPS):
        history = model.fit(x, y, batch_size=len(x), epochs=1, shuffle=False, verbose=0)
        steps.append({"loss": float(np.float32(history.history["loss"][0])), "weights": weight_list(model)})
    return {"name": name, "note": note, "model_json": model.to_json(), "x": tensor(x), "y": tensor(y),
            "initial_weights": weight_list(model, start), "initial_violation": violation, "steps": steps}


def data(rng, x_shape, y_shape):
    return rounded(rng, (N,) + x_shape, 1.0), rounded(rng, (N,) + y_shape, 1.0)


def dense_cases():
    rng = np.random.default_rng(SEED)
    x, y = data(rng, (4,), (2,))

    def dense(**kw):
        return [L.Dense(3, activation="tanh", name="hidden", **kw), L.Dense(2, name="out")]

    def minmax_kernel(path, shape, r):
        # Column norms about 0.05, 0.4 and 1.6: below, inside and above [0.2, 0.6].
        if path.endswith("hidden/kernel"):
            return rounded(r, shape, 1.0) * np.array([0.025, 0.2, 0.8], np.float32)
        return None

    def negative_bias(path, shape, r):
        if path.endswith("hidden/bias"):
            return np.array([-0.7, 0.3, -0.05], np.float32)
        return None

    def huge_kernel(path, shape, r):
        # Column norms around 40: MaxNorm(0.5) scales the kernel down by about 80 after the first step.
        return rounded(r, shape, 20.0) if path.endswith("hidden/kernel") else None

    return [
        run("Dense kernel MaxNorm(0.5)", "default axis 0: the norm of the weights feeding each unit", (4,),
            dense(kernel_constraint=C.MaxNorm(0.5)), x, y),
        run("Dense kernel MaxNorm(0.5, axis=1)", "norm of the weights leaving each input", (4,),
            dense(kernel_constraint=C.MaxNorm(0.5, axis=1)), x, y),
        run("Dense kernel NonNeg", "negative entries set to 0 after each update", (4,),
            dense(kernel_constraint=C.NonNeg()), x, y),
        run("Dense kernel UnitNorm(axis=0)", "each unit's incoming weights rescaled to norm 1", (4,),
            dense(kernel_constraint=C.UnitNorm(axis=0)), x, y),
        run("Dense kernel MinMaxNorm(0.2, 0.6, rate=0.5)", "column norms below, inside and above the band", (4,),
            dense(kernel_constraint=C.MinMaxNorm(0.2, 0.6, rate=0.5)), x, y, init=minmax_kernel),
        run("Dense bias NonNeg", "a bias starting at [-0.7, 0.3, -0.05]", (4,),
            dense(bias_constraint=C.NonNeg()), x, y, init=negative_bias),
        run("Dense kernel MaxNorm(0.5) from a kernel of norm ~40", "a violation by a factor of about 80", (4,),
            dense(kernel_constraint=C.MaxNorm(0.5)), x, y, init=huge_kernel),
        run("Dense kernel MaxNorm(0.5) and bias NonNeg, Adam(0.05)", "the projection after an Adam update", (4,),
            dense(kernel_constraint=C.MaxNorm(0.5), bias_constraint=C.NonNeg()), x, y, init=negative_bias,
            optimizer=keras.optimizers.Adam(0.05)),
    ]


def conv_cases():
    rng = np.random.default_rng(SEED + 1)
    x, y = data(rng, (5, 5, 2), (2,))

    def head():  # fresh layers for each model: a Keras layer builds once, for one input shape
        return [L.Flatten(name="flat"), L.Dense(2, name="out")]

    return [
        run("Conv2D kernel MaxNorm(1.0, axis=[0,1,2])", "norm of each filter (height, width, input channels)",
            (5, 5, 2), [L.Conv2D(3, 3, name="conv", kernel_constraint=C.MaxNorm(1.0, axis=[0, 1, 2]))] + head(),
            x, y, scale=0.3, optimizer=keras.optimizers.SGD(0.02)),  # SGD(0.1) diverges on 27 flattened features
        run("DepthwiseConv2D depthwise MaxNorm(0.5, axis=[0,1]), bias NonNeg",
            "norm of each (channel, multiplier) 3x3 filter", (5, 5, 2),
            [L.DepthwiseConv2D(3, depth_multiplier=2, name="dw",
                               depthwise_constraint=C.MaxNorm(0.5, axis=[0, 1]), bias_constraint=C.NonNeg())]
            + head(), x, y),
        run("SeparableConv2D pointwise UnitNorm(axis=[0,1,2]), depthwise NonNeg",
            "pointwise filters rescaled to norm 1; depthwise entries clipped at 0", (5, 5, 2),
            [L.SeparableConv2D(3, 3, name="sep", pointwise_constraint=C.UnitNorm(axis=[0, 1, 2]),
                               depthwise_constraint=C.NonNeg())] + head(), x, y),
        run("Conv1D kernel MinMaxNorm(0.3, 0.8, rate=1.0, axis=[0,1]), Adam(0.05)",
            "each filter's norm clipped into [0.3, 0.8] after Adam", (6, 2),
            [L.Conv1D(3, 2, name="conv1d", kernel_constraint=C.MinMaxNorm(0.3, 0.8, rate=1.0, axis=[0, 1])),
             L.Flatten(name="flat"), L.Dense(2, name="out")],
            rounded(rng, (N, 6, 2), 1.0), y, optimizer=keras.optimizers.Adam(0.05)),
    ]


def other_cases():
    rng = np.random.default_rng(SEED + 2)
    tokens = rng.integers(0, 7, (N, 4)).astype(np.float32)
    seq = rounded(rng, (N, 5, 3), 1.0)
    feat = rounded(rng, (N, 4), 1.0)
    y2 = rounded(rng, (N, 2), 1.0)
    y4 = rounded(rng, (N, 4), 1.0)

    def negative_gamma(path, shape, r):
        if path.endswith("/gamma"):
            return np.array([1.2, -0.4, 0.8, -1.5], np.float32)
        if path.endswith("/beta"):
            return np.array([0.9, -1.1, 0.6, 0.7], np.float32)  # norm ~1.7 against MaxNorm(0.5)
        return None

    def negative_alpha(path, shape, r):
        return np.array([-0.3, 0.25, -0.6, 0.1], np.float32) if path.endswith("/alpha") else None

    return [
        run("Embedding embeddings UnitNorm(axis=1)", "each token's vector rescaled to norm 1", (4,),
            [L.Embedding(7, 3, name="emb", embeddings_constraint=C.UnitNorm(axis=1)), L.Flatten(name="flat"),
             L.Dense(2, name="out")], tokens, y2, scale=1.0, input_dtype="int32"),
        run("LSTM recurrent MaxNorm(0.8), kernel NonNeg", "recurrent columns (one per gate unit) capped at 0.8",
            (5, 3), [L.LSTM(3, name="lstm", recurrent_constraint=C.MaxNorm(0.8), kernel_constraint=C.NonNeg()),
                     L.Dense(2, name="out")], seq, y2),
        run("Bidirectional GRU recurrent UnitNorm(axis=0), bias MaxNorm(0.3)",
            "the wrapper's forward and backward copies each projected", (5, 3),
            [L.Bidirectional(L.GRU(2, recurrent_constraint=C.UnitNorm(axis=0), bias_constraint=C.MaxNorm(0.3)),
                             name="bi"), L.Dense(2, name="out")], seq, y2),
        run("BatchNormalization gamma NonNeg, beta MaxNorm(0.5)", "gamma starts with negatives, beta with norm 1.7",
            (4,), [L.BatchNormalization(name="bn", gamma_constraint=C.NonNeg(), beta_constraint=C.MaxNorm(0.5)),
                   L.Dense(4, name="out")], feat, y4, init=negative_gamma),
        run("LayerNormalization gamma NonNeg, beta MaxNorm(0.5)", "as BatchNormalization, per example", (4,),
            [L.LayerNormalization(name="ln", gamma_constraint=C.NonNeg(), beta_constraint=C.MaxNorm(0.5)),
             L.Dense(4, name="out")], feat, y4, init=negative_gamma),
        run("PReLU alpha NonNeg", "alpha starts at [-0.3, 0.25, -0.6, 0.1]", (4,),
            [L.Dense(4, name="pre"), L.PReLU(name="prelu", alpha_constraint=C.NonNeg()), L.Dense(2, name="out")],
            feat, y2, init=negative_alpha),
    ]


def main():
    doc = {
        "meta": {"generator": "tools/keras-golden/constraints.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend(),
                 "jit_compile": False, "steps": STEPS, "loss": "mse",
                 "description": "weights after each of 3 full-batch steps with weight constraints in every slot"},
        "cases": dense_cases() + conv_cases() + other_cases(),
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")
    for c in doc["cases"]:
        print(c["name"], [round(s["loss"], 4) for s in c["steps"]], c["initial_violation"])


if __name__ == "__main__":
    main()
