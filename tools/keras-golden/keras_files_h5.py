#!/usr/bin/env python3
"""Keras 2 layout full-model .h5 copies of the golden .keras archives, written by REAL Keras 3's legacy saver
(model.save("m.h5")): same weights, so predictions.json holds for them too.

    /tmp/kvenv/bin/python tools/keras-golden/keras_files_h5.py
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras

DIR = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "keras_files")
for name in ("rnn", "cnn", "nested"):
    keras.saving.load_model(os.path.join(DIR, name + ".keras")).save(os.path.join(DIR, name + ".h5"))
    print("wrote", name + ".h5")
