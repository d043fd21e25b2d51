#!/usr/bin/env python3
"""Parameter counts of every topology in the Keras corpus, computed by REAL Keras 3.

Run from the repository root:

    /tmp/kvenv/bin/python tools/keras-golden/corpus_params.py [--corpus DIR]

Reads every *.json in the corpus (default /work/shared/keras-corpus, or $KERAS_CORPUS) and
writes src/test/resources/corpus/keras_param_counts.json:

    {"meta": {...},
     "files": {"<file>": {"trainable", "non_trainable", "total", "method", "notes",
                          "layers": {"<top-level layer name>": [trainable, non_trainable]}}
               | {"error": "why no count is possible"}}}

Methods
- keras3_from_json: a Keras 3 loading entry point builds the file as it is:
  keras.models.model_from_json, or else the legacy loader that keras.models.load_model uses
  for the model_config of an .h5 file (keras.src.legacy.saving.saving_utils.model_from_config).
  Accepted only when the built model's input shapes equal the ones the file declares and no
  Keras-version default that changes the weights applies (GRU reset_after, see below).
- keras3_translated: the config is rewritten into the same topology in the Keras 3 dialect
  (Keras 1 / Keras 2 / tf.keras / TF.js names and quirks), then built by Keras 3's own
  Sequential.from_config / Functional.from_config. `notes` lists every rewrite.
- formula: reserved for a count Keras cannot build; no file needs it at present.
The counts are always Keras's own: sum of the sizes of model.trainable_weights and of
model.non_trainable_weights (Keras deduplicates shared weights); per layer the same over
layer.trainable_weights / layer.non_trainable_weights (a nested model is one layer).

Every file is also translated when it loads directly, and the two counts must agree.
The output is deterministic (sorted keys, no timestamps); two runs give identical bytes.
"""
import os

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import argparse
import copy
import glob
import inspect
import json
import logging
import math
import platform
import re
import struct
import sys
import warnings

warnings.filterwarnings("ignore")
logging.getLogger("absl").setLevel(logging.ERROR)

import numpy as np
import tensorflow as tf
import keras
from keras.src.legacy.saving import saving_utils

tf.get_logger().setLevel("ERROR")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "corpus", "keras_param_counts.json")
DEFAULT_CORPUS = os.environ.get("KERAS_CORPUS", "/work/shared/keras-corpus")

# Every built-in Keras 3 layer/model class by name: passed as custom_objects so that the
# nested layer config inside a wrapper (Bidirectional, TimeDistributed), which has no
# "module" key in the legacy format, can be found (Keras 3's legacy loader only resolves
# top-level layer configs by bare class name).
BUILTIN = {
    name: obj
    for name, obj in vars(keras.layers).items()
    if inspect.isclass(obj) and issubclass(obj, keras.layers.Layer)
}
BUILTIN.update({"Model": keras.Model, "Functional": keras.Model, "Sequential": keras.Sequential})

# Lambda layers replaced by keras.layers.Identity, with the evidence. Only where the layer
# has no weights (a Lambda never has) and its output shape is that of its input. The script
# checks that output_shape is null and that the marshalled code (Keras 1 wrote
# marshal.dumps(code) decoded as raw_unicode_escape) holds the stated bytecode and constants;
# nothing is unmarshalled or executed.
LAMBDA_AS_IDENTITY = {
    ("behavioral-cloning_keras121_lambda-cropping.json", "lambda_5"): {
        "code_contains": [
            b"|\x00\x00d\x01\x00\x1bd\x02\x00\x18S",  # CPython 3.5: LOAD_FAST 0, LOAD_CONST 1,
            #   BINARY_TRUE_DIVIDE, LOAD_CONST 2, BINARY_SUBTRACT, RETURN_VALUE
            struct.pack("<d", 255.0),
            struct.pack("<d", 0.5),
        ],
        "why": (
            "Lambda 'lambda_5' replaced by keras.layers.Identity: it has no weights and output_shape "
            "null; its marshalled bytecode is LOAD_FAST x, LOAD_CONST 255.0, BINARY_TRUE_DIVIDE, "
            "LOAD_CONST 0.5, BINARY_SUBTRACT, RETURN_VALUE, i.e. x/255.0-0.5, elementwise (checked in the "
            "code string, not executed); with that shape the Flatten gives 1140, the input_dim the file "
            "itself declares on dense_18 (checked after the build)"
        ),
    },
}

# Why a Lambda cannot be replaced (error text), per file and layer.
LAMBDA_REASONS = {
    "dl4j-test-resources_keras2_yolo9000_lambda_l2.json": (
        "Lambda 'space_to_depth_x2' is Python bytecode (function and output_shape both "
        "marshalled code); it is tf.space_to_depth(x, block_size=2) per the docstring in "
        "its code string, which multiplies the channels by 4 and feeds concatenate_1 -> "
        "conv2d_22, whose kernel size therefore depends on it. Not identity-shaped, so no "
        "stand-in is allowed and Keras cannot build the model"
    ),
    "dl4j-test-resources_keras224tf_deepfm_4-inputs_shared-lambda.json": (
        "6 Lambda layers with Python bytecode and output_shape null; "
        "'cat_embed_2d_genure_mean' is K.mean(x, axis=1, keepdims=True) per the names in "
        "its code string, i.e. (3, 20) -> (1, 20), which sets the size of concat_embed_2d "
        "-> flat_embed_2d -> dense_2's kernel. Not identity-shaped, so no stand-in is allowed "
        "and Keras cannot build the model"
    ),
}

# Custom (non-Keras) classes: why they cannot be built.
CUSTOM_REASONS = {
    "ClusteringLayer": ("a layer of the DEC-Keras project; its weights are made by its own Python build(), "
                        "which the config does not contain"),
    "GarNetStack": ("a layer of hls4ml's GarNet contrib; its weights are made by its own Python build(), "
                    "which the config does not contain"),
    "FixedPointQuantizer": ("a layer of the HGQ package (8 of them, all trainable: false); HGQ is not installed "
                            "and needs Keras 2, and its weights come from its Python build()"),
    "QDense": ("a layer of the QKeras package; QKeras is not installed and needs Keras 2, and its weights "
               "(and quantizer state) come from its Python build()"),
    "VAE": "a subclassed model; its config has no layers at all, so there is no topology to build",
}

KERAS1_INITIALIZERS = {
    "zero": "zeros", "one": "ones", "uniform": {"class_name": "RandomUniform", "config": {"minval": -0.05, "maxval": 0.05}},
    "normal": {"class_name": "RandomNormal", "config": {"stddev": 0.05}},
}

MERGE_MODES = {"concat": "Concatenate", "sum": "Add", "mul": "Multiply", "ave": "Average",
               "max": "Maximum", "dot": "Dot", "cos": "Dot"}


class Untranslatable(Exception):
    pass


class Ctx:
    def __init__(self, fname, raw):
        self.fname = fname
        self.notes = []
        self.synth_inputs = set()
        self.checks = []  # (layer_name, expected_input_dim, why)
        ver = str(raw.get("keras_version", ""))
        self.keras1 = ver.startswith("1.")
        self.tfjs = ver.startswith("tfjs")
        self.default_ordering = None

    def note(self, s):
        if s not in self.notes:
            self.notes.append(s)


# --------------------------------------------------------------------------- helpers

def size(shape):
    return int(math.prod(int(d) for d in shape))


def weights_size(ws):
    return sum(size(w.shape) for w in ws)


def walk_dicts(o):
    if isinstance(o, dict):
        yield o
        for v in o.values():
            yield from walk_dicts(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk_dicts(v)


def file_uses_class(raw, names):
    found = []
    for d in walk_dicts(raw):
        if isinstance(d.get("class_name"), str) and d["class_name"] in names and "config" in d:
            found.append(d["class_name"])
    return sorted(set(found))


def layer_list(cfg):
    c = cfg.get("config")
    if isinstance(c, list):
        return c
    if isinstance(c, dict) and isinstance(c.get("layers"), list):
        return c["layers"]
    return None


def top_level_names(raw):
    return [l.get("config", {}).get("name") or l.get("name") for l in (layer_list(raw) or [])]


def declared_inputs(raw):
    """Input batch shapes the file declares (None where it declares none)."""
    layers = layer_list(raw)
    if layers is None:
        return None
    c = raw["config"]
    def shape_of(cfg):
        lc = cfg.get("config", {})
        for k in ("batch_shape", "batch_input_shape"):
            if lc.get(k) is not None:
                return list(lc[k])
        return None
    if isinstance(c, dict) and "input_layers" in c:
        by_name = {l.get("name", l.get("config", {}).get("name")): l for l in layers}
        ins = c["input_layers"]
        if ins and isinstance(ins[0], str):
            ins = [ins]
        return [shape_of(by_name[i[0]]) for i in ins]
    if not layers:
        return None
    return [shape_of(layers[0])]


def model_input_shapes(model):
    return [list(x.shape) for x in model.inputs]


# --------------------------------------------------------------------------- translation

def regularizer(r, ctx, where):
    if r is None or isinstance(r, str):
        return r
    if isinstance(r, dict) and "class_name" in r:
        return r
    if isinstance(r, dict) and r.get("name") in ("WeightRegularizer", "L1L2Regularizer", "ActivityRegularizer"):
        ctx.note(f"Keras 1 regularizer {{name: {r['name']}}} -> L1L2(l1, l2)")
        return {"class_name": "L1L2", "config": {"l1": float(r.get("l1", 0.0)), "l2": float(r.get("l2", 0.0))}}
    raise Untranslatable(f"unknown regularizer form at {where}: {r}")


def initializer(v, ctx):
    if isinstance(v, str) and v in KERAS1_INITIALIZERS:
        ctx.note(f"Keras 1 initializer names (e.g. '{v}') mapped to Keras 3 ones")
        return KERAS1_INITIALIZERS[v]
    if isinstance(v, dict) and isinstance(v.get("config"), dict) and "dtype" in v["config"]:
        v = copy.deepcopy(v)
        del v["config"]["dtype"]
        ctx.note("'dtype' removed from initializer configs (tf.keras 1.x/2.x wrote it; Keras 3 initializers take none)")
    return v


def rename(c, old, new, ctx, why=None):
    if old in c:
        val = c.pop(old)
        if new is not None:
            c[new] = val
        if why:
            ctx.note(why)
        return True
    return False


def data_format(c, ctx, cls):
    if "dim_ordering" in c:
        o = c.pop("dim_ordering")
        c["data_format"] = {"th": "channels_first", "tf": "channels_last"}.get(o, o)
        ctx.note("Keras 1 dim_ordering 'th'/'tf' -> data_format 'channels_first'/'channels_last'")
    elif ctx.keras1 and cls in ("UpSampling2D", "ZeroPadding2D", "Cropping2D", "MaxPooling2D",
                                 "AveragePooling2D", "Convolution2D", "Conv2D"):
        c["data_format"] = ctx.default_ordering
        ctx.note(f"{cls} without dim_ordering (Keras 1 default = image_dim_ordering of the writer): "
                 f"took '{ctx.default_ordering}', the ordering every other layer of the file states")


def keras1_common(c, ctx):
    c.pop("input_dtype", None)
    if rename(c, "bias", "use_bias", ctx):
        ctx.note("Keras 1 keys renamed: output_dim->units, init->kernel_initializer, bias->use_bias, "
                 "W_/b_/U_regularizer->kernel_/bias_/recurrent_regularizer, p->rate")
    for old, new in (("W_regularizer", "kernel_regularizer"), ("b_regularizer", "bias_regularizer"),
                     ("U_regularizer", "recurrent_regularizer")):
        if old in c:
            c[new] = regularizer(c.pop(old), ctx, old)
    if c.get("activity_regularizer") is not None:
        c["activity_regularizer"] = regularizer(c["activity_regularizer"], ctx, "activity_regularizer")
    for old, new in (("W_constraint", "kernel_constraint"), ("b_constraint", "bias_constraint"),
                     ("U_constraint", "recurrent_constraint")):
        if old in c:
            v = c.pop(old)
            if v is not None:
                raise Untranslatable(f"Keras 1 constraint {old}={v}")
            c[new] = None
    for old, new in (("init", "kernel_initializer"), ("inner_init", "recurrent_initializer")):
        if old in c:
            c[new] = initializer(c.pop(old), ctx)
    for k in ("W_learning_rate_multiplier", "b_learning_rate_multiplier"):
        c.pop(k, None)


def translate_layer(layer, ctx, seq_first=False):
    """Return (new layer dict, input batch shape implied by a Sequential's first layer)."""
    cls = layer["class_name"]
    c = copy.deepcopy(layer.get("config"))
    out = {k: copy.deepcopy(v) for k, v in layer.items() if k not in ("config", "module", "registered_name", "build_config")}
    implied = None

    if cls in ("Sequential", "Model", "Functional") and (isinstance(c, list) or "layers" in (c or {})):
        new = translate_model({"class_name": cls, "config": c}, ctx, nested=True)
        out["class_name"] = new["class_name"]
        out["config"] = new["config"]
        return out, implied

    if cls == "Lambda":
        name = c.get("name")
        spec = LAMBDA_AS_IDENTITY.get((ctx.fname, name))
        if spec is None:
            raise Untranslatable(LAMBDA_REASONS.get(
                ctx.fname, f"Lambda '{name}' (Python bytecode) whose output shape the config does not give"))
        code = c["function"][0].encode("raw_unicode_escape")
        if c.get("output_shape") is not None or not all(p in code for p in spec["code_contains"]):
            raise AssertionError(f"{ctx.fname}: Lambda '{name}' is not the one the identity stand-in was checked for")
        ctx.note(spec["why"])
        out["class_name"] = "Identity"
        out["config"] = {"name": name, "trainable": c.get("trainable", True)}
        return out, implied

    if cls not in BUILTIN and cls not in ("Convolution2D", "Convolution1D", "Merge", "TimeDistributedDense"):
        raise Untranslatable(f"custom class '{cls}': {CUSTOM_REASONS.get(cls, 'not a Keras class')}")

    # Input shape information on the layer itself.
    bis = c.pop("batch_input_shape", None)
    if cls != "InputLayer":
        if bis is None and ctx.keras1 and seq_first:
            if cls in ("LSTM", "GRU", "SimpleRNN") and c.get("input_dim"):
                bis = [None, c.get("input_length"), c["input_dim"]]
            elif cls == "Dense" and c.get("input_dim"):
                bis = [None, c["input_dim"]]
            elif cls == "Embedding" and c.get("input_length") is not None:
                bis = [None, c["input_length"]]
        if seq_first:
            implied = bis
        elif bis is not None and cls == "Dense":
            ctx.checks.append((c["name"], bis[-1], "batch_input_shape stated on a non-first layer"))
        if bis is not None and not seq_first:
            ctx.note("batch_input_shape on layers that are not a model input dropped (Keras 1/2 ignored it there)")
    c.pop("input_shape", None)

    if ctx.keras1:
        keras1_common(c, ctx)

    if cls == "InputLayer":
        if bis is not None:
            c["batch_shape"] = bis
            ctx.note("InputLayer batch_input_shape -> batch_shape")
        c.pop("input_dtype", None)

    elif cls in ("Dense", "TimeDistributedDense"):
        if rename(c, "output_dim", "units", ctx):
            pass
        if ctx.keras1 and c.get("input_dim"):
            ctx.checks.append((c["name"], c["input_dim"], "Keras 1 input_dim stated on the layer"))
        c.pop("input_dim", None)
        c.pop("input_length", None)
        if cls == "TimeDistributedDense":
            inner = {"class_name": "Dense", "config": dict(c)}
            out["class_name"] = "TimeDistributed"
            out["config"] = {"name": c["name"], "trainable": c.get("trainable", True), "layer": inner}
            ctx.note("Keras 1 TimeDistributedDense -> TimeDistributed(Dense) (same weights: one kernel + bias shared over time)")
            return out, implied

    elif cls in ("Convolution2D", "Conv2D", "Convolution1D", "Conv1D"):
        if cls == "Convolution2D":
            out["class_name"] = cls = "Conv2D"
            c["filters"] = c.pop("nb_filter")
            c["kernel_size"] = [c.pop("nb_row"), c.pop("nb_col")]
            rename(c, "subsample", "strides", ctx)
            rename(c, "atrous_rate", "dilation_rate", ctx)
            ctx.note("Keras 1 Convolution2D(nb_filter, nb_row, nb_col, subsample, border_mode) -> "
                     "Conv2D(filters, kernel_size, strides, padding)")
        elif cls == "Convolution1D":
            out["class_name"] = cls = "Conv1D"
            c["filters"] = c.pop("nb_filter")
            c["kernel_size"] = c.pop("filter_length")
            rename(c, "subsample_length", "strides", ctx)
            ctx.note("Keras 1 Convolution1D -> Conv1D")
        rename(c, "border_mode", "padding", ctx)
        c.pop("input_dim", None)
        c.pop("input_length", None)
        data_format(c, ctx, cls)

    elif cls in ("MaxPooling2D", "AveragePooling2D", "MaxPooling1D", "AveragePooling1D",
                 "UpSampling2D", "ZeroPadding2D", "Cropping2D", "GlobalAveragePooling2D",
                 "GlobalMaxPooling2D"):
        rename(c, "border_mode", "padding", ctx)
        rename(c, "pool_length", "pool_size", ctx)
        rename(c, "stride", "strides", ctx)
        data_format(c, ctx, cls)

    elif cls == "DepthwiseConv2D":
        if "groups" in c:
            if c.pop("groups") != 1:
                raise Untranslatable("DepthwiseConv2D with groups != 1")
            ctx.note("DepthwiseConv2D 'groups': 1 removed (tf.keras >= 2.3 wrote the Conv base key; Keras 3 DepthwiseConv2D has none)")

    elif cls == "Dropout":
        if rename(c, "p", "rate", ctx):
            pass

    elif cls == "BatchNormalization":
        if "mode" in c:
            mode = c.pop("mode")
            ctx.note(f"Keras 1 BatchNormalization mode={mode} dropped: Keras 1 built gamma, beta (trainable) and "
                     "running_mean, running_std (non-trainable) of shape (C,) in every mode, the same weights "
                     "as Keras 3 BatchNormalization (mode 0 = feature-wise, the Keras 3 behaviour)")
        for k in ("beta_init", "gamma_init"):
            c.pop(k, None)
        if isinstance(c.get("axis"), list) and len(c["axis"]) == 1:
            c["axis"] = c["axis"][0]
            ctx.note("BatchNormalization axis [n] -> n")

    elif cls == "LeakyReLU":
        rename(c, "alpha", "negative_slope", ctx)

    elif cls == "ReLU":
        mv = c.get("max_value")
        if isinstance(mv, dict) and mv.get("type") == "ndarray":
            c["max_value"] = mv["value"]
            ctx.note("ReLU max_value {'type': 'ndarray', 'value': v} (TF.js test literal) -> v")

    elif cls in ("LSTM", "GRU", "SimpleRNN"):
        rnn_config(cls, c, ctx)

    elif cls == "Embedding":
        if ctx.keras1:
            if "W_regularizer" in layer["config"]:
                c["embeddings_regularizer"] = c.pop("kernel_regularizer", None)
            if "kernel_initializer" in c:
                c["embeddings_initializer"] = c.pop("kernel_initializer")
            if c.pop("dropout", 0):
                ctx.note("Keras 1 Embedding dropout dropped (no weights)")
        if c.get("mask_zero") is None and "mask_zero" in c:
            c["mask_zero"] = False
            ctx.note("Embedding mask_zero null (TF.js) -> false")

    elif cls == "Merge":
        mode = c.get("mode")
        if mode not in MERGE_MODES:
            raise Untranslatable(f"Merge layer with mode {mode!r} (a Python function)")
        new_cls = MERGE_MODES[mode]
        nc = {"name": c["name"], "trainable": c.get("trainable", True)}
        if new_cls == "Concatenate":
            nc["axis"] = c.get("concat_axis", -1)
        if new_cls == "Dot":
            nc["axes"] = c.get("dot_axes", -1)
            nc["normalize"] = mode == "cos"
        out["class_name"] = new_cls
        out["config"] = nc
        ctx.note(f"legacy Merge(mode='{mode}') -> {new_cls}" + (f"(axis=concat_axis)" if new_cls == "Concatenate" else ""))
        return out, implied

    elif cls in ("Bidirectional", "TimeDistributed"):
        inner, _ = translate_layer(c["layer"], ctx)
        c["layer"] = {"class_name": inner["class_name"], "config": inner["config"]}
        ctx.note(f"the layer inside {cls} is found by class name through custom_objects (Keras 3 resolves a "
                 "legacy config without 'module' only at top level)")

    # Initializers anywhere in the config (dtype key)
    for k in list(c.keys()):
        if k.endswith("_initializer"):
            c[k] = initializer(c[k], ctx)
    out["config"] = c
    return out, implied


def rnn_config(cls, c, ctx):
    if ctx.keras1:
        rename(c, "output_dim", "units", ctx)
        rename(c, "inner_activation", "recurrent_activation", ctx)
        rename(c, "dropout_W", "dropout", ctx)
        rename(c, "dropout_U", "recurrent_dropout", ctx)
        if "forget_bias_init" in c:
            c["unit_forget_bias"] = c.pop("forget_bias_init") == "one"
        if c.pop("consume_less", None) is not None:
            ctx.note("Keras 1 RNN consume_less dropped (changes the computation order, not the weights)")
        c.pop("input_dim", None)
        c.pop("input_length", None)
        ctx.note("Keras 1 RNN keys renamed: output_dim->units, inner_init->recurrent_initializer, "
                 "inner_activation->recurrent_activation, dropout_W/U->dropout/recurrent_dropout")
    impl = c.get("implementation")
    if "implementation" in c and impl not in (1, 2):
        c.pop("implementation")
        ctx.note(f"RNN implementation={impl} dropped (not a Keras 3 value; no effect on weights)")
    if cls == "GRU" and "reset_after" not in c:
        c["reset_after"] = False
        if ctx.tfjs:
            why = ("the file was written by TF.js, whose GRUCell only supports reset_after=false "
                   "(bias of shape 3*units; tfjs-layers/src/layers/recurrent.ts throws on resetAfter=true)")
        elif ctx.keras1:
            why = "Keras 1 GRU had one bias per gate on the input side only (3*units), which is reset_after=False"
        else:
            why = ("the file has no reset_after key: the argument came with keras-team/keras PR #9112 "
                   "(2018, after Keras 2.1.3) and every Keras that has it writes it, so the writer's GRU is the "
                   "one before it, which is reset_after=False (bias 3*units); standalone Keras 2.x kept False "
                   "as the default, tf.keras 2.x and Keras 3 default to True (bias 2*3*units)")
        ctx.note(f"GRU without reset_after -> reset_after=False: {why}")


def tensor_ref(entry):
    return {"class_name": "__keras_tensor__",
            "config": {"shape": [], "dtype": "float32", "keras_history": [entry[0], entry[1], entry[2]]}}


def translate_nodes(layer, new_cls, ctx, shift_names):
    nodes = layer.get("inbound_nodes", [])
    out = []
    for node in nodes:
        if not isinstance(node, list):
            out.append(shift_new_node(node, shift_names, ctx))
            continue
        node = [list(e) for e in node]
        for e in node:
            if e[0] in shift_names:
                e[1] -= 1
        for e in node:
            if len(e) == 4 and e[3]:
                kw = dict(e[3])
                m = kw.pop("mask", None)
                if m is not None and any(x is not None for x in (m if isinstance(m, list) else [m])):
                    raise Untranslatable(f"inbound node of {layer['name']} passes a mask")
                if "mask" in e[3]:
                    ctx.note("all-null 'mask' call kwargs (Keras 2.1 Merge nodes) dropped")
                e[3] = kw
        if new_cls in ("LSTM", "GRU", "SimpleRNN") and len(node) > 1:
            out.append({"args": [tensor_ref(node[0])],
                        "kwargs": {"initial_state": [tensor_ref(e) for e in node[1:]]}})
            ctx.note("RNN called on [x, state...] (Keras 2 legacy node with several input tensors) -> "
                     "call(x, initial_state=[...]) in Keras 3 node form")
        else:
            out.append(node)
    return out


def shift_new_node(node, shift_names, ctx):
    if not shift_names:
        return node
    node = copy.deepcopy(node)
    for d in walk_dicts(node):
        if d.get("class_name") == "__keras_tensor__" and d["config"]["keras_history"][0] in shift_names:
            d["config"]["keras_history"][1] -= 1
    return node


def translate_model(raw, ctx, nested=False):
    cls = raw.get("class_name")
    c = raw.get("config")
    if cls == "Sequential":
        if isinstance(c, list):
            layers, name = c, None
            ctx.note("Sequential config is a bare list of layers (Keras <= 2.2.2) -> {'name', 'layers'}")
        else:
            layers, name = c["layers"], c.get("name")
        new_layers = []
        for i, l in enumerate(layers):
            nl, implied = translate_layer(l, ctx, seq_first=(i == 0 and l["class_name"] != "InputLayer"))
            if i == 0 and l["class_name"] != "InputLayer":
                if implied is None:
                    if nested:
                        pass
                    else:
                        raise Untranslatable("Sequential whose first layer declares no input shape")
                else:
                    iname = (l.get("config", {}).get("name") or "layer") + "_input"
                    ctx.synth_inputs.add(iname)
                    new_layers.append({"class_name": "InputLayer", "config": {"batch_shape": implied, "name": iname}})
                    ctx.note("first layer's batch_input_shape -> an InputLayer(batch_shape) in front (Keras 3 legacy "
                             "loader would turn it into input_shape and add a dimension)")
            new_layers.append(nl)
        return {"class_name": "Sequential", "config": {"name": name or "sequential", "layers": new_layers}}

    if cls in ("Model", "Functional"):
        c = copy.deepcopy(c)
        # Nested models. Keras 2 gave a nested model (a Functional one always, a Sequential one when it
        # was built with an input shape) its own internal node 0, so the first call on it is node 1.
        # Keras 3 has no such node: a reference to node k is node k-1. Keras 3 already applies this
        # for a nested Functional in output_layers, not in inbound_nodes nor for a Sequential.
        legacy = any(isinstance(n, list) for l in c["layers"] for n in l.get("inbound_nodes", []))
        node_shift, io_shift = set(), set()
        if legacy:
            for l in c["layers"]:
                if l["class_name"] in ("Model", "Functional"):
                    node_shift.add(l["name"])
                elif l["class_name"] == "Sequential":
                    inner = layer_list(l) or []
                    if inner and (inner[0]["class_name"] == "InputLayer"
                                  or inner[0].get("config", {}).get("batch_input_shape")):
                        node_shift.add(l["name"])
                        io_shift.add(l["name"])
        if node_shift:
            ctx.note("references to node k of a nested model -> node k-1 (Keras 2 counted the nested "
                     "model's own input node as node 0; Keras 3 does not, and shifts only a nested "
                     "Functional's output_layers references itself)")
        new_layers = []
        for l in c["layers"]:
            nl, _ = translate_layer(l, ctx)
            nl["name"] = l.get("name", l["config"].get("name"))
            nl["inbound_nodes"] = translate_nodes(l, nl["class_name"], ctx, node_shift)
            new_layers.append(nl)
        def fix_io(io):
            was_flat = bool(io) and isinstance(io[0], str)
            if was_flat:
                io = [io]
            io = [[e[0], e[1] - (1 if e[0] in io_shift else 0), e[2]] for e in io]
            if nested and len(io) == 1:
                if was_flat:
                    return io[0]
                # A single output written as [[name, 0, 0]] makes Keras 3 return a one-element list,
                # which a following layer cannot take; Keras 3 writes a single output flat.
                ctx.note("nested model's single output [[name, n, t]] -> [name, n, t] (Keras 3 form)")
                return io[0]
            return io
        nc = {k: v for k, v in c.items() if k not in ("layers", "input_layers", "output_layers")}
        nc["layers"] = new_layers
        nc["input_layers"] = fix_io(c["input_layers"])
        nc["output_layers"] = fix_io(c["output_layers"])
        if not nested:
            nc["input_layers"] = nc["input_layers"] if isinstance(nc["input_layers"][0], list) else [nc["input_layers"]]
        return {"class_name": "Functional", "config": nc}

    raise Untranslatable(f"top-level class '{cls}': {CUSTOM_REASONS.get(cls, 'not a Keras model class')}")


def build_translated(raw, fname):
    ctx = Ctx(fname, raw)
    orders = {d.get("config", {}).get("dim_ordering") for d in walk_dicts(raw) if isinstance(d.get("config"), dict)}
    orders.discard(None)
    if ctx.keras1:
        if len(orders) > 1:
            raise Untranslatable(f"mixed dim_ordering {orders}")
        ctx.default_ordering = {"th": "channels_first", "tf": "channels_last"}[orders.pop()] if orders else "channels_last"
    if raw.get("module") or raw.get("registered_name"):
        ctx.note("module/registered_name/build_config of the Keras 2.13 '.keras' format removed from the model "
                 "and layer objects (Keras 3 cannot import keras.src.engine.*); nested objects kept")
    cfg = translate_model(raw, ctx)
    with keras.saving.custom_object_scope(BUILTIN):
        if cfg["class_name"] == "Sequential":
            model = keras.Sequential.from_config(cfg["config"], custom_objects=BUILTIN)
        else:
            model = keras.Model.from_config(cfg["config"], custom_objects=BUILTIN)
    seen = {}
    for lname, dim, why in ctx.checks:
        seen.setdefault((lname, dim), []).append(why)
    for (lname, dim), whys in seen.items():
        why = " and ".join(whys)
        layer = model.get_layer(lname)
        kernel = layer.kernel if hasattr(layer, "kernel") else None
        if kernel is None or int(kernel.shape[0]) != int(dim):
            raise AssertionError(f"{fname}: {lname} was built with input size "
                                 f"{None if kernel is None else kernel.shape[0]} but the file states {dim} ({why})")
        ctx.note(f"checked: {lname}'s kernel input size is {dim}, as the file states ({why})")
    return model, ctx


# --------------------------------------------------------------------------- direct load

def load_direct(text, raw):
    errors = []
    try:
        return keras.models.model_from_json(text), "keras.models.model_from_json", None
    except Exception as e:
        errors.append(f"model_from_json: {type(e).__name__}: {first_line(e)}")
    try:
        m = saving_utils.model_from_config(copy.deepcopy(raw))
        return m, ("keras.src.legacy.saving.saving_utils.model_from_config (what keras.models.load_model "
                   "runs on the model_config of an .h5 file)"), None
    except Exception as e:
        errors.append(f"legacy loader: {type(e).__name__}: {first_line(e)}")
    return None, None, errors


def first_line(e):
    s = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    cut = s.find(". ")
    if 0 < cut < 150:
        s = s[:cut]
    return s if len(s) <= 150 else s[:147] + "..."


def direct_rejections(model, raw):
    why = []
    decl = declared_inputs(raw)
    got = model_input_shapes(model)
    if decl is not None and all(d is not None for d in decl) and decl != got:
        why.append(f"the model Keras 3 builds has input shapes {got}, the file declares {decl}")
    grus = [d for d in walk_dicts(raw) if d.get("class_name") == "GRU" and isinstance(d.get("config"), dict)
            and "reset_after" not in d["config"]]
    if grus:
        why.append("GRU without reset_after gets Keras 3's default reset_after=True (3*units more bias) "
                   "instead of the writer's reset_after=False")
    return why


# --------------------------------------------------------------------------- counting

def counts(model, raw, synth):
    for layer in model._flatten_layers(include_self=False, recursive=True):
        if not layer.built:
            raise AssertionError(f"layer {layer.name} was not built")
    trainable = weights_size(model.trainable_weights)
    non_trainable = weights_size(model.non_trainable_weights)
    if trainable + non_trainable != model.count_params():
        raise AssertionError("trainable + non_trainable != count_params()")
    layers = {}
    for layer in model.layers:
        if layer.name not in synth:
            layers[layer.name] = [weights_size(layer.trainable_weights), weights_size(layer.non_trainable_weights)]
    if raw.get("class_name") == "Sequential":
        # Keras 3's Sequential keeps its InputLayer out of model.layers; it has no weights.
        for l in layer_list(raw):
            if l["class_name"] == "InputLayer":
                layers[l["config"]["name"]] = [0, 0]
    missing = sorted(set(n for n in top_level_names(raw) if n) - set(layers))
    if missing:
        raise AssertionError(f"layers of the file missing in the built model: {missing}")
    if [sum(v[0] for v in layers.values()), sum(v[1] for v in layers.values())] != [trainable, non_trainable]:
        raise AssertionError("per-layer counts do not add up to the model's")
    return trainable, non_trainable, layers


def process(path):
    fname = os.path.basename(path)
    text = open(path, encoding="utf-8").read()
    raw = json.loads(text)

    custom = file_uses_class(raw, set(CUSTOM_REASONS))
    frozen = sorted({d["config"].get("name") for d in walk_dicts(raw)
                     if isinstance(d.get("config"), dict) and d["config"].get("trainable") is False})
    frozen_note = (f"{len(frozen)} layer(s) have trainable: false in the file (e.g. {frozen[0]}); Keras counts "
                   "their weights as non-trainable") if frozen else None
    model, loader, direct_errors = load_direct(text, raw)
    rejected = direct_rejections(model, raw) if model is not None else None

    try:
        tmodel, ctx = build_translated(raw, fname)
        terr = None
    except Untranslatable as e:
        tmodel, ctx, terr = None, None, str(e)

    if model is not None and not rejected:
        t, nt, layers = counts(model, raw, set())
        notes = [f"loaded unchanged by {loader}"]
        if tmodel is not None:
            t2, nt2, _ = counts(tmodel, raw, ctx.synth_inputs)
            if (t, nt) != (t2, nt2):
                raise AssertionError(f"{fname}: direct {t}/{nt} != translated {t2}/{nt2}")
            notes.append("the translated build gives the same counts")
        if frozen_note:
            notes.append(frozen_note)
        return {"trainable": t, "non_trainable": nt, "total": t + nt, "method": "keras3_from_json",
                "notes": "; ".join(notes), "layers": layers}

    if tmodel is None:
        if custom:
            terr = "; ".join(f"custom class '{c}': {CUSTOM_REASONS[c]}" for c in custom)
        return {"error": terr}

    t, nt, layers = counts(tmodel, raw, ctx.synth_inputs)
    notes = []
    if model is not None:
        notes.append(f"Keras 3 loads it unchanged ({loader.split(' ')[0]}) but that is not the file's model: "
                     + "; ".join(rejected))
    else:
        notes.append("Keras 3 does not load it unchanged (" + " | ".join(direct_errors) + ")")
    notes.extend(ctx.notes)
    if frozen_note:
        notes.append(frozen_note)
    return {"trainable": t, "non_trainable": nt, "total": t + nt, "method": "keras3_translated",
            "notes": "; ".join(notes), "layers": layers}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.corpus, "*.json")))
    if not files:
        sys.exit(f"no *.json in {args.corpus}")
    results = {}
    for p in files:
        keras.backend.clear_session()
        results[os.path.basename(p)] = process(p)
    doc = {
        "meta": {
            "generator": "tools/keras-golden/corpus_params.py",
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__,
            "python_version": platform.python_version(),
            "backend": keras.backend.backend(),
            "corpus_files": len(files),
            "description": "Parameter counts (sizes of trainable_weights / non_trainable_weights) of every "
                           "Keras corpus topology, built by real Keras 3; per layer for top-level layers "
                           "(a nested model is one layer). See tools/keras-golden/README.md.",
        },
        "files": results,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=True)
    text = re.sub(r"\[\n\s*(\d+),\n\s*(\d+)\n\s*\]", r"[\1, \2]", text)  # "layer": [t, nt] on one line
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text + "\n")

    w = max(len(k) for k in results)
    print(f"{'file':<{w}}  {'method':<17} {'total':>11}  trainable / non-trainable")
    by = {}
    for k, r in results.items():
        m = r.get("method", "error")
        by[m] = by.get(m, 0) + 1
        if "error" in r:
            print(f"{k:<{w}}  {'error':<17} {'-':>11}  {r['error'][:90]}")
        else:
            print(f"{k:<{w}}  {m:<17} {r['total']:>11}  {r['trainable']} / {r['non_trainable']}")
    print("  ".join(f"{m}: {n}" for m, n in sorted(by.items())), f" (of {len(results)})")
    print(f"wrote {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
