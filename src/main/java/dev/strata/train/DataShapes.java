package dev.strata.train;

import dev.strata.spec.FunctionalInput;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;

import dev.strata.graph.TrainingGraph;
import dev.strata.spec.Loss;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a {@link Dataset} fits a model's inputs and outputs, checked in Java before any tensor is fed (a shape
 * TensorFlow refuses mid-run would fail with its own message): each input's shape, with unknown dims (a sequence of
 * unknown length) taking the data's size, and each target's as its loss needs it.
 */
final class DataShapes {
    private DataShapes() {
    }

    /**
     * The shape of one example's target per output, as the target placeholders take it (empty: sparse labels); an
     * output of unknown length (a sequence of unknown steps) takes the data's.
     */
    static List<long[]> targetDims(TrainingGraph train, Dataset data) {
        List<long[]> dims = new ArrayList<>();
        List<TrainingConfig.OutputTraining> outputs = train.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            TensorShape out = train.summary().outputShapes().get(i);
            boolean fromData = !out.isFullyDefined() && data.hasTargets() && i < data.yShapes().size()
                    && fits(data.yShapes().get(i), out);
            dims.add(outputs.get(i).loss() instanceof Loss.SparseCategoricalCrossentropy ? new long[0]
                    : BatchFeeder.toLong((fromData ? data.yShapes().get(i) : out).dims()));
        }
        return dims;
    }

    /** Whether data of shape {@code given} can feed a tensor of shape {@code want}: unknown dims take any size. */
    static boolean fits(TensorShape given, TensorShape want) {
        if (given.rank() != want.rank()) {
            return false;
        }
        for (int d = 0; d < want.rank(); d++) {
            if (want.dim(d) != TensorShape.UNKNOWN && want.dim(d) != given.dim(d)) {
                return false;
            }
        }
        return true;
    }

    static void requireInputs(TrainingGraph train, String model, Dataset data) {
        List<TensorShape> want = new ArrayList<>();
        train.summary().inputs().forEach(in -> want.add(in.shape()));
        boolean fit = data.xShapes().size() == want.size();
        for (int k = 0; fit && k < want.size(); k++) {
            fit = fits(data.xShapes().get(k), want.get(k));
        }
        if (!fit) {
            throw new IllegalArgumentException("inputs have shape" + (want.size() > 1 ? "s " + data.xShapes()
                    : " " + data.xShape()) + " but model '" + model + "' expects " + (want.size() > 1 ? want
                    : want.get(0)));
        }
    }

    /**
     * With inputs of unknown size the data's sizes go through the layers' shape rules before TensorFlow runs: a
     * Reshape to a fixed shape, say, holds for one sequence length only, and TensorFlow would fail mid-run with
     * its own untyped exception. Models whose inputs are fully defined were checked at compile and skip this.
     */
    static void requireLayersAccept(ModelSpec spec, TrainingGraph train, Dataset data) {
        List<FunctionalInput> inputs = train.summary().inputs();
        if (inputs.stream().allMatch(in -> in.shape().isFullyDefined())) {
            return;
        }
        List<TensorShape> given = data.xShapes();
        String withData = "with the data's input shape" + (given.size() > 1 ? "s " + given : " " + given.get(0));
        ModelSummary concrete;
        try {
            concrete = spec.withInputShapes(given).summary();
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(e.where(), e.field(), e.problem() + " (" + withData + ")");
        }
        if (data.hasTargets()) {
            requireTargetsFitOutputs(train, concrete, data, withData);
        }
    }

    /**
     * Targets against the outputs the data's input sizes give (a detector's grid, a sequence's steps): before
     * TensorFlow runs, which would fail in the loss gradient with its own untyped message. Sparse labels are
     * checked by {@link #requireTargets} (one class index per example whatever the output's size).
     */
    private static void requireTargetsFitOutputs(TrainingGraph train, ModelSummary concrete, Dataset data,
                                                 String withData) {
        List<TensorShape> outs = concrete.outputShapes();
        for (int i = 0; i < outs.size() && i < data.yShapes().size(); i++) {
            TensorShape out = outs.get(i);
            TrainingConfig.OutputTraining o = train.outputs().get(i);
            if (!out.isFullyDefined() || o.loss() instanceof Loss.SparseCategoricalCrossentropy) {
                continue;
            }
            TensorShape y = data.yShapes().get(i);
            if (y.size() != out.size()) {
                throw new IllegalArgumentException("targets" + (outs.size() > 1 ? " of output '" + o.output() + "'"
                        : "") + " have shape " + y + " but " + withData + " the model's output is " + out + " ("
                        + out.size() + " values per example)");
            }
        }
    }

    static void requireTargets(TrainingGraph train, String model, Dataset data) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("this dataset has no targets; fit and evaluate need them");
        }
        requireInputs(train, model, data);
        List<long[]> dims = targetDims(train, data);
        List<TensorShape> given = data.yShapes();
        if (given.size() != dims.size()) {
            throw new IllegalArgumentException("the dataset has " + given.size() + " targets but model '"
                    + model + "' has " + dims.size() + " outputs " + train.summary().outputNames());
        }
        for (int i = 0; i < dims.size(); i++) {
            long want = 1;
            for (long d : dims.get(i)) {
                want *= d;
            }
            if (given.get(i).size() != want) {
                TrainingConfig.OutputTraining o = train.outputs().get(i);
                throw new IllegalArgumentException("targets" + (dims.size() > 1 ? " of output '" + o.output() + "'"
                        : "") + " have shape " + given.get(i) + " but loss " + o.loss().kerasName() + " on output "
                        + train.summary().outputShapes().get(i) + " needs " + (dims.get(i).length == 0
                        ? "one class index per example" : "(None, ...) with " + want + " values per example"));
            }
            if (dims.get(i).length == 0) {
                requireClassIndices(train, data, i);
            }
        }
    }

    /**
     * Sparse labels must be whole class indices the output can score: TensorFlow's CPU kernel turns one out of
     * range into a NaN loss without an error, so a typo in a label file would train silently on garbage.
     */
    private static void requireClassIndices(TrainingGraph train, Dataset data, int output) {
        TensorShape out = train.summary().outputShapes().get(output);
        int classes = out.rank() > 0 ? out.dim(out.rank() - 1) : TensorShape.UNKNOWN;
        Dataset.Part part = data.targetParts().get(output);
        float[] y = part.values();
        for (int e = 0; e < data.size(); e++) {
            float v = y[data.offset() + e];
            if (v != Math.rint(v) || v < 0 || (classes != TensorShape.UNKNOWN && v >= classes)) {
                throw new IllegalArgumentException("target of example " + e + (data.yShapes().size() > 1
                        ? " for output '" + train.outputs().get(output).output() + "'" : "") + " is " + v
                        + ", not a class index in [0, " + classes + ") as sparse_categorical_crossentropy on output "
                        + out + " needs");
            }
        }
    }

    /** Rows of flattened examples as a dataset of the model's input shape. */
    static Dataset examples(TrainingGraph train, String model, float[][] rows) {
        TensorShape in = train.summary().inputShape();
        if (in.rank() == 1 || rows.length == 0) {
            return Dataset.inputs(rows);
        }
        if (!in.isFullyDefined()) {
            in = fromRows(in, model, rows);
        }
        long width = in.size();
        float[] flat = new float[(int) Math.min(Integer.MAX_VALUE, (long) rows.length * Math.max(width, 0))];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values but model '"
                        + model + "' takes examples of shape " + in + " (" + width + " values each)");
            }
            System.arraycopy(rows[i], 0, flat, (int) (i * width), (int) width);
        }
        return Dataset.of(flat, in, null, null);
    }

    /**
     * The example shape flat rows give an input with one unknown dimension (a sequence of unknown length): the
     * rows' common length over the known dimensions' product. With more unknown dimensions a flat row is
     * ambiguous, so it is refused with the way to feed them (this said "-1 values each" before).
     */
    private static TensorShape fromRows(TensorShape in, String model, float[][] rows) {
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < in.rank(); d++) {
            if (in.dim(d) == TensorShape.UNKNOWN) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("model '" + model + "' takes examples of shape " + in
                            + ", with several unknown dimensions that flat rows cannot tell apart; give the shape "
                            + "with Dataset.of(values, shape, ...)");
                }
                unknown = d;
            } else {
                known *= in.dim(d);
            }
        }
        int length = rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != length || known == 0 || length % known != 0 || length == 0) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values but model '"
                        + model + "' takes examples of shape " + in + ": rows of one length, a positive multiple of "
                        + known + "; give sequences of other lengths as separate datasets or padded");
            }
        }
        int[] dims = in.dims();
        dims[unknown] = (int) (length / known);
        return TensorShape.of(dims);
    }
}
