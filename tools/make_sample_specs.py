#!/usr/bin/env python3
"""Writes the sample specs for the bundled data sets in dsl-samples/data with REAL Keras 3 (model.to_json() plus
its compile config, as a .keras file's config.json holds them):

    /tmp/kvenv/bin/python tools/make_sample_specs.py

iris_mlp.keras3.json (dsl-samples/data/iris.csv, 4 features, 3 species), diabetes_mlp.keras3.json (diabetes.csv, 10
features, a disease progression score), digits_cnn.keras3.json (digits.csv, 8x8 images as 64 columns, 10 digits).
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import json

import keras

L = keras.layers
R = keras.regularizers
OUT = os.path.join(os.path.dirname(__file__), "..", "dsl-samples", "json")


def save(model, name):
    doc = json.loads(model.to_json())
    doc["compile_config"] = model.get_compile_config()
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", name)


iris = keras.Sequential([keras.Input((4,)), L.Dense(16, activation="relu", kernel_regularizer=R.L2(1e-3)),
                         L.Dense(3, activation="softmax")], name="iris_mlp")
iris.compile(optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
save(iris, "iris_mlp.keras3.json")

diabetes = keras.Sequential([keras.Input((10,)), L.Dense(32, activation="relu", kernel_regularizer=R.L2(1e-3)),
                             L.Dropout(0.1), L.Dense(1)], name="diabetes_mlp")
diabetes.compile(optimizer=keras.optimizers.Adam(0.05), loss="mean_squared_error", metrics=["mean_absolute_error"])
save(diabetes, "diabetes_mlp.keras3.json")

digits = keras.Sequential([keras.Input((64,)), L.Reshape((8, 8, 1)),
                           L.Conv2D(16, 3, activation="relu", kernel_regularizer=R.L2(1e-4)), L.MaxPooling2D(2),
                           L.Flatten(), L.Dropout(0.2), L.Dense(10, activation="softmax")], name="digits_cnn")
digits.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
save(digits, "digits_cnn.keras3.json")
