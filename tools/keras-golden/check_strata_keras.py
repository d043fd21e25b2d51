#!/usr/bin/env python3
"""Checks that REAL Keras 3 loads the .keras archives Strata wrote and predicts what Strata predicted.

    mvn -q test -Dtest=KerasFilesTest      # writes target/strata-keras/*.keras and predictions.json
    /tmp/kvenv/bin/python tools/keras-golden/check_strata_keras.py [target/strata-keras]

Prints, per archive, the largest absolute difference between Keras's and Strata's predictions; exits 1 above 1e-5.
"""
import json
import os
import sys

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import warnings

import numpy as np
import keras

warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
folder = sys.argv[1] if len(sys.argv) > 1 else "target/strata-keras"
expected = json.load(open(os.path.join(folder, "predictions.json")))
worst = 0.0
for name, case in expected.items():
    model = keras.saving.load_model(os.path.join(folder, name + ".keras"))
    x = np.array(case["x"]["data"], np.float32).reshape(case["x"]["shape"])
    y = model.predict(x, verbose=0)
    diff = float(np.abs(y - np.array(case["y"]["data"]).reshape(y.shape)).max())
    worst = max(worst, diff)
    print(f"{name}: Keras {keras.__version__} loads it; max |keras - strata| = {diff:.3g}")
sys.exit(0 if worst <= 1e-5 else 1)
