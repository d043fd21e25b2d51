"""Reads what Strata writes back with real Keras / TensorFlow (run by hand; the build never needs Python).

    /tmp/kvenv/bin/python tools/keras-golden/check_strata_output.py [SAVED_MODEL_DIR]

1. Every Keras 3 dialect golden file Strata writes (src/test/resources/json/golden/*.keras3.json) must load
   with keras.models.model_from_json, with its regularizers. (Keras 2 dialect files are for tf.keras 2,
   which Keras 3 does not read.)
2. With a directory argument: a SavedModel exported by Strata (`strata train SPEC --export DIR`) must load
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

if len(sys.argv) > 1:
    loaded = tf.saved_model.load(sys.argv[1])
    serving = loaded.signatures["serving_default"]
    print("SavedModel", sys.argv[1], serving.structured_input_signature, serving.structured_outputs)

print("keras", keras.__version__, "tensorflow", tf.__version__)
sys.exit(1 if failures else 0)
