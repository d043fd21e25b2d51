"""Reads what Strata writes back with real Keras / TensorFlow (run by hand; the build never needs Python).

    /tmp/kvenv/bin/python tools/keras-golden/check_strata_output.py [SAVED_MODEL_DIR]

1. Every Keras 3 dialect golden file Strata writes (src/test/resources/json/golden/*.keras3.json) must load
   with keras.models.model_from_json, with its regularizers. (Keras 2 dialect files are for tf.keras 2,
   which Keras 3 does not read.)
2. Every optimizer compile_config Strata writes (src/test/resources/golden/strata_written_optimizers.json: each
   Keras 3 optimizer, its options, clipping, EMA and every learning-rate schedule, as OptimizerJsonGoldenTest
   writes them) must compile a model through Keras's own compile_from_config (what loading a .keras file runs),
   and the optimizer Keras builds must have Strata's settings: get_config() equal key by key (numbers as float32,
   since Keras keeps the learning rate in a float32 variable), schedules included, and one train_on_batch must run.
3. With a directory argument: a SavedModel exported by Strata (`strata train SPEC --export DIR`) must load
   with tf.saved_model.load and expose serving_default from `input` to `output`.
"""
import glob
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

failures = 0
for path in sorted(glob.glob("src/test/resources/json/golden/*.keras3.json")):
    try:
        model = keras.models.model_from_json(open(path).read())
        regs = [(l.name, type(l.kernel_regularizer).__name__)
                for l in model.layers if getattr(l, "kernel_regularizer", None) is not None]
        print("ok", os.path.basename(path), "params", model.count_params(), "kernel regularizers", regs)
    except Exception as e:  # report every file, then fail
        failures += 1
        print("FAILED", os.path.basename(path), type(e).__name__, e)

import json  # noqa: E402

import numpy as np  # noqa: E402


def same(strata, keras_value, path):
    """Strata's written value against what Keras's object reports; returns a list of differences."""
    if isinstance(strata, dict):
        if not isinstance(keras_value, dict):
            return [f"{path}: Strata {strata!r}, Keras {keras_value!r}"]
        out = []
        for k, v in strata.items():
            if k in ("name", "registered_name", "module"):
                continue
            out += same(v, keras_value.get(k, "<missing>"), f"{path}.{k}")
        return out
    if isinstance(strata, list):
        if not isinstance(keras_value, list) or len(strata) != len(keras_value):
            return [f"{path}: Strata {strata!r}, Keras {keras_value!r}"]
        return [d for i, (a, b) in enumerate(zip(strata, keras_value)) for d in same(a, b, f"{path}[{i}]")]
    if isinstance(strata, float) or isinstance(keras_value, float):
        if strata is None or keras_value is None or np.float32(strata) != np.float32(keras_value):
            return [f"{path}: Strata {strata!r}, Keras {keras_value!r}"]
        return []
    return [] if strata == keras_value else [f"{path}: Strata {strata!r}, Keras {keras_value!r}"]


written = json.load(open("src/test/resources/golden/strata_written_optimizers.json"))
x = np.random.default_rng(0).standard_normal((4, 4)).astype("float32")
y = np.random.default_rng(1).standard_normal((4, 3)).astype("float32")
optimizer_failures = 0
for entry in written:
    try:
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
        model.compile_from_config(json.loads(json.dumps(entry["compile_config"])))
        if not model.optimizer.built:
            model.optimizer.build(model.trainable_variables)
        config = keras.optimizers.serialize(model.optimizer)
        diffs = same(entry["compile_config"]["optimizer"], config, "optimizer")
        model.train_on_batch(x, y)
        if diffs:
            raise AssertionError("; ".join(diffs))
    except Exception as e:  # report every entry, then fail
        optimizer_failures += 1
        print("FAILED optimizer", entry["name"], type(e).__name__, e)
print(f"optimizers: {len(written) - optimizer_failures} of {len(written)} Strata-written compile_configs compile in "
      f"Keras with Strata's settings and train a step")
failures += optimizer_failures

if len(sys.argv) > 1:
    loaded = tf.saved_model.load(sys.argv[1])
    serving = loaded.signatures["serving_default"]
    print("SavedModel", sys.argv[1], serving.structured_input_signature, serving.structured_outputs)

print("keras", keras.__version__, "tensorflow", tf.__version__)
sys.exit(1 if failures else 0)
