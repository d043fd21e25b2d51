#!/usr/bin/env python3
"""Golden fixture for Keras 3's other losses and the loss options (reduction, label smoothing, from_logits), from
REAL Keras 3: each loss's value, per-example values and one SGD step, on a small model, plus the JSON forms.

    /tmp/kvenv/bin/python tools/keras-golden/loss_options.py

Writes src/test/resources/golden/loss_options.json:

- cases[]: name, note, model_json (model.to_json() after compile, so the Java side reads model, loss and optimizer
  from Keras's own JSON; the loss completed with the arguments Keras 3.15's get_config leaves out: Huber's delta
  and CosineSimilarity's axis), loss (keras.losses.serialize of the compiled loss, completed the same way), x, y, initial_weights, output
  (predict), per_sample (the same loss with reduction="none" on the model's output, which keeps its sigmoid
  logits; null where a per-example value is not one number per row), evaluate_loss (evaluate, one batch),
  loss_value (train_on_batch's return: the loss before the update), gradients, weights_after (SGD(0.1), one
  train_on_batch on the whole batch). Cases marked tie start on a kink (zero kernel).
- epochs[]: fit over batches of 4 and 2 with reduction "sum": history loss (Keras's batch-size-weighted mean of
  the batch sums) and weights after the epoch.
- json_forms[]: name, serialized (keras.losses.serialize of a loss with non-default options), read_back (the
  config of keras.losses.deserialize(serialized)). extra_keys[]: a dict with a key Keras 3.15's get_config leaves
  out (Huber's delta, CosineSimilarity's axis) and what Keras reads from it. names[]: each function name Strata
  writes for default options and the function keras.losses.get resolves it to.
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
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "loss_options.json")
SEED = 20260312
LR = 0.1
K = keras.losses
L = keras.layers


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weight_list(variables, values):
    return [{"path": v.path, "shape": list(v.shape), "data": tensor(w)["data"]} for v, w in zip(variables, values)]


def build(input_shape, layers, loss):
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    model = keras.Sequential([keras.Input(input_shape)] + layers, name="losses")
    model.compile(optimizer=keras.optimizers.SGD(LR), loss=loss, jit_compile=False)
    return model


def initial(model, rng, zero_kernel, bias):
    values = []
    for v in model.weights:
        shape = tuple(v.shape)
        if v.name == "kernel":
            values.append(np.zeros(shape, np.float32) if zero_kernel
                          else np.round(rng.standard_normal(shape) * 0.5, 4).astype(np.float32))
        else:
            values.append(np.full(shape, bias, np.float32) if bias is not None
                          else np.round(rng.standard_normal(shape) * 0.1, 4).astype(np.float32))
    return values


def case(name, loss, y, layers, x=None, input_shape=(4,), zero_kernel=False, bias=None, note=""):
    rng = np.random.default_rng(SEED + sum(map(ord, name)))
    model = build(input_shape, layers, loss)
    init = initial(model, rng, zero_kernel, bias)
    model.set_weights(init)
    x = np.round(rng.standard_normal((6,) + tuple(input_shape)), 4).astype(np.float32) if x is None else x
    y = np.asarray(y, np.float32)
    output = model.predict(x, verbose=0)
    cfg = keras.losses.serialize(loss) if not isinstance(loss, str) else None
    per_sample = None
    if cfg is not None and cfg["config"].get("reduction") in ("sum_over_batch_size", "mean", "sum"):
        full = complete_loss(cfg, loss)
        none = keras.losses.deserialize({**full, "config": {**full["config"], "reduction": "none"}})
        values = np.asarray(none(y, model(x, training=False)))
        per_sample = tensor(values) if values.ndim == 1 else None
    evaluated = model.evaluate(x, y, batch_size=len(x), verbose=0)
    with tf.GradientTape() as tape:
        value = model.compute_loss(x=x, y=y, y_pred=model(x, training=True))
    grads = tape.gradient(value, model.trainable_weights)
    reported = model.train_on_batch(x, y)
    return {
        "name": name, "note": note, "tie": zero_kernel, "model_json": complete(model.to_json(), loss),
        "loss": complete_loss(cfg, loss), "x": tensor(x), "y": tensor(y),
        "initial_weights": weight_list(model.weights, init), "output": tensor(output), "per_sample": per_sample,
        "evaluate_loss": float(np.float32(evaluated)), "loss_value": float(np.float32(reported)),
        "gradients": weight_list(model.trainable_weights, [g.numpy() for g in grads]),
        "weights_after": weight_list(model.weights, [v.numpy() for v in model.weights]),
    }


def complete_loss(cfg, loss):
    """Keras 3.15's Huber and CosineSimilarity leave delta and axis out of get_config, so their serialized form
    reloads with the defaults; the fixture adds the arguments the loss was built with (Keras reads them back:
    extra_keys)."""
    if cfg is None:
        return loss
    out = json.loads(json.dumps(cfg))
    for key, value in getattr(loss, "_fn_kwargs", {}).items():
        out["config"].setdefault(key, value)
    return out


def complete(model_json, loss):
    doc = json.loads(model_json)
    if not isinstance(loss, str):
        doc["compile_config"]["loss"] = complete_loss(keras.losses.serialize(loss), loss)
    return json.dumps(doc)


def cases():
    rng = np.random.default_rng(SEED)
    reg = np.round(rng.standard_normal((6, 3)), 4)
    positive = np.round(np.abs(rng.standard_normal((6, 3))) + 0.1, 4)
    counts = rng.integers(0, 5, (6, 3)).astype(np.float32)
    probs = rng.dirichlet([1.0, 1.0, 1.0], 6).astype(np.float32)
    probs[0] = [0.0, 1.0, 0.0]  # exact 0 and 1 in a target distribution: KL clips them
    bin3 = rng.integers(0, 2, (6, 3)).astype(np.float32)
    bin1 = np.array([[1], [0], [1], [1], [0], [0]], np.float32)
    pm1 = 2 * bin3 - 1
    onehot = np.eye(3, dtype=np.float32)[rng.integers(0, 3, 6)]
    sparse = rng.integers(0, 3, (6, 1)).astype(np.float32)
    mape_y = reg.copy()
    mape_y[2, 1] = 0.0  # divided by max(|y|, 1e-7)
    huber_tie_y = np.array([[0.0, 1.0, -1.0], [0.5, -0.5, 2.0], [0.0, 0.0, 1.0], [-1.0, 3.0, 0.25],
                            [1.0, 0.0, -2.0], [0.0, -1.0, 0.0]], np.float32)
    d3 = lambda act=None: [L.Dense(3, activation=act)]
    return [
        case("mse reduction sum", K.MeanSquaredError(reduction="sum"), reg, d3()),
        case("mse reduction mean", K.MeanSquaredError(reduction="mean"), reg, d3()),
        case("mae reduction mean_with_sample_weight", K.MeanAbsoluteError(reduction="mean_with_sample_weight"),
             reg, d3()),
        case("mean_absolute_percentage_error", K.MeanAbsolutePercentageError(), mape_y, d3(),
             note="one target exactly 0"),
        case("mean_squared_logarithmic_error", K.MeanSquaredLogarithmicError(), positive, d3(),
             note="linear outputs, some negative: max(p, 1e-7)"),
        case("huber", K.Huber(), reg * 2, d3()),
        case("huber delta 0.5 reduction sum", K.Huber(delta=0.5, reduction="sum"), reg, d3()),
        case("huber at |e| = delta and e = 0", K.Huber(delta=1.0), huber_tie_y, d3(), zero_kernel=True, bias=0.0,
             note="errors exactly 0 and +-delta"),
        case("log_cosh", K.LogCosh(), reg * 3, d3()),
        case("poisson after exponential", K.Poisson(), counts, d3("exponential")),
        case("kl_divergence after softmax", K.KLDivergence(), probs, d3("softmax")),
        case("kl_divergence at the clip bounds", K.KLDivergence(), probs, d3(), zero_kernel=True, bias=1.0,
             note="p exactly 1 (the upper clip) and targets exactly 0 and 1"),
        case("cosine_similarity", K.CosineSimilarity(), reg, d3()),
        case("cosine_similarity of a zero prediction", K.CosineSimilarity(), reg, d3(), zero_kernel=True, bias=0.0,
             note="normalize caps 1/norm at 1e7: a zero vector gets gradient 1e7 * (direction), not NaN"),
        case("cosine_similarity axis 1 over time", K.CosineSimilarity(axis=1), reg.reshape(6, 1, 3).repeat(2, 1)
             * np.array([1.0, -0.5], np.float32).reshape(1, 2, 1), d3(), input_shape=(2, 4),
             note="output (batch, 2, 3): cosine over the 2 steps, then the mean of the 6 x 3 values"),
        case("hinge 0/1 labels after tanh", K.Hinge(), bin1, [L.Dense(1, activation="tanh")],
             note="every target 0 or 1: Keras reads them as -1 and 1"),
        case("hinge -1/1 labels", K.Hinge(), pm1, d3()),
        case("hinge at the margin", K.Hinge(), bin3, d3(), zero_kernel=True, bias=1.0,
             note="p = 1: 1 - y p is exactly 0 for y = 1"),
        case("squared_hinge 0/1 labels", K.SquaredHinge(), bin3, d3()),
        case("categorical_hinge", K.CategoricalHinge(), onehot, d3()),
        case("categorical_hinge from zero weights", K.CategoricalHinge(), onehot, d3(), zero_kernel=True, bias=0.0,
             note="every (1 - y) p is 0: the max is a three-way tie, its gradient shared"),
        case("binary_focal_crossentropy after sigmoid", K.BinaryFocalCrossentropy(), bin3, d3("sigmoid")),
        case("binary_focal_crossentropy from_logits, balanced", K.BinaryFocalCrossentropy(
            from_logits=True, apply_class_balancing=True, alpha=0.4, gamma=1.5), bin3, d3()),
        case("binary_focal_crossentropy label_smoothing 0.1, gamma 0", K.BinaryFocalCrossentropy(
            label_smoothing=0.1, gamma=0.0), bin3, d3("sigmoid"), note="gamma 0 is binary crossentropy"),
        case("binary_focal_crossentropy on hard_sigmoid probabilities", K.BinaryFocalCrossentropy(), bin3,
             d3("hard_sigmoid"), note="no logits: clipped probabilities"),
        case("binary_focal_crossentropy from zero weights", K.BinaryFocalCrossentropy(), bin3, d3("sigmoid"),
             zero_kernel=True, bias=0.0, note="logit exactly 0"),
        case("binary_crossentropy after sigmoid, label_smoothing 0.1, sum", K.BinaryCrossentropy(
            label_smoothing=0.1, reduction="sum"), bin3, d3("sigmoid")),
        case("categorical_crossentropy after softmax, label_smoothing 0.2, sum", K.CategoricalCrossentropy(
            label_smoothing=0.2, reduction="sum"), onehot, d3("softmax")),
        case("sparse_categorical_crossentropy from_logits", K.SparseCategoricalCrossentropy(from_logits=True),
             sparse, d3()),
    ]


def epochs():
    rng = np.random.default_rng(SEED + 5)
    out = []
    for name, loss, y, act in [
        ("mse sum, batches of 4 and 2", K.MeanSquaredError(reduction="sum"),
         np.round(rng.standard_normal((6, 3)), 4), None),
        ("bce after sigmoid sum, batches of 4 and 2", K.BinaryCrossentropy(reduction="sum"),
         rng.integers(0, 2, (6, 3)).astype(np.float32), "sigmoid"),
    ]:
        model = build((4,), [L.Dense(3, activation=act)], loss)
        init = initial(model, rng, False, None)
        model.set_weights(init)
        x = np.round(rng.standard_normal((6, 4)), 4).astype(np.float32)
        history = model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
        out.append({"name": name, "model_json": model.to_json(), "x": tensor(x), "y": tensor(y),
                    "initial_weights": weight_list(model.weights, init),
                    "history_loss": [float(np.float32(v)) for v in history.history["loss"]],
                    "weights_after": weight_list(model.weights, [v.numpy() for v in model.weights])})
    return out


def json_forms():
    objects = [K.MeanSquaredError(reduction="sum"), K.MeanAbsoluteError(reduction="mean"),
               K.MeanAbsolutePercentageError(reduction="sum"), K.MeanSquaredLogarithmicError(reduction="sum"),
               K.Huber(reduction="sum"), K.LogCosh(reduction="mean_with_sample_weight"), K.Poisson(reduction="sum"),
               K.KLDivergence(reduction="sum"), K.CosineSimilarity(reduction="sum"), K.Hinge(reduction="sum"),
               K.SquaredHinge(reduction="sum"), K.CategoricalHinge(reduction="sum"),
               K.BinaryCrossentropy(from_logits=True, label_smoothing=0.1),
               K.CategoricalCrossentropy(label_smoothing=0.2, reduction="sum"),
               K.SparseCategoricalCrossentropy(from_logits=True),
               K.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.4, gamma=1.5, from_logits=True,
                                         label_smoothing=0.1),
               K.BinaryFocalCrossentropy(reduction="sum")]
    forms = []
    for o in objects:
        s = keras.losses.serialize(o)
        forms.append({"name": o.name + " " + str(o.reduction), "serialized": s,
                      "read_back": keras.losses.deserialize(s).get_config()})
    extra = []
    for cls, key, value in [("Huber", "delta", 2.0), ("CosineSimilarity", "axis", 1)]:
        s = keras.losses.serialize(getattr(K, cls)())
        s["config"][key] = value
        back = keras.losses.deserialize(s)
        extra.append({"serialized": s, "key": key, "value": value,
                      "keras_reads": back._fn_kwargs[key], "get_config": back.get_config()})
    names = []
    for n in ["mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
              "mean_squared_logarithmic_error", "huber", "log_cosh", "poisson", "kl_divergence", "cosine_similarity",
              "hinge", "squared_hinge", "categorical_hinge", "binary_crossentropy", "categorical_crossentropy",
              "sparse_categorical_crossentropy", "binary_focal_crossentropy"]:
        names.append({"name": n, "resolves_to": keras.losses.get(n).__name__})
    return forms, extra, names


def main():
    forms, extra, names = json_forms()
    doc = {
        "meta": {"generator": "tools/keras-golden/loss_options.py", "keras_version": keras.__version__,
                 "tensorflow_version": tf.__version__, "numpy_version": np.__version__,
                 "python_version": platform.python_version(), "backend": keras.backend.backend(),
                 "jit_compile": False, "learning_rate": LR,
                 "description": "Keras 3 losses and loss options: values, per-example values, one SGD step"},
        "cases": cases(), "epochs": epochs(), "json_forms": forms, "extra_keys": extra, "names": names,
    }
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")
    for c in doc["cases"]:
        print(f'{c["name"]}: evaluate {c["evaluate_loss"]:.6g} step {c["loss_value"]:.6g}')
    for e in extra:
        print("extra", e["key"], e["keras_reads"])


if __name__ == "__main__":
    main()
