#!/usr/bin/env python3
"""Golden fixtures for every Keras 3 optimizer, gradient clipping, EMA and learning-rate schedules, from REAL Keras 3.

    /tmp/kvenv/bin/python tools/keras-golden/optimizers_all.py

Writes
- src/test/resources/golden/optimizers_all.json (every optimizer: plain, L2, clipnorm, schedule, its options) and
  optimizer_options.json (global_clipnorm, clipvalue, decay with clipping and a schedule, EMA):
  Input(4) -> Dense(3) (linear, named "dense"), loss mse, fit on 20 rows, batch 4, one epoch, no shuffle: five
  optimizer steps, each on its own batch. Per case: the serialized
  optimizer, the kernel regularizer (null or L2(0.05)), per step the running-mean loss that on_train_batch_end
  sees and every weight after the step ({"opt_model/dense/kernel": [12 values], ".../bias": [3]}), then the
  weights after fit returned when they differ from the last step's (Keras's finalize_variable_values has run:
  with use_ema they are the moving averages; null otherwise) and optimizer.iterations.
  Cases: every optimizer plain, with a kernel L2(0.05), with clipnorm, with a learning-rate schedule; their
  options (RMSprop momentum/centered, Adam amsgrad, Adagrad accumulator/epsilon, Ftrl's penalties, Lion betas,
  Adafactor's options); global_clipnorm and clipvalue; weight decay under a schedule; use_ema with and without
  ema_overwrite_frequency.
- src/test/resources/golden/schedules.json: each schedule's value at optimizer steps 0..40 (the int64 step
  Keras feeds it), float32, for every schedule class and its options: "values" evaluated eagerly, op by op, and
  "values_in_tf_function" as fit evaluates it (inside a tf.function, after Grappler), which can differ in the
  last bits. --schedules-only writes this file alone.
- "defaults" (in optimizers_all.json): get_config() of every optimizer constructed with no argument.

Every float is the exact float32 Keras used or computed, written as the float64 repr of that float32. The Java
build never runs this script.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["PYTHONHASHSEED"] = "0"

import json
import platform
import sys
import warnings

import numpy as np
import tensorflow as tf
import keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden")
SEED = 20260411
O = keras.optimizers
S = keras.optimizers.schedules
R = keras.regularizers


def meta(description):
    return {
        "generator": "tools/keras-golden/optimizers_all.py",
        "keras_version": keras.__version__,
        "tensorflow_version": tf.__version__,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "backend": keras.backend.backend(),
        "jit_compile": False,
        "description": description,
    }


def f32(x):
    return float(np.float32(np.asarray(x)))


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def weights_of(model):
    """{path: flat row-major values}; the shapes are the model's (kernel 4x3, bias 3)."""
    return {v.path: tensor(v.numpy())["data"] for v in model.weights}


def plain(obj):
    return json.loads(json.dumps(obj, default=float))


def write_json(path, obj):
    """One line per top-level key and per case: small enough to commit, still diffable case by case."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("{\n")
        for i, (key, value) in enumerate(obj.items()):
            fh.write(f" {json.dumps(key)}: ")
            if key == "cases":
                fh.write("[\n" + ",\n".join("  " + json.dumps(c, allow_nan=False) for c in value) + "\n ]")
            else:
                fh.write(json.dumps(value, allow_nan=False))
            fh.write(",\n" if i < len(obj) - 1 else "\n")
        fh.write("}\n")
    json.load(open(path, encoding="utf-8"))
    size = os.path.getsize(path)
    assert size < 200 * 1024, f"{path} is {size} bytes"
    print(f"wrote {os.path.relpath(path, ROOT)} ({size} bytes)")


def schedule_for(kind, lr):
    """One schedule per kind, set so the rate changes within five steps."""
    return {
        "exponential": lambda: S.ExponentialDecay(lr, decay_steps=2, decay_rate=0.5),
        "exponential_staircase": lambda: S.ExponentialDecay(lr, decay_steps=2, decay_rate=0.5, staircase=True),
        "piecewise": lambda: S.PiecewiseConstantDecay([1, 3], [lr, lr / 2, lr / 10]),
        "polynomial": lambda: S.PolynomialDecay(lr, decay_steps=4, end_learning_rate=lr / 10, power=2.0),
        "inverse_time": lambda: S.InverseTimeDecay(lr, decay_steps=1, decay_rate=0.5),
        "cosine_warmup": lambda: S.CosineDecay(lr / 10, decay_steps=3, alpha=0.1, warmup_target=lr, warmup_steps=2),
        "cosine": lambda: S.CosineDecay(lr, decay_steps=4, alpha=0.2),
        "restarts": lambda: S.CosineDecayRestarts(lr, first_decay_steps=2, t_mul=2.0, m_mul=0.5, alpha=0.05),
    }[kind]()


# name, optimizer class, learning rate, extra kwargs of the "options" cases, schedule kind
FAMILIES = [
    ("SGD", O.SGD, 0.1, {"momentum": 0.9, "nesterov": True}, "exponential"),
    ("RMSprop", O.RMSprop, 0.01, {"momentum": 0.5, "centered": True, "rho": 0.8}, "piecewise"),
    ("Adagrad", O.Adagrad, 0.1, {"initial_accumulator_value": 0.5, "epsilon": 1e-3}, "polynomial"),
    ("Adadelta", O.Adadelta, 1.0, {"rho": 0.9, "epsilon": 1e-6}, "inverse_time"),
    ("Adam", O.Adam, 0.01, {"amsgrad": True}, "cosine_warmup"),
    ("AdamW", O.AdamW, 0.01, {"weight_decay": 0.1, "amsgrad": True}, "cosine"),
    ("Adamax", O.Adamax, 0.02, {"beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-4}, "restarts"),
    ("Nadam", O.Nadam, 0.01, {"beta_1": 0.8, "beta_2": 0.99}, "exponential_staircase"),
    ("Ftrl", O.Ftrl, 0.1, {"learning_rate_power": -0.7, "initial_accumulator_value": 0.2,
                           "l1_regularization_strength": 0.01, "l2_regularization_strength": 0.02,
                           "l2_shrinkage_regularization_strength": 0.03, "beta": 0.1}, "piecewise"),
    ("Lion", O.Lion, 0.01, {"beta_1": 0.95, "beta_2": 0.98}, "polynomial"),
    ("Adafactor", O.Adafactor, 0.05, {"beta_2_decay": -0.5, "epsilon_2": 1e-2, "clip_threshold": 0.5},
     "cosine"),
    ("Lamb", O.Lamb, 0.01, {"beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-6}, "exponential"),
]


def family_cases():
    out = []
    for name, cls, lr, options, sched in FAMILIES:
        out.append((f"{name}({lr})", lambda c=cls, r=lr: c(learning_rate=r), None))
        out.append((f"{name}({lr}) + kernel L2(0.05)", lambda c=cls, r=lr: c(learning_rate=r), R.L2(0.05)))
        out.append((f"{name}({lr}, clipnorm=0.5)", lambda c=cls, r=lr: c(learning_rate=r, clipnorm=0.5), None))
        out.append((f"{name}({sched} schedule)", lambda c=cls, r=lr, s=sched: c(learning_rate=schedule_for(s, r)),
                    None))
        args = ", ".join(f"{k}={v}" for k, v in options.items())
        out.append((f"{name}({lr}, {args})", lambda c=cls, r=lr, o=options: c(learning_rate=r, **o), None))
    return out


def option_cases():
    return [
        ("SGD(0.1, global_clipnorm=0.5)", lambda: O.SGD(0.1, global_clipnorm=0.5), None),
        ("SGD(0.1, clipvalue=0.2)", lambda: O.SGD(0.1, clipvalue=0.2), None),
        ("Adam(0.01, global_clipnorm=0.3) + kernel L2(0.05)", lambda: O.Adam(0.01, global_clipnorm=0.3),
         R.L2(0.05)),
        ("RMSprop(0.01, clipvalue=0.1)", lambda: O.RMSprop(0.01, clipvalue=0.1), None),
        ("SGD(0.1, clipnorm=0.5, weight_decay=0.2)", lambda: O.SGD(0.1, clipnorm=0.5, weight_decay=0.2), None),
        ("AdamW(cosine_warmup schedule, weight_decay=0.1, clipnorm=0.5)",
         lambda: O.AdamW(schedule_for("cosine_warmup", 0.01), weight_decay=0.1, clipnorm=0.5), None),
        ("Adam(0.01, use_ema=True, ema_momentum=0.9)", lambda: O.Adam(0.01, use_ema=True, ema_momentum=0.9), None),
        ("SGD(0.1, momentum=0.9, use_ema=True, ema_overwrite_frequency=2)",
         lambda: O.SGD(0.1, momentum=0.9, use_ema=True, ema_momentum=0.8, ema_overwrite_frequency=2), None),
        ("RMSprop(exponential schedule, use_ema=True, clipnorm=0.5) + kernel L2(0.05)",
         lambda: O.RMSprop(schedule_for("exponential", 0.01), use_ema=True, clipnorm=0.5), R.L2(0.05)),
    ]


def gen_training():
    rng = np.random.default_rng(SEED)
    kernel = np.round(rng.standard_normal((4, 3)) * 0.5, 4).astype(np.float32)
    bias = np.round(rng.standard_normal((3,)) * 0.1, 4).astype(np.float32)
    x = np.round(rng.standard_normal((20, 4)), 4).astype(np.float32)
    y = np.round(rng.standard_normal((20, 3)), 4).astype(np.float32)
    out = {"families": [], "options": []}
    for group, name, make, kreg in [("families", *c) for c in family_cases()] + [("options", *c) for c in
                                                                                 option_cases()]:
        keras.backend.clear_session()
        keras.utils.set_random_seed(SEED)
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, kernel_regularizer=kreg, name="dense")],
                                 name="opt_model")
        model.set_weights([kernel, bias])
        opt = make()
        model.compile(optimizer=opt, loss="mse", jit_compile=False)
        steps = []

        class Rec(keras.callbacks.Callback):
            def on_train_batch_end(self, batch, logs=None):
                steps.append({"step": batch + 1, "loss_running_mean": f32(logs["loss"]),
                              "weights_after": weights_of(model)})

        model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0, callbacks=[Rec()])
        assert len(steps) == 5
        out[group].append({
            "name": name,
            "optimizer": plain(O.serialize(opt)),
            "kernel_regularizer": None if kreg is None else R.serialize(kreg),
            "steps": steps,
            # null when fit left the weights as the last step did (no EMA): keeps the file small
            "weights_after_fit": None if weights_of(model) == steps[-1]["weights_after"] else weights_of(model),
            "iterations": int(opt.iterations.numpy()),
        })
        print(f"  {name}")
    defaults = {}
    for cls in (O.SGD, O.RMSprop, O.Adagrad, O.Adadelta, O.Adam, O.AdamW, O.Adamax, O.Nadam, O.Ftrl, O.Lion,
                O.Adafactor, O.Lamb):
        keras.backend.clear_session()
        defaults[cls.__name__] = plain(cls().get_config())
    description = ("Dense(3) on input dim 4, mse, fit on 20 rows with batch 4, one epoch, no shuffle: five "
                   "optimizer steps. steps[].weights_after are read in on_train_batch_end; weights_after_fit "
                   "after fit returned (after finalize_variable_values: EMA weights when use_ema), null when "
                   "equal to the last step's.")
    for group, file, extra in [("families", "optimizers_all.json", {"defaults": defaults}),
                               ("options", "optimizer_options.json", {})]:
        write_json(os.path.join(OUT, file), {
            "meta": meta(description),
            "kernel": tensor(kernel),
            "bias": tensor(bias),
            "x": tensor(x),
            "y": tensor(y),
            "batch_size": 4,
            "cases": out[group],
            **extra,
        })


def gen_schedules():
    configs = [
        S.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.7),
        S.ExponentialDecay(0.1, decay_steps=3, decay_rate=0.7, staircase=True),
        S.ExponentialDecay(2.5e-3, decay_steps=7, decay_rate=0.96, name="my_decay"),
        S.PiecewiseConstantDecay([3, 10], [0.1, 0.03, 0.001]),
        S.PiecewiseConstantDecay([5], [1.0, 0.5], name="two_pieces"),
        S.PolynomialDecay(0.1, decay_steps=10),
        S.PolynomialDecay(0.1, decay_steps=10, end_learning_rate=0.01, power=0.5),
        S.PolynomialDecay(0.1, decay_steps=6, end_learning_rate=0.02, power=2.0, cycle=True),
        S.InverseTimeDecay(0.1, decay_steps=4, decay_rate=0.5),
        S.InverseTimeDecay(0.1, decay_steps=4, decay_rate=0.5, staircase=True),
        S.CosineDecay(0.1, decay_steps=20),
        S.CosineDecay(0.1, decay_steps=20, alpha=0.1),
        S.CosineDecay(0.0, decay_steps=20, alpha=0.05, warmup_target=0.2, warmup_steps=5),
        S.CosineDecay(0.01, decay_steps=12, warmup_target=0.1, warmup_steps=8),
        S.CosineDecayRestarts(0.1, first_decay_steps=5),
        S.CosineDecayRestarts(0.1, first_decay_steps=4, t_mul=1.0, m_mul=0.8, alpha=0.1),
        S.CosineDecayRestarts(0.1, first_decay_steps=3, t_mul=1.5, m_mul=0.9, alpha=0.0),
    ]
    out = []
    for s in configs:
        values = [f32(s(tf.constant(step, tf.int64))) for step in range(41)]
        # What fit computes: the schedule inside a tf.function on the iterations variable, where Grappler's
        # constant folding may reassociate products of constants (0.1 * 0.5 * (1 + cos) as 0.05 * (1 + cos)).
        step_var = tf.Variable(0, dtype=tf.int64)
        traced = tf.function(lambda s=s: s(step_var))
        in_function = []
        for step in range(41):
            step_var.assign(step)
            in_function.append(f32(traced()))
        out.append({"schedule": plain(S.serialize(s)), "values": values, "values_in_tf_function": in_function})
    write_json(os.path.join(OUT, "schedules.json"), {
        "meta": meta("Learning-rate schedules: value at optimizer steps 0..40, the step given as an int64 tensor "
                     "as the optimizer's iterations variable is."),
        "cases": out,
    })


def main():
    assert keras.backend.backend() == "tensorflow"
    gen_schedules()
    if "--schedules-only" not in sys.argv:
        gen_training()


if __name__ == "__main__":
    main()
