#!/usr/bin/env python3
"""Golden fixture for gradients at exact ties (kinks), from REAL Keras 3: one SGD step from weights that put a
loss or an activation exactly on its kink, where TensorFlow picks one subgradient per op and a formula written
with other ops (max, abs, clip in another order) picks another.

    /tmp/kvenv/bin/python tools/keras-golden/ties.py

Writes src/test/resources/golden/ties.json:

- loss_ties[]: a small model whose output sits exactly on a loss's kink (zero kernel, chosen bias), e.g.
  Dense(1, sigmoid) from zero weights under binary_crossentropy (logit exactly 0, where max(z, 0) and |z| have
  no derivative), MAE with an exactly zero error, BCE/CCE from probabilities exactly at 0 and 1.
- activation_ties[]: Dense(8, activation) with a zero kernel and the bias [-3, -1, -0.5, 0, 0.5, 1, 3, 6], so the
  pre-activation sits on every kink of every Keras activation (relu 0; relu6 0 and 6; hard_sigmoid -3 and 3;
  soft_shrink and hard_shrink +-0.5; sparse_plus, sparse_sigmoid and hard_tanh +-1; celu 0 ...), then mse;
  and the same Dense (linear) followed by an activation layer (ReLU with max_value / threshold / negative_slope,
  LeakyReLU, ELU(alpha), PReLU).

Each case: name, model_json (model.to_json() after compile: the Java side builds model and loss from it),
loss (keras.losses.serialize of the compiled loss), x, y, initial_weights, output (predict), loss_value
(train_on_batch's return: this batch's loss before the update), gradients (tf.GradientTape of the compiled
loss on model(x, training=True), by weight path), weights_after (one SGD(0.1) train_on_batch).
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import platform
import warnings

import numpy as np
import tensorflow as tf
import keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "ties.json")
SEED = 20260311
LR = 0.1
L = keras.layers
KINKS = [-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 6.0]
ACTIVATIONS = ["relu", "leaky_relu", "relu6", "softmax", "celu", "elu", "selu", "softplus", "softsign",
               "squareplus", "soft_shrink", "sparse_plus", "silu", "gelu", "tanh", "tanh_shrink", "sigmoid",
               "sparse_sigmoid", "exponential", "hard_sigmoid", "hard_silu", "hard_tanh", "hard_shrink", "mish",
               "log_softmax", "log_sigmoid", "linear"]


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weight_list(model, values=None):
    values = values if values is not None else [v.numpy() for v in model.weights]
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]} for v, w in zip(model.weights, values)]


def run(name, layers, input_dim, loss, x, y, weights, note):
    """Builds Input -> layers, sets weights, records the forward pass, the gradients and one SGD step."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential([keras.Input((input_dim,))] + layers, name="ties")
    model.compile(optimizer=keras.optimizers.SGD(LR), loss=loss, jit_compile=False)
    init = [np.asarray(w, np.float32).reshape(tuple(v.shape)) for v, w in zip(model.weights, weights)]
    model.set_weights(init)
    x = np.asarray(x, np.float32)
    y = np.asarray(y, np.float32)
    output = model.predict(x, verbose=0)
    with tf.GradientTape() as tape:
        value = model.compute_loss(x=x, y=y, y_pred=model(x, training=True))
    grads = tape.gradient(value, model.trainable_weights)
    reported = model.train_on_batch(x, y)
    return {
        "name": name, "note": note, "model_json": model.to_json(),
        "loss": keras.losses.serialize(model.loss) if not isinstance(model.loss, str) else model.loss,
        "x": tensor(x), "y": tensor(y), "initial_weights": weight_list(model, init), "output": tensor(output),
        "tape_loss": float(np.float32(value)), "loss_value": float(np.float32(reported)),
        "gradients": [{"path": v.path, "shape": list(v.shape), "data": tensor(g)["data"]}
                      for v, g in zip(model.trainable_weights, grads)],
        "weights_after": weight_list(model),
    }


def loss_ties():
    # The logistic-regression repro of the BCE bug: logit 0 for every example, two of each class.
    x = [[1.5, 0.5], [0.0, 2.0], [1.0, -1.0], [0.0, 2.0]]
    y = [[1.0], [0.0], [1.0], [0.0]]
    zero2 = [np.zeros((2, 1)), np.zeros(1)]
    rng = np.random.default_rng(SEED)
    x3 = np.round(rng.standard_normal((5, 3)), 4)
    y_bin3 = rng.integers(0, 2, (5, 3)).astype(np.float32)
    y_err = np.array([[0.0, 1.0], [0.0, -2.0], [0.5, 0.0], [0.0, 0.0], [-1.0, 0.0]], np.float32)
    return [
        run("bce after Dense(sigmoid), zero weights", [L.Dense(1, activation="sigmoid")], 2,
            "binary_crossentropy", x, y, zero2,
            "logit exactly 0: dL/dz = sigmoid(0) - y = 0.5 - y; bias gradient 0, kernel [-0.3125, 0.5625]"),
        run("bce from_logits, zero weights", [L.Dense(1)], 2, keras.losses.BinaryCrossentropy(from_logits=True),
            x, y, zero2, "the same on a linear output with from_logits=True"),
        run("bce after Activation(sigmoid) layer, label_smoothing 0.2, zero weights",
            [L.Dense(1), L.Activation("sigmoid")], 2, keras.losses.BinaryCrossentropy(label_smoothing=0.2),
            x, y, zero2, "logits of a separate sigmoid layer, smoothed labels 0.9 / 0.1"),
        run("bce after Dense(3, sigmoid), zero weights, random labels", [L.Dense(3, activation="sigmoid")], 3,
            "binary_crossentropy", x3, y_bin3, [np.zeros((3, 3)), np.zeros(3)], "three logits at 0 per example"),
        run("mae with exactly zero errors", [L.Dense(2)], 3, "mae", x3, y_err, [np.zeros((3, 2)), np.zeros(2)],
            "|y - p| at y - p = 0: TensorFlow's Abs gradient is sign(0) = 0"),
        run("bce from probabilities exactly 0 and 1", [L.Dense(2)], 3, "binary_crossentropy", x3,
            y_err[:, :1].repeat(2, axis=1) != 0, [np.zeros((3, 2)), np.array([0.0, 1.0])],
            "p = 0 and p = 1 (a linear output, no logits): clipped to [1e-7, 1 - 1e-7], gradient 0 outside"),
        run("cce from probabilities with exact 0 and 1", [L.Dense(3)], 3, "categorical_crossentropy", x3,
            np.eye(3, dtype=np.float32)[[0, 1, 2, 0, 1]], [np.zeros((3, 3)), np.array([1.0, 0.0, 0.0])],
            "p = [1, 0, 0] (a linear output): normalised, clipped, log"),
    ]


def activation_ties():
    rng = np.random.default_rng(SEED + 1)
    x = np.round(rng.standard_normal((5, 3)), 4)
    y = np.round(rng.standard_normal((5, 8)), 4)
    kinks = [np.zeros((3, 8)), np.array(KINKS)]
    cases = [run("activation " + a, [L.Dense(8, activation=a)], 3, "mse", x, y, kinks,
                 "pre-activation exactly " + str(KINKS)) for a in ACTIVATIONS]
    layers = [
        ("ReLU(max_value=1.0)", lambda: L.ReLU(max_value=1.0)),
        ("ReLU(max_value=6.0)", lambda: L.ReLU(max_value=6.0)),
        ("ReLU(threshold=0.5)", lambda: L.ReLU(threshold=0.5)),
        ("ReLU(negative_slope=0.1, threshold=0.5, max_value=3.0)",
         lambda: L.ReLU(negative_slope=0.1, threshold=0.5, max_value=3.0)),
        ("ReLU(negative_slope=0.1)", lambda: L.ReLU(negative_slope=0.1)),
        ("LeakyReLU(negative_slope=0.3)", lambda: L.LeakyReLU(negative_slope=0.3)),
        ("ELU(alpha=0.5)", lambda: L.ELU(alpha=0.5)),
        ("PReLU(alpha 0.25)", lambda: L.PReLU(alpha_initializer=keras.initializers.Constant(0.25))),
    ]
    for label, make in layers:
        layer = make()
        extra = [np.full(8, 0.25)] if isinstance(layer, L.PReLU) else []
        cases.append(run("layer " + label, [L.Dense(8), layer], 3, "mse", x, y, kinks + extra,
                         "linear Dense, then the layer on pre-activations exactly " + str(KINKS)))
    return cases


def main():
    doc = {
        "meta": {"generator": "tools/keras-golden/ties.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend(),
                 "jit_compile": False, "learning_rate": LR,
                 "description": "one SGD step from weights that put a loss or an activation exactly on a kink"},
        "loss_ties": loss_ties(),
        "activation_ties": activation_ties(),
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")
    for c in doc["loss_ties"]:
        print(c["name"], [g["data"] for g in c["gradients"]][:2])


if __name__ == "__main__":
    main()
