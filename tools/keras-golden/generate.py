#!/usr/bin/env python3
"""Write golden fixtures for Strata's tests with REAL Keras 3 (TensorFlow backend).

Run from the repository root:

    /tmp/kvenv/bin/python tools/keras-golden/generate.py

Writes everything under src/test/resources/golden/. The Java build never runs this
script; it only reads the committed fixtures. See tools/keras-golden/README.md.

Conventions used in every numeric fixture
- Every float is the exact float32 value Keras used or computed, written as the
  float64 repr of that float32 (cast to float in Java to get the exact bits back).
- A tensor is {"shape": [...], "data": [flat row-major values]}.
- A weight list is [{"layer", "name", "path", "shape", "data"}, ...] in
  model.weights / get_weights() order (per layer: kernel then bias).
- Models are compiled with jit_compile=False (plain TF kernels, no XLA), and oneDNN
  is switched off, so that the numbers are what an ordinary TF graph computes.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["PYTHONHASHSEED"] = "0"

import io
import json
import platform
import sys
import tempfile
import warnings
import zipfile

import numpy as np
import tensorflow as tf
import keras
from keras import ops

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden")
JSON_OUT = os.path.join(OUT, "json")

SEED = 20240601
JIT = False  # Keras's default "auto" is also False on a CPU-only machine, but XLA on a GPU one


# --------------------------------------------------------------------------- helpers

def meta(description):
    return {
        "generator": "tools/keras-golden/generate.py",
        "keras_version": keras.__version__,
        "tensorflow_version": tf.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "backend": keras.backend.backend(),
        "jit_compile": JIT,
        "description": description,
    }


def f32(x):
    """Python float holding the exact float32 value."""
    return float(np.float32(np.asarray(x)))


def tensor(a, dtype=np.float32):
    a = np.asarray(a)
    if np.issubdtype(a.dtype, np.integer) or dtype is int:
        return {"shape": list(a.shape), "data": [int(v) for v in a.reshape(-1)]}
    a = a.astype(np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def rnd(rng, shape, scale=1.0, decimals=4):
    """Deterministic float32 values (rounded in float64 first, to stay readable)."""
    return np.round(rng.standard_normal(shape) * scale, decimals).astype(np.float32)


def weights_of(model):
    out = []
    for v in model.weights:
        layer, _, name = v.path.rpartition("/")
        out.append({
            "layer": layer,
            "name": name,
            "path": v.path,
            "shape": list(v.shape),
            "data": [float(x) for x in np.asarray(v.numpy(), np.float32).reshape(-1)],
        })
    return out


def fresh():
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)


def write_json(path, obj, indent=1):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=indent, allow_nan=False)
        fh.write("\n")
    size = os.path.getsize(path)
    assert size < 200 * 1024, f"{path} is {size} bytes"
    print(f"wrote {os.path.relpath(path, ROOT)} ({size} bytes)")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")


def scalar(t):
    return f32(ops.convert_to_numpy(t))


# --------------------------------------------------------------------------- 1. regularizers

def gen_regularizers():
    rng = np.random.default_rng(SEED + 1)
    w43 = rnd(rng, (4, 3))
    w35 = rnd(rng, (3, 5))
    b5 = rnd(rng, (5,))
    w_zero_row = w43.copy()
    w_zero_row[2, :] = 0.0  # a zero row: normalize() caps 1/norm at 1/epsilon -> row stays 0
    w_with_zeros = w35.copy()
    w_with_zeros[0, 0] = 0.0
    w_with_zeros[1, 3] = 0.0

    R = keras.regularizers
    specs = [
        ("L1(0.01) 4x3", R.L1(0.01), w43),
        ("L1(0.3) 4x3", R.L1(0.3), w43),
        ("L2(0.01) 4x3", R.L2(0.01), w43),
        ("L2(0.05) 4x3", R.L2(0.05), w43),
        ("L1L2(0.01,0.02) 4x3", R.L1L2(0.01, 0.02), w43),
        ("L1L2(0,0.01) 4x3", R.L1L2(0.0, 0.01), w43),
        ("L1L2(0.01,0) 4x3", R.L1L2(0.01, 0.0), w43),
        ("L1(0.01) 3x5", R.L1(0.01), w35),
        ("L2(0.01) 3x5", R.L2(0.01), w35),
        ("L1L2(0.01,0.02) 3x5", R.L1L2(0.01, 0.02), w35),
        ("L1(0.01) 3x5 with exact zeros", R.L1(0.01), w_with_zeros),
        ("Orthogonal(0.01,rows) 4x3", R.OrthogonalRegularizer(0.01, "rows"), w43),
        ("Orthogonal(0.1,columns) 4x3", R.OrthogonalRegularizer(0.1, "columns"), w43),
        ("Orthogonal(0.01,rows) 3x5", R.OrthogonalRegularizer(0.01, "rows"), w35),
        ("Orthogonal(0.1,columns) 3x5", R.OrthogonalRegularizer(0.1, "columns"), w35),
        ("Orthogonal(0.01,rows) 4x3 with a zero row", R.OrthogonalRegularizer(0.01, "rows"), w_zero_row),
        ("Orthogonal() default 3x5", R.OrthogonalRegularizer(), w35),
        ("L1(0.01) bias[5]", R.L1(0.01), b5),
        ("L2(0.01) bias[5]", R.L2(0.01), b5),
        ("L1L2(0.01,0.02) bias[5]", R.L1L2(0.01, 0.02), b5),
        ("L1() default 4x3", R.L1(), w43),
        ("L2() default 4x3", R.L2(), w43),
        ("L1L2() default 4x3 (zero)", R.L1L2(), w43),
    ]
    cases = []
    for name, reg, w in specs:
        value = scalar(reg(ops.convert_to_tensor(w)))
        # same thing through a real layer variable, to be sure
        cases.append({
            "name": name,
            "regularizer": R.serialize(reg),
            "weight_shape": list(w.shape),
            "weight": [float(v) for v in w.reshape(-1)],
            "value": value,
        })

    string_forms = {}
    for s in ["l1", "l2", "L1", "L2", "l1_l2", "l1l2", "L1L2", "orthogonal_regularizer",
              "OrthogonalRegularizer"]:
        try:
            reg = R.get(s)
            entry = {"serialized": R.serialize(reg), "value_on_4x3": scalar(reg(ops.convert_to_tensor(w43)))}
        except Exception as e:  # record the refusal, as is
            entry = {"error": f"{type(e).__name__}: {str(e).splitlines()[0]}"}
        string_forms[s] = entry

    write_json(os.path.join(OUT, "regularizers.json"), {
        "meta": meta("Weight regularizer penalties computed by keras.regularizers on float32 weights."),
        "cases": cases,
        "string_forms": string_forms,
    })


# --------------------------------------------------------------------------- 2. activity

def dense_relu_model(kernel, bias, activity, name="dense"):
    fresh()
    model = keras.Sequential([
        keras.Input((kernel.shape[0],)),
        keras.layers.Dense(kernel.shape[1], activation="relu", activity_regularizer=activity, name=name),
    ], name="activity_model")
    model.set_weights([kernel, bias])
    return model


def gen_activity():
    rng = np.random.default_rng(SEED + 2)
    kernel = rnd(rng, (4, 3), 0.5)
    bias = np.array([0.1, -0.2, 0.05], np.float32)
    xs = {n: rnd(rng, (n, 4)) for n in (1, 7, 32)}

    R = keras.regularizers
    call_cases = []
    for reg_name, reg in [("L2(0.01)", R.L2(0.01)), ("L1(0.02)", R.L1(0.02))]:
        for n, x in xs.items():
            model = dense_relu_model(kernel, bias, reg)
            out_train = model(x, training=True)
            losses_train = [scalar(l) for l in model.losses]
            out_infer = model(x, training=False)
            losses_infer = [scalar(l) for l in model.losses]
            undivided = scalar(reg(out_train))
            call_cases.append({
                "name": f"{reg_name} batch {n}",
                "activity_regularizer": R.serialize(reg),
                "batch_size": n,
                "x": tensor(x),
                "output": tensor(ops.convert_to_numpy(out_train)),
                "model_losses_training": losses_train,
                "model_losses_inference": losses_infer,
                "penalty_undivided": undivided,
            })

    # ---- fit: 10 samples, batch 4 (4, 4, 2), SGD(0.1), mse, shuffle=False, 1 epoch
    x = rnd(rng, (10, 4))
    y = rnd(rng, (10, 3), 0.5)
    reg = R.L2(0.01)
    model = dense_relu_model(kernel, bias, reg)
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", jit_compile=JIT)
    init_w = weights_of(model)
    mse = keras.losses.MeanSquaredError()

    batch_logs, recomputed = [], []
    bounds = [(0, 4), (4, 8), (8, 10)]

    class Rec(keras.callbacks.Callback):
        def on_train_batch_begin(self, batch, logs=None):
            lo, hi = bounds[batch]
            pred = self.model(x[lo:hi], training=True)
            data = scalar(mse(y[lo:hi], pred))
            pen = [scalar(l) for l in self.model.losses]
            recomputed.append({"batch": batch, "rows": [lo, hi], "data_loss": data,
                               "penalties": pen, "total": f32(np.float32(data) + np.float32(sum(pen)))})

        def on_train_batch_end(self, batch, logs=None):
            batch_logs.append(f32(logs["loss"]))

    hist = model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0, callbacks=[Rec()])
    fit_case = {
        "activity_regularizer": R.serialize(reg),
        "layer": {"units": 3, "activation": "relu", "input_dim": 4},
        "optimizer": keras.optimizers.serialize(model.optimizer),
        "loss": "mean_squared_error",
        "batch_size": 4,
        "epochs": 1,
        "shuffle": False,
        "x": tensor(x),
        "y": tensor(y),
        "initial_weights": init_w,
        "callback_batch_loss_running_mean": batch_logs,
        "callback_batch_loss_note": "logs['loss'] in on_train_batch_end: running mean over the epoch so far, "
                                    "weighted by batch size (mean_k = sum(n_i*loss_i)/sum(n_i)); loss_i is "
                                    "computed before batch i's update and includes the activity penalty "
                                    "(divided by that batch's size).",
        "per_batch_recomputed_before_update": recomputed,
        "history_loss": [f32(v) for v in hist.history["loss"]],
        "final_weights": weights_of(model),
    }

    write_json(os.path.join(OUT, "activity.json"), {
        "meta": meta("Activity regularizer on Dense(3, relu): model.losses after a call, and a 1-epoch fit."),
        "kernel": tensor(kernel),
        "bias": tensor(bias),
        "call_cases": call_cases,
        "fit": fit_case,
    })


# --------------------------------------------------------------------------- 3. losses

def np_softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


def np_sigmoid(z):
    return (1.0 / (1.0 + np.exp(-z.astype(np.float64)))).astype(np.float32)


def gen_losses():
    rng = np.random.default_rng(SEED + 3)
    L = keras.losses
    B, C = 5, 4

    reg_true = rnd(rng, (B, C))
    reg_pred = rnd(rng, (B, C))
    bin_true = (rng.random((B, C)) > 0.5).astype(np.float32)
    bin_logits = rnd(rng, (B, C), 2.0)
    bin_probs = np_sigmoid(bin_logits)
    bin_probs_extreme = bin_probs.copy()
    bin_probs_extreme[0, 0] = 0.0
    bin_probs_extreme[1, 1] = 1.0
    labels = np.array([0, 3, 1, 2, 3], np.int32)
    onehot = np.eye(C, dtype=np.float32)[labels]
    cat_logits = rnd(rng, (B, C), 2.0)
    cat_probs = np_softmax(cat_logits)
    cat_unnorm = np.round(rng.random((B, C)) + 0.05, 4).astype(np.float32)  # rows do not sum to 1
    cat_probs_zero = cat_probs.copy()
    cat_probs_zero[0, 0] = 0.0  # the true class with probability 0: the clip to 1e-7 decides

    cases_spec = [
        ("mean_squared_error", L.MeanSquaredError(), reg_true, reg_pred),
        ("mean_absolute_error", L.MeanAbsoluteError(), reg_true, reg_pred),
        ("binary_crossentropy probs", L.BinaryCrossentropy(), bin_true, bin_probs),
        ("binary_crossentropy probs with 0 and 1", L.BinaryCrossentropy(), bin_true, bin_probs_extreme),
        ("binary_crossentropy logits", L.BinaryCrossentropy(from_logits=True), bin_true, bin_logits),
        ("binary_crossentropy probs label_smoothing 0.1", L.BinaryCrossentropy(label_smoothing=0.1), bin_true, bin_probs),
        ("categorical_crossentropy probs", L.CategoricalCrossentropy(), onehot, cat_probs),
        ("categorical_crossentropy probs unnormalized rows", L.CategoricalCrossentropy(), onehot, cat_unnorm),
        ("categorical_crossentropy probs with a zero true-class prob", L.CategoricalCrossentropy(), onehot, cat_probs_zero),
        ("categorical_crossentropy logits", L.CategoricalCrossentropy(from_logits=True), onehot, cat_logits),
        ("categorical_crossentropy probs label_smoothing 0.1", L.CategoricalCrossentropy(label_smoothing=0.1), onehot, cat_probs),
        ("categorical_crossentropy logits label_smoothing 0.1",
         L.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1), onehot, cat_logits),
        ("sparse_categorical_crossentropy probs", L.SparseCategoricalCrossentropy(), labels, cat_probs),
        ("sparse_categorical_crossentropy logits", L.SparseCategoricalCrossentropy(from_logits=True), labels, cat_logits),
    ]
    cases = []
    for name, loss, yt, yp in cases_spec:
        cfg = loss.get_config()
        none_loss = loss.__class__(**{**cfg, "reduction": None})
        cases.append({
            "name": name,
            "loss": L.serialize(loss),
            "y_true": tensor(yt),
            "y_pred": tensor(yp),
            "value": scalar(loss(yt, yp)),
            "per_sample": [float(v) for v in np.asarray(none_loss(yt, yp), np.float32).reshape(-1)],
        })

    write_json(os.path.join(OUT, "losses.json"), {
        "meta": meta("Loss objects (reduction sum_over_batch_size) on plain numpy y_true/y_pred (batch 5). "
                     "Plain arrays carry no cached logits, so the from-probabilities formulas (with clipping) apply."),
        "epsilon": keras.backend.epsilon(),
        "cases": cases,
        "activation_logits_cases": gen_activation_logit_cases(),
    })


def gen_activation_logit_cases():
    """Does Keras use the cached logits of a softmax/sigmoid output instead of clipping?"""
    out = []
    L = keras.losses
    logits_c = np.array([[30., -30., 0.], [-30., 30., 0.], [2., 1., 0.5], [0., 0., 0.]], np.float32)
    y_c = np.array([[0, 1, 0], [1, 0, 0], [1, 0, 0], [0, 0, 1]], np.float32)
    logits_b = np.array([[30.], [-30.], [2.], [0.]], np.float32)
    y_b = np.array([[0.], [1.], [1.], [0.]], np.float32)

    def build(kind, n, act_in_dense):
        fresh()
        if act_in_dense:
            layers = [keras.Input((n,)), keras.layers.Dense(n, activation=kind, name="out")]
        else:
            layers = [keras.Input((n,)), keras.layers.Dense(n, name="out"), keras.layers.Activation(kind, name="act")]
        m = keras.Sequential(layers, name=f"{kind}_model")
        m.set_weights([np.eye(n, dtype=np.float32), np.zeros((n,), np.float32)])
        return m

    for kind, loss_name, x, y in [("softmax", "categorical_crossentropy", logits_c, y_c),
                                  ("sigmoid", "binary_crossentropy", logits_b, y_b)]:
        for act_in_dense in (True, False):
            model = build(kind, x.shape[1], act_in_dense)
            lossobj = L.CategoricalCrossentropy() if kind == "softmax" else L.BinaryCrossentropy()
            lossobj_logits = lossobj.__class__(from_logits=True)
            none_probs = lossobj.__class__(reduction=None)
            none_logits = lossobj.__class__(from_logits=True, reduction=None)
            model.compile(optimizer=keras.optimizers.SGD(0.0), loss=loss_name, jit_compile=JIT)

            probs = np.asarray(model.predict(x, verbose=0), np.float32)
            eval_loss = f32(model.evaluate(x, y, batch_size=len(x), verbose=0, return_dict=True)["loss"])
            tob_loss = f32(model.train_on_batch(x, y, return_dict=True)["loss"])
            eager_loss = scalar(lossobj(y, model(x)))
            tff_loss = scalar(tf.function(lambda: lossobj(y, model(x)))())
            numpy_loss = scalar(lossobj(y, probs))
            logits_loss = scalar(lossobj_logits(y, x))
            out.append({
                "name": f"Dense(activation='{kind}') + {loss_name}" if act_in_dense
                else f"Dense + Activation('{kind}') layer + {loss_name}",
                "model": "Dense(kernel=identity, bias=0) so the logits equal x" +
                         ("" if act_in_dense else ", then an Activation layer"),
                "loss": loss_name + " (from_logits=False)",
                "x_logits": tensor(x),
                "y_true": tensor(y),
                "predict_probs": tensor(probs),
                "evaluate_loss": eval_loss,
                "train_on_batch_loss": tob_loss,
                "eager_loss_on_model_output": eager_loss,
                "tf_function_loss_on_model_output": tff_loss,
                "loss_on_numpy_probs_clipped_formula": numpy_loss,
                "logits_formula_loss": logits_loss,
                "per_sample_clipped_formula": [float(v) for v in np.asarray(none_probs(y, probs)).reshape(-1)],
                "per_sample_logits_formula": [float(v) for v in np.asarray(none_logits(y, x)).reshape(-1)],
                "keras_uses": ("logits" if abs(eval_loss - logits_loss) < 1e-3 * max(1.0, abs(logits_loss))
                               else "clipped" if abs(eval_loss - numpy_loss) < 1e-3 * max(1.0, abs(numpy_loss))
                               else "neither"),
            })
    # The same question for a bare activation call outside any model
    z = logits_c
    p = keras.activations.softmax(z)
    out.append({
        "name": "keras.activations.softmax(z) eager tensor fed to CategoricalCrossentropy()",
        "x_logits": tensor(z),
        "y_true": tensor(y_c),
        "loss_on_activation_output": scalar(L.CategoricalCrossentropy()(y_c, p)),
        "loss_on_numpy_copy_of_it": scalar(L.CategoricalCrossentropy()(y_c, np.asarray(p))),
        "logits_formula_loss": scalar(L.CategoricalCrossentropy(from_logits=True)(y_c, z)),
    })
    return out


# --------------------------------------------------------------------------- 4. optimizers

def gen_optimizers():
    rng = np.random.default_rng(SEED + 4)
    kernel = rnd(rng, (4, 3), 0.5)
    bias = rnd(rng, (3,), 0.1)
    x = rnd(rng, (6, 4))
    y = rnd(rng, (6, 3))
    O = keras.optimizers
    specs = [
        ("SGD(0.1)", lambda: O.SGD(0.1), None),
        ("SGD(0.1, momentum=0.9)", lambda: O.SGD(0.1, momentum=0.9), None),
        ("SGD(0.1, momentum=0.9, nesterov=True)", lambda: O.SGD(0.1, momentum=0.9, nesterov=True), None),
        ("Adam(0.01)", lambda: O.Adam(0.01), None),
        ("AdamW(0.01, weight_decay=0.1)", lambda: O.AdamW(0.01, weight_decay=0.1), None),
        ("SGD(0.1, weight_decay=0.2)", lambda: O.SGD(0.1, weight_decay=0.2), None),
        ("SGD(0.1) + kernel_regularizer L2(0.05)", lambda: O.SGD(0.1), keras.regularizers.L2(0.05)),
    ]
    mse = keras.losses.MeanSquaredError()
    cases = []
    for name, make_opt, kreg in specs:
        fresh()
        model = keras.Sequential([keras.Input((4,)),
                                  keras.layers.Dense(3, kernel_regularizer=kreg, name="dense")], name="opt_model")
        model.set_weights([kernel, bias])
        opt = make_opt()
        model.compile(optimizer=opt, loss="mse", jit_compile=JIT)
        # gradient of the total loss at the initial weights
        with tf.GradientTape() as tape:
            pred = model(x, training=True)
            total = mse(y, pred)
            if model.losses:
                total = total + ops.sum(ops.stack(model.losses))
        grads = tape.gradient(total, [v.value for v in model.trainable_weights])
        steps = []
        for step in range(1, 4):
            pred = model(x, training=True)
            data = scalar(mse(y, pred))
            pen = [scalar(l) for l in model.losses]
            logs = model.train_on_batch(x, y, return_dict=True)
            steps.append({
                "step": step,
                "data_loss_before": data,
                "penalties_before": pen,
                "reported_loss": f32(logs["loss"]),
                "weights_after": weights_of(model),
            })
        cases.append({
            "name": name,
            "optimizer": O.serialize(opt),
            "kernel_regularizer": None if kreg is None else keras.regularizers.serialize(kreg),
            "initial_gradients": [{"path": v.path, **tensor(g.numpy())} for v, g in zip(model.trainable_weights, grads)],
            "steps": steps,
        })

    defaults = {}
    for cls in (O.SGD, O.Adam, O.AdamW):
        fresh()
        cfg = cls().get_config()
        defaults[cls.__name__] = json.loads(json.dumps(cfg, default=lambda o: float(o)))

    write_json(os.path.join(OUT, "optimizers.json"), {
        "meta": meta("Dense(3) on input dim 4, loss mse, three train_on_batch steps on the same batch."),
        "model": {"layers": ["Input(4)", "Dense(3, activation=None)"], "loss": "mean_squared_error"},
        "kernel": tensor(kernel),
        "bias": tensor(bias),
        "x": tensor(x),
        "y": tensor(y),
        "cases": cases,
        "defaults": defaults,
    })


# --------------------------------------------------------------------------- 5. fit history

def gen_fit_history():
    rng = np.random.default_rng(SEED + 5)
    R = keras.regularizers
    init = [rnd(rng, (4, 8), 0.5), rnd(rng, (8,), 0.1), rnd(rng, (8, 3), 0.5), rnd(rng, (3,), 0.1)]
    x = rnd(rng, (24, 4))
    labels = rng.integers(0, 3, 24)
    y = np.eye(3, dtype=np.float32)[labels]
    xv = rnd(rng, (6, 4))
    labels_v = rng.integers(0, 3, 6)
    yv = np.eye(3, dtype=np.float32)[labels_v]

    fresh()
    model = keras.Sequential([
        keras.Input((4,)),
        keras.layers.Dense(8, activation="relu", kernel_regularizer=R.L2(0.01), bias_regularizer=R.L1(0.01),
                           activity_regularizer=R.L2(0.001), name="hidden"),
        keras.layers.Dense(3, activation="softmax", name="output"),
    ], name="fit_model")
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="categorical_crossentropy",
                  metrics=["accuracy"], jit_compile=JIT)
    init_w = weights_of(model)

    batch_logs = []

    class Rec(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            batch_logs.append({"epoch": len(epoch_ends), "batch": batch,
                               "loss": f32(logs["loss"]), "accuracy": f32(logs["accuracy"])})

        def on_epoch_end(self, epoch, logs=None):
            epoch_ends.append(epoch)

    epoch_ends = []
    hist = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, validation_data=(xv, yv),
                     verbose=0, callbacks=[Rec()])
    history = {k: [f32(v) for v in vals] for k, vals in hist.history.items()}
    ev = model.evaluate(xv, yv, batch_size=8, verbose=0, return_dict=True)

    # regularization terms after an inference call on the validation data, attributed
    out = model(xv, training=False)
    ml = [scalar(l) for l in model.losses]
    attributed = []
    for layer in model.layers:
        for l in layer._get_own_losses():
            attributed.append({"kind": "activity", "layer": layer.name, "regularizer":
                               R.serialize(layer.activity_regularizer), "value": scalar(l),
                               "note": "penalty(layer output after activation) / batch_size (6)"})
    for v in model.trainable_weights:
        if v.regularizer is not None:
            attributed.append({"kind": "weight", "path": v.path, "regularizer": R.serialize(v.regularizer),
                               "value": scalar(v.regularizer(v))})
    assert [a["value"] for a in attributed] == ml, (attributed, ml)

    cce = keras.losses.CategoricalCrossentropy()
    probs = np.asarray(model.predict(xv, verbose=0), np.float32)
    data_loss_logits = scalar(tf.function(lambda: cce(yv, model(xv, training=False)))())
    data_loss_probs = scalar(cce(yv, probs))
    acc = float(np.mean(np.argmax(probs, -1) == labels_v))

    write_json(os.path.join(OUT, "fit_history.json"), {
        "meta": meta("End-to-end fit with weight and activity regularizers, history and evaluate."),
        "model": {
            "layers": [
                {"name": "hidden", "class": "Dense", "units": 8, "activation": "relu",
                 "kernel_regularizer": R.serialize(R.L2(0.01)), "bias_regularizer": R.serialize(R.L1(0.01)),
                 "activity_regularizer": R.serialize(R.L2(0.001))},
                {"name": "output", "class": "Dense", "units": 3, "activation": "softmax"},
            ],
            "input_dim": 4,
            "json": json.loads(model.to_json()),
        },
        "compile": {"optimizer": keras.optimizers.serialize(model.optimizer), "loss": "categorical_crossentropy",
                    "metrics": ["accuracy"]},
        "fit_args": {"batch_size": 8, "epochs": 3, "shuffle": False, "validation_batch_size": 8},
        "x": tensor(x), "y": tensor(y), "x_val": tensor(xv), "y_val": tensor(yv),
        "initial_weights": init_w,
        "history": history,
        "batch_logs_running_mean": batch_logs,
        "final_weights": weights_of(model),
        "evaluate": {"batch_size": 8, "loss": f32(ev["loss"]), "accuracy": f32(ev["accuracy"])},
        "final_model_losses": ml,
        "final_model_losses_attributed": attributed,
        "final_model_losses_note": "model.losses after model(x_val, training=False), in Keras's order: "
                                   "activity losses of layers first, then weight regularizers in trainable-weight order.",
        "evaluate_data_loss": {
            "logits_path": data_loss_logits,
            "logits_path_note": "CategoricalCrossentropy()(y_val, model(x_val)) inside tf.function: the "
                                "softmax's logits are used (no clipping) - this is what evaluate computes.",
            "clipped_probs_path": data_loss_probs,
            "clipped_probs_path_note": "same loss on model.predict(x_val) numpy probabilities (clip to [1e-7, 1-1e-7]).",
            "penalties_sum": f32(np.sum(np.array(ml, np.float32))),
            "accuracy_from_predict": acc,
        },
    })


# --------------------------------------------------------------------------- 6. model JSON

def gen_json():
    R = keras.regularizers
    L = keras.layers

    def save(name, model):
        raw = model.to_json()
        write_json(os.path.join(JSON_OUT, f"{name}.json"), json.loads(raw), indent=2)
        write_text(os.path.join(JSON_OUT, f"{name}.raw.json"), raw + "\n")

    fresh()
    mlp = keras.Sequential([
        keras.Input((784,)),
        L.Dense(64, activation="relu", kernel_regularizer=R.L2(0.01)),
        L.Dense(10, activation="softmax"),
    ], name="mlp")
    save("a_mlp_784_64_10_l2", mlp)
    lines = []
    mlp.summary(print_fn=lambda s, **kw: lines.append(s))
    write_text(os.path.join(JSON_OUT, "a_mlp_784_64_10_l2.summary.txt"), "\n".join(lines).rstrip("\n") + "\n")

    fresh()
    save("b_dense_l1_kernel_l2_bias", keras.Sequential([
        keras.Input((5,)),
        L.Dense(4, kernel_regularizer=R.L1(0.01), bias_regularizer=R.L2(0.02), name="dense"),
    ], name="l1_l2_model"))

    fresh()
    save("c_l1l2_activity", keras.Sequential([
        keras.Input((6,)),
        L.Dense(4, activation="tanh", kernel_regularizer=R.L1L2(l1=0.01, l2=0.02),
                activity_regularizer=R.L2(0.001), name="dense"),
        L.Dense(2, kernel_regularizer=R.L1L2(l2=0.03), name="dense_1"),
    ], name="l1l2_activity_model"))

    fresh()
    save("d_dropout_flatten_activation", keras.Sequential([
        keras.Input((4, 5)),
        L.Flatten(name="flatten"),
        L.Dense(16, name="dense"),
        L.Activation("relu", name="activation"),
        L.Dropout(0.5, seed=7, name="dropout"),
        L.Dense(3, name="dense_1"),
        L.Activation("softmax", name="activation_1"),
    ], name="dropout_model"))

    fresh()
    inp = keras.Input((4,), name="features")
    h = L.Dense(8, activation="relu", kernel_regularizer=R.L2(0.01), name="hidden")(inp)
    o = L.Dense(2, activation="softmax", name="out")(h)
    save("e_functional", keras.Model(inp, o, name="functional_mlp"))

    fresh()
    save("f_string_l2_and_orthogonal", keras.Sequential([
        keras.Input((6,)),
        L.Dense(4, kernel_regularizer="l2", name="dense"),
        L.Dense(3, kernel_regularizer=R.OrthogonalRegularizer(factor=0.01, mode="rows"), name="dense_1"),
        L.Dense(2, kernel_regularizer=R.OrthogonalRegularizer(factor=0.1, mode="columns"), name="dense_2"),
    ], name="string_orthogonal_model"))

    I = keras.initializers
    inits = [
        ("glorot_uniform_seed1", I.GlorotUniform(seed=1)),
        ("glorot_normal", I.GlorotNormal()),
        ("he_normal", I.HeNormal()),
        ("he_uniform", I.HeUniform()),
        ("lecun_normal", I.LecunNormal()),
        ("lecun_uniform", I.LecunUniform()),
        ("zeros", I.Zeros()),
        ("ones", I.Ones()),
        ("constant_0_5", I.Constant(0.5)),
        ("random_normal", I.RandomNormal()),
        ("random_uniform", I.RandomUniform()),
        ("truncated_normal", I.TruncatedNormal()),
        ("variance_scaling", I.VarianceScaling()),
        ("variance_scaling_custom", I.VarianceScaling(scale=2.0, mode="fan_out", distribution="uniform", seed=3)),
        ("random_normal_custom", I.RandomNormal(mean=0.1, stddev=0.2, seed=5)),
    ]
    fresh()
    layers = [keras.Input((4,))]
    for n, ini in inits:
        layers.append(L.Dense(4, kernel_initializer=ini, bias_initializer="zeros", name=n))
    save("g_initializers", keras.Sequential(layers, name="initializer_model"))
    write_json(os.path.join(JSON_OUT, "g_initializers_serialized.json"), {
        **{n: I.serialize(ini) for n, ini in inits},
        **{f"string:{s}": I.serialize(I.get(s)) for s in
           ["glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform",
            "zeros", "ones", "random_normal", "random_uniform", "truncated_normal", "orthogonal"]},
    }, indent=2)

    # compiled model saved as .keras: config.json holds compile_config
    fresh()
    m = keras.Sequential([
        keras.Input((4,)),
        L.Dense(8, activation="relu", kernel_regularizer=R.L2(0.01), name="hidden"),
        L.Dense(3, activation="softmax", name="output"),
    ], name="compiled_model")
    m.compile(optimizer=keras.optimizers.Adam(0.001), loss="categorical_crossentropy", metrics=["accuracy"])
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "x.keras")
        m.save(p)
        with zipfile.ZipFile(p) as z:
            names = z.namelist()
            cfg = json.loads(z.read("config.json"))
    cfg = stable_shared_ids(cfg)
    cfg["_zip_members"] = sorted(names)
    write_json(os.path.join(JSON_OUT, "h_compiled_saved_config.json"), cfg, indent=2)

    fresh()
    m = keras.Sequential([
        keras.Input((4,)),
        L.Dense(3, activation="softmax", name="output"),
    ], name="compiled_sgd_model")
    m.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9), loss="mse", metrics=["mae"])
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "x.keras")
        m.save(p)
        with zipfile.ZipFile(p) as z:
            cfg = stable_shared_ids(json.loads(z.read("config.json")))
    write_json(os.path.join(JSON_OUT, "h_compiled_saved_config_sgd.json"), cfg, indent=2)


# --------------------------------------------------------------------------- 7. confusion metrics

def confusion_state(metric):
    return {v.name: [float(x) for x in np.asarray(v.numpy(), np.float32).reshape(-1)] for v in metric.variables}


def gen_metrics():
    """AUC (Keras defaults: 200 thresholds, ROC, interpolation), Precision and Recall (threshold 0.5),
    accumulated batch by batch as evaluate does, and one fit that reports them."""
    rng = np.random.default_rng(SEED + 7)
    t = np.float32
    edge_pred = np.array([0.0, 1.0, 0.5, t(100 / 199), t(1 / 199), np.nextafter(t(0.5), t(1)), -0.25, 1.5,
                          0.3, 0.7, 0.3, 0.999], np.float32).reshape(-1, 1)
    edge_true = np.array([0, 1, 1, 0, 1, 0, 0, 1, 0.3, 2.0, 0, 1], np.float32).reshape(-1, 1)
    logits = rng.standard_normal((20, 3)).astype(np.float32)
    soft = np.exp(logits) / np.sum(np.exp(logits), axis=1, keepdims=True)
    inputs = [
        ("binary_edges", edge_true, edge_pred, 5,
         "exact 0 and 1, 0.5, float32(k/199) on thresholds, the float after 0.5, out-of-range (clipped for AUC), "
         "soft label 0.3 and label 2.0 (both positive)"),
        ("binary_random", rng.integers(0, 2, (64, 1)).astype(np.float32),
         np.round(rng.random((64, 1)), 4).astype(np.float32), 16, "64 uniform predictions, random labels"),
        ("onehot_3class", np.eye(3, dtype=np.float32)[rng.integers(0, 3, 20)], soft.astype(np.float32), 8,
         "softmax rows and one-hot labels: every value is one binary decision"),
        ("no_positive_labels", np.zeros((6, 1), np.float32),
         np.array([0.1, 0.6, 0.9, 0.2, 0.5, 0.7], np.float32).reshape(-1, 1), 4,
         "no positives: recall and AUC are 0 (divide_no_nan)"),
        ("no_positive_predictions", np.array([1, 0, 1, 0], np.float32).reshape(-1, 1),
         np.array([0.1, 0.2, 0.5, 0.3], np.float32).reshape(-1, 1), 3,
         "nothing above 0.5: precision is 0 (divide_no_nan)"),
    ]
    cases = []
    for name, y, p, batch, note in inputs:
        metrics = {"auc": keras.metrics.AUC(), "precision": keras.metrics.Precision(),
                   "recall": keras.metrics.Recall()}
        for lo in range(0, len(y), batch):
            for m in metrics.values():
                m.update_state(y[lo:lo + batch], p[lo:lo + batch])
        results = {k: f32(m.result()) for k, m in metrics.items()}
        # The same through compile/evaluate of an identity model, so the metric wrappers agree.
        fresh()
        ident = keras.Sequential([keras.Input((y.shape[1],)), keras.layers.Activation("linear")])
        ident.compile(optimizer="sgd", loss="mse", metrics=["auc", "precision", "recall"], jit_compile=JIT)
        ev = ident.evaluate(p, y, batch_size=batch, verbose=0, return_dict=True)
        for k in results:
            assert abs(ev[k] - results[k]) < 1e-6, (name, k, ev[k], results[k])
        cases.append({"name": name, "note": note, "batch_size": batch, "y_true": tensor(y), "y_pred": tensor(p),
                      "auc": results["auc"], "precision": results["precision"], "recall": results["recall"],
                      "auc_state": confusion_state(metrics["auc"]),
                      "precision_state": confusion_state(metrics["precision"]),
                      "recall_state": confusion_state(metrics["recall"])})

    init = [rnd(rng, (4, 1), 0.5), rnd(rng, (1,), 0.1)]
    x = rnd(rng, (32, 4))
    y = (x[:, 0] - 0.5 * x[:, 1] + 0.3 * rng.standard_normal(32) > 0).astype(np.float32).reshape(-1, 1)
    xv = rnd(rng, (16, 4))
    yv = (xv[:, 0] - 0.5 * xv[:, 1] + 0.3 * rng.standard_normal(16) > 0).astype(np.float32).reshape(-1, 1)
    fresh()
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid", name="out")],
                             name="metrics_fit")
    model.set_weights(init)
    model.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy",
                  metrics=["auc", "precision", "recall", "accuracy"], jit_compile=JIT)
    init_w = weights_of(model)
    hist = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, validation_data=(xv, yv), verbose=0)
    write_json(os.path.join(OUT, "metrics.json"), {
        "meta": meta("Confusion-matrix metrics: AUC(), Precision(), Recall() with Keras defaults, state "
                     "accumulated batch by batch, and a fit reporting them."),
        "cases": cases,
        "cases_note": "update_state on rows [i*batch_size, (i+1)*batch_size) in turn, then result(); "
                      "*_state are the metric variables (AUC: 200 thresholds, -1e-7, k/199, 1+1e-7). Checked "
                      "equal to model.evaluate of an identity model with the same batch size.",
        "fit": {
            "model": {"input_dim": 4, "units": 1, "activation": "sigmoid"},
            "compile": {"optimizer": keras.optimizers.serialize(model.optimizer), "loss": "binary_crossentropy",
                        "metrics": ["auc", "precision", "recall", "accuracy"]},
            "fit_args": {"batch_size": 8, "epochs": 3, "shuffle": False},
            "x": tensor(x), "y": tensor(y), "x_val": tensor(xv), "y_val": tensor(yv),
            "initial_weights": init_w,
            "history": {k: [f32(v) for v in vals] for k, vals in hist.history.items()},
        },
    })


def stable_shared_ids(obj, mapping=None):
    """.keras config.json uses Python id() values as shared_object_id; renumber them 1, 2, ...
    in order of first appearance so that reruns write identical files."""
    if mapping is None:
        mapping = {}
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k == "shared_object_id":
                out[k] = mapping.setdefault(v, len(mapping) + 1)
            else:
                out[k] = stable_shared_ids(v, mapping)
        return out
    if isinstance(obj, list):
        return [stable_shared_ids(v, mapping) for v in obj]
    return obj


def main():
    assert keras.backend.backend() == "tensorflow"
    os.makedirs(OUT, exist_ok=True)
    gen_regularizers()
    gen_activity()
    gen_losses()
    gen_optimizers()
    gen_fit_history()
    gen_json()
    gen_metrics()


if __name__ == "__main__":
    main()
