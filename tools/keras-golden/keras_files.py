#!/usr/bin/env python3
"""Golden .keras archives from REAL Keras 3, trained for an epoch, with Keras's predictions on fixed inputs.

    /tmp/kvenv/bin/python tools/keras-golden/keras_files.py

Writes src/test/resources/golden/keras_files/{rnn,cnn,nested}.keras and predictions.json ({name: {x, y}}).
rnn: (6, 4) -> LSTM(3, sequences) -> Bidirectional(GRU(2)) -> BatchNormalization -> Dense(2), Adam, mse.
cnn: (8, 8, 1) -> Conv2D(4, 3, relu, L2) -> BatchNormalization -> MaxPooling2D -> Flatten -> Dropout -> Dense(3,
softmax), Adam, sparse CE. nested: (5,) -> Sequential "encoder" [Dense(4, relu), Dense(3)] -> Dense(1), SGD, mse.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json

import numpy as np
import keras

L = keras.layers
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "keras_files")


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def main():
    keras.utils.set_random_seed(20261128)
    rng = np.random.default_rng(20261128)
    models = {}
    inp = keras.Input((6, 4))
    x = L.LSTM(3, return_sequences=True)(inp)
    x = L.Bidirectional(L.GRU(2))(x)
    x = L.BatchNormalization()(x)
    models["rnn"] = (keras.Model(inp, L.Dense(2)(x), name="rnn"), "adam", "mse", (6, 4), 2)
    models["cnn"] = (keras.Sequential([keras.Input((8, 8, 1)), L.Conv2D(4, 3, activation="relu",
                                                                        kernel_regularizer="l2"),
                                       L.BatchNormalization(), L.MaxPooling2D(), L.Flatten(), L.Dropout(0.3),
                                       L.Dense(3, activation="softmax")], name="cnn"),
                     "adam", "sparse_categorical_crossentropy", (8, 8, 1), None)
    encoder = keras.Sequential([keras.Input((5,)), L.Dense(4, activation="relu"), L.Dense(3)], name="encoder")
    z = keras.Input((5,))
    models["nested"] = (keras.Model(z, L.Dense(1)(encoder(z)), name="nested"), "sgd", "mse", (5,), 1)
    expected = {}
    for name, (model, opt, loss, shape, width) in models.items():
        model.compile(optimizer=opt, loss=loss, jit_compile=False)
        x = np.round(rng.standard_normal((16,) + shape), 4).astype(np.float32)
        y = (rng.integers(0, 3, size=(16,)) if width is None
             else np.round(rng.standard_normal((16, width)), 4)).astype(np.float32)
        model.fit(x, y, batch_size=8, epochs=1, verbose=0)
        model.save(os.path.join(OUT, name + ".keras"))
        expected[name] = {"x": tensor(x[:5]), "y": tensor(model.predict(x[:5], verbose=0))}
    with open(os.path.join(OUT, "predictions.json"), "w") as f:
        json.dump({"meta": {"generator": "tools/keras-golden/keras_files.py", "keras_version": keras.__version__},
                   **expected}, f, indent=1)
        f.write("\n")
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
