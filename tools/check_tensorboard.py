"""Reads the event files Strata's TensorBoard callback wrote with TensorFlow's and TensorBoard's own readers.

Run by hand, never by the build (it needs tensorflow and tensorboard, e.g. the Keras venv):

    mvn -q -o test -Dtest=TensorBoardTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dstrata.tensorboard.keep=/tmp/strata-tb
    python tools/check_tensorboard.py /tmp/strata-tb

Checks, failing with a non-zero exit on any mismatch:
  * tf.compat.v1.train.summary_iterator reads every record of every file (TensorFlow's reader checks both
    CRCs), the first being file_version "brain.Event:2";
  * TensorBoard's EventAccumulator (the one its server uses) finds the scalars, histograms and graph;
  * each epoch_<key> scalar equals the History that CSVLogger wrote to history.csv, in train/ or validation/
    as Keras splits them;
  * each histogram's bucket counts sum to the size of its weight in the graph.
"""
import csv
import glob
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorboard.backend.event_processing import plugin_event_accumulator as pea  # noqa: E402


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def read_records(path):
    events = list(tf.compat.v1.train.summary_iterator(path))
    if not events or events[0].file_version != "brain.Event:2":
        fail(f"{path}: first record is not file_version brain.Event:2")
    return events


def main(logdir):
    history = list(csv.DictReader(open(os.path.join(logdir, "history.csv"), newline="")))
    accs = {}
    for sub in ("train", "validation"):
        files = glob.glob(os.path.join(logdir, sub, "events.out.tfevents.*.v2"))
        if len(files) != 1:
            fail(f"expected one event file in {sub}, found {files}")
        events = read_records(files[0])
        print(f"{sub}: {os.path.basename(files[0])}: {len(events)} records read by summary_iterator")
        acc = pea.EventAccumulator(os.path.join(logdir, sub), size_guidance={pea.TENSORS: 0})
        acc.Reload()
        accs[sub] = acc
        tags = acc.Tags()
        print(f"  tensor tags: {sorted(tags['tensors'])}")
        print(f"  graph: {tags['graph']}")

    checked = 0
    for row in history:
        epoch = int(row["epoch"])
        for key, text in row.items():
            if key == "epoch" or text == "NA":
                continue
            sub, name = ("validation", key[4:]) if key.startswith("val_") else ("train", key)
            events = {e.step: e for e in accs[sub].Tensors("epoch_" + name)}
            got = float(tf.make_ndarray(events[epoch].tensor_proto))
            want = np.float32(float(text))
            if got != want:
                fail(f"epoch_{name} epoch {epoch} in {sub}: {got} != {want}")
            checked += 1
    print(f"epoch scalars equal to history.csv: {checked} values over {len(history)} epochs")
    lr = [float(tf.make_ndarray(e.tensor_proto)) for e in accs["train"].Tensors("epoch_learning_rate")]
    print(f"epoch_learning_rate: {lr}")
    reg = [t for t in accs["train"].Tags()["tensors"] if t.startswith("regularization/")]
    for t in reg:
        print(f"{t}: {[round(float(tf.make_ndarray(e.tensor_proto)), 6) for e in accs['train'].Tensors(t)]}")
    batch = [(e.step, float(tf.make_ndarray(e.tensor_proto))) for e in accs["train"].Tensors("batch_loss")]
    print(f"batch_loss (step, value): {batch}")
    ev = [e.step for e in accs["validation"].Tensors("evaluation_loss_vs_iterations")]
    print(f"evaluation_loss_vs_iterations steps: {ev}")

    graph = accs["train"].Graph()
    sizes = {}
    for node in graph.node:
        if node.op in ("VariableV2", "VarHandleOp", "Variable"):
            shape = node.attr["shape"].shape
            # Strata names variables layers/<layer>/<weight>; the histogram tag has <model>/<layer>/<weight>.
            sizes[node.name.removeprefix("layers/")] = int(np.prod([d.size for d in shape.dim])) if shape.dim else 1
    print(f"graph variables: {sizes}")
    print(f"graph: {len(graph.node)} nodes, ops {sorted({n.op for n in graph.node})}")
    hist_tags = [t for t in accs["train"].Tags()["tensors"] if t.endswith("/histogram")]
    if not hist_tags:
        fail("no histograms")
    for t in sorted(hist_tags):
        for e in accs["train"].Tensors(t):
            buckets = tf.make_ndarray(e.tensor_proto)
            total = buckets[:, 2].sum()
            weight = t[: -len("/histogram")].split("/", 1)[1]  # drop the model name, as in the graph
            if sizes.get(weight) != total:
                fail(f"{t} step {e.step}: counts sum to {total}, variable {weight} holds {sizes.get(weight)}")
            print(f"{t} step {e.step}: {buckets.shape[0]} buckets, count {total:g}, "
                  f"range [{buckets[0, 0]:.4f}, {buckets[-1, 1]:.4f}]")
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/strata-tb")
