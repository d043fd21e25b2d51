"""What every golden fixture script shares: real Keras 3 on the TensorFlow backend, CPU only, oneDNN off (so
TensorFlow's own kernels, in Keras's float order), and the fixture format (tensors as shape + data, a meta block
naming the versions, one JSON line per file).

Import it before anything else: it sets the environment TensorFlow reads when it loads.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import platform

import numpy as np
import tensorflow as tf
import keras

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def golden_path(name):
    """src/test/resources/golden/NAME."""
    return os.path.join(ROOT, "src", "test", "resources", "golden", name)


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def meta(generator):
    """The versions a fixture was made with; generator is the script's path from the project root."""
    return {"generator": generator, "keras_version": keras.__version__, "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__, "python_version": platform.python_version(),
            "backend": keras.backend.backend()}


def write(path, doc):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=None, allow_nan=False)
        fh.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")
