#!/usr/bin/env python3
"""One small .keras archive per weighted layer type Strata supports, written by REAL Keras 3, with seeded random
weights (moving statistics and adapt state included) and Keras's predictions on fixed inputs: each checks that
Strata maps that layer's variables to Keras's names, order and shapes.

    /tmp/kvenv/bin/python tools/keras-golden/weights_layout.py             # write the fixtures
    /tmp/kvenv/bin/python tools/keras-golden/weights_layout.py --check DIR # Keras loads Strata's archives

Writes src/test/resources/golden/weights_layout/<case>.keras, cases.json ({case: {x, y, weights}}) and
legacy_h5.zip: each case also as a Keras 2 layout full-model .h5 (Keras 3's legacy saver, model.save("m.h5")),
zipped because HDF5 pads each small file to ~12 KB. The predictions come from the archive as
keras.saving.load_model reads it back, so they are what the file means to Keras.
--check DIR reads DIR/<case>.keras as written by WeightsLayoutTest (target/strata-weights-layout) and DIR's
predictions.json, and exits 1 if Keras cannot load one or predicts more than 1e-5 away from Strata.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import json
import sys
import tempfile
import warnings
import zipfile

import numpy as np
import keras

L = keras.layers
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "golden", "weights_layout")


def seq(shape, *layers, name):
    return keras.Sequential([keras.Input(shape)] + list(layers), name=name)


def cases():
    """name -> (model, input shape without batch, integer inputs below this bound or None)."""
    c = {}
    c["dense_no_bias"] = (seq((4,), L.Dense(3, use_bias=False), name="m"), (4,), None)
    c["conv1d"] = (seq((7, 3), L.Conv1D(4, 3, dilation_rate=2), name="m"), (7, 3), None)
    c["conv3d"] = (seq((4, 4, 3, 2), L.Conv3D(3, (2, 2, 1)), name="m"), (4, 4, 3, 2), None)
    c["conv1d_transpose"] = (seq((5, 3), L.Conv1DTranspose(4, 3, strides=2), name="m"), (5, 3), None)
    c["conv2d_transpose"] = (seq((4, 3, 2), L.Conv2DTranspose(3, (3, 2), strides=2, padding="same"),
                                 name="m"), (4, 3, 2), None)
    c["conv3d_transpose"] = (seq((3, 3, 2, 2), L.Conv3DTranspose(2, 2), name="m"), (3, 3, 2, 2), None)
    c["depthwise_conv1d"] = (seq((7, 3), L.DepthwiseConv1D(3, depth_multiplier=2), name="m"), (7, 3), None)
    c["depthwise_conv2d"] = (seq((5, 4, 3), L.DepthwiseConv2D((3, 2), depth_multiplier=2), name="m"),
                             (5, 4, 3), None)
    c["separable_conv1d"] = (seq((7, 3), L.SeparableConv1D(4, 3, depth_multiplier=2), name="m"), (7, 3), None)
    c["separable_conv2d"] = (seq((5, 4, 3), L.SeparableConv2D(4, (3, 2)), name="m"), (5, 4, 3), None)
    c["embedding"] = (seq((5,), L.Embedding(10, 3), L.Flatten(), name="m"), (5,), 10)
    c["simple_rnn"] = (seq((6, 4), L.SimpleRNN(3, return_sequences=True), name="m"), (6, 4), None)
    c["lstm_no_bias"] = (seq((6, 4), L.LSTM(3, use_bias=False), name="m"), (6, 4), None)
    c["gru_reset_before"] = (seq((6, 4), L.GRU(3, reset_after=False), name="m"), (6, 4), None)
    c["gru_no_bias"] = (seq((6, 4), L.GRU(3, use_bias=False), name="m"), (6, 4), None)
    c["bidirectional_lstm"] = (seq((6, 4), L.Bidirectional(L.LSTM(2), merge_mode="sum"), name="m"), (6, 4),
                               None)
    c["batch_norm_stats"] = (seq((3, 4), L.BatchNormalization(), name="m"), (3, 4), None)
    c["batch_norm_plain"] = (seq((5,), L.BatchNormalization(center=False, scale=False), name="m"), (5,), None)
    c["batch_norm_no_center"] = (seq((2, 3), L.BatchNormalization(axis=1, center=False), name="m"), (2, 3),
                                 None)
    c["layer_norm"] = (seq((3, 4), L.LayerNormalization(), name="m"), (3, 4), None)
    c["layer_norm_no_scale"] = (seq((3, 4), L.LayerNormalization(axis=[1, 2], scale=False), name="m"), (3, 4),
                                None)
    c["group_norm"] = (seq((2, 2, 6), L.GroupNormalization(groups=3), name="m"), (2, 2, 6), None)
    c["normalization"] = (seq((3, 4), L.Normalization(axis=-1), name="m"), (3, 4), None)
    c["prelu"] = (seq((4, 3), L.PReLU(shared_axes=[1]), name="m"), (4, 3), None)
    c["time_distributed_dense"] = (seq((5, 4), L.TimeDistributed(L.Dense(3)), name="m"), (5, 4), None)
    c["time_distributed_conv"] = (seq((2, 4, 4, 2), L.TimeDistributed(L.Conv2D(2, 3)), name="m"),
                                  (2, 4, 4, 2), None)
    inp = keras.Input((6, 4))
    h = L.Dense(5, name="proj")(inp)
    h = L.GRU(3, return_sequences=True)(h)
    out = L.Dense(2, use_bias=False)(L.LayerNormalization()(h))
    c["functional_mix"] = (keras.Model(inp, out, name="m"), (6, 4), None)
    c["time_distributed_lstm"] = (seq((2, 5, 3), L.TimeDistributed(L.LSTM(2)), name="m"), (2, 5, 3), None)
    # Keras 3 records the embedding's mask in the functional config as a NotEqual op layer and a mask= argument.
    tokens = keras.Input((6,), dtype="int32")
    h = L.Embedding(5, 3, mask_zero=True)(tokens)
    c["embedding_mask_lstm"] = (keras.Model(tokens, L.Dense(1)(L.LSTM(2)(h)), name="m"), (6,), 5)
    # Added later, after the cases above, so that their seeded values stay as committed.
    c["conv1d_groups"] = (seq((7, 4), L.Conv1D(6, 3, groups=2), name="m"), (7, 4), None)
    c["layer_norm_rms"] = (seq((3, 4), L.LayerNormalization(rms_scaling=True), name="m"), (3, 4), None)
    c["group_norm_no_center"] = (seq((3, 4), L.GroupNormalization(groups=2, center=False), name="m"), (3, 4),
                                 None)
    c["batch_norm_no_scale"] = (seq((4,), L.BatchNormalization(scale=False), name="m"), (4,), None)
    c["bidirectional_gru_reset_before"] = (seq((6, 4), L.Bidirectional(L.GRU(2, reset_after=False,
                                                                           return_sequences=True)),
                                               name="m"), (6, 4), None)
    c["simple_rnn_no_bias"] = (seq((6, 4), L.SimpleRNN(3, use_bias=False), name="m"), (6, 4), None)
    c["prelu_unshared"] = (seq((3, 2), L.PReLU(), name="m"), (3, 2), None)
    c["normalization_axes"] = (seq((3, 4), L.Normalization(axis=(1, 2)), name="m"), (3, 4), None)
    c["normalization_given"] = (seq((4,), L.Normalization(mean=[1, 2, 3, 4], variance=[1, 4, 9, 16]), name="m"),
                                (4,), None)
    c["frozen"] = (seq((3, 4), L.Dense(3, trainable=False), L.BatchNormalization(trainable=False), name="m"),
                   (3, 4), None)
    c["bidirectional_backward_layer"] = (seq((6, 4), L.Bidirectional(
        L.SimpleRNN(2), backward_layer=L.SimpleRNN(2, go_backwards=True, use_bias=False)), name="m"), (6, 4), None)
    # The embedding's mask passed on through a Bidirectional that returns sequences to a masked pooling.
    tokens = keras.Input((6,), dtype="int32")
    h = L.Bidirectional(L.GRU(2, return_sequences=True))(L.Embedding(5, 3, mask_zero=True)(tokens))
    c["embedding_mask_pooling"] = (keras.Model(tokens, L.Dense(2)(L.GlobalAveragePooling1D()(h)), name="m"), (6,),
                                   5)
    return c


def randomize(model, rng):
    """Every variable gets seeded random values: variances and counts positive, the rest centred on zero."""
    for layer in model.layers:
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            tail = w.path.split("/")[-1]
            if "variance" in tail:
                v = rng.uniform(0.5, 2.0, shape)
            elif tail == "count":
                v = np.array(7, dtype=w.dtype)
            else:
                v = rng.standard_normal(shape) * 0.5
            values.append(np.asarray(v, dtype=w.dtype))
        if values:
            layer.set_weights(values)
            if hasattr(layer, "finalize_state"):
                layer.finalize_state()


def tensor(a):
    a = np.asarray(a, np.float32)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def generate():
    keras.utils.set_random_seed(20261128)
    rng = np.random.default_rng(20261128)
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    legacy = {}
    for name, (model, shape, vocab) in cases().items():
        randomize(model, rng)
        path = os.path.join(OUT, name + ".keras")
        model.save(path)
        x = (rng.integers(0, vocab, size=(3,) + shape) if vocab
             else np.round(rng.standard_normal((3,) + shape), 4)).astype(np.float32)
        back = keras.saving.load_model(path)
        y = back.predict(x, verbose=0)
        assert np.allclose(y, model.predict(x, verbose=0), atol=1e-6), name
        expected[name] = {"x": tensor(x), "y": tensor(y),
                          "weights": [w.path for w in back.weights]}
        legacy[name + ".h5"] = back
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump({"meta": {"generator": "tools/keras-golden/weights_layout.py", "keras_version": keras.__version__},
                   **expected}, f, indent=0)
        f.write("\n")
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(os.path.join(OUT, "legacy_h5.zip"), "w",
                                                               zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for file, model in legacy.items():
            model.save(os.path.join(tmp, file))
            # A fixed date keeps the zip's bytes from changing when nothing else does.
            info = zipfile.ZipInfo(file, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(tmp, file), "rb") as f:
                z.writestr(info, f.read())
    print("wrote", len(expected), "cases to", OUT)


def check(folder):
    warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
    expected = json.load(open(os.path.join(folder, "predictions.json")))
    worst = 0.0
    failed = []
    for name, case in sorted(expected.items()):
        try:
            model = keras.saving.load_model(os.path.join(folder, name + ".keras"))
        except ValueError as e:  # Keras refuses a file whose variables are not where it looks for them
            failed.append(name)
            print(f"{name}: Keras {keras.__version__} CANNOT load it: {str(e).splitlines()[0]}")
            continue
        x = np.array(case["x"]["data"], np.float32).reshape(case["x"]["shape"])
        y = model.predict(x, verbose=0)
        diff = float(np.abs(y - np.array(case["y"]["data"]).reshape(y.shape)).max())
        worst = max(worst, diff)
        print(f"{name}: Keras {keras.__version__} loads it; max |keras - strata| = {diff:.3g}")
    return 0 if worst <= 1e-5 and not failed else 1


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2]))
    generate()
