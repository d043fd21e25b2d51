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

# Weights alone: Keras 3's save_weights layout, and Keras 2's (the legacy writer Keras 3 keeps for .h5 weights).
from keras.src.legacy.saving import legacy_h5_format
import h5py

cnn = keras.saving.load_model(os.path.join(DIR, "cnn.keras"))
cnn.save_weights(os.path.join(DIR, "cnn.weights.h5"))
with h5py.File(os.path.join(DIR, "cnn_keras2_weights.h5"), "w") as f:
    legacy_h5_format.save_weights_to_hdf5_group(f, cnn)
print("wrote cnn.weights.h5, cnn_keras2_weights.h5")
