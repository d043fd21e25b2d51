package dev.strata.fuzz;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The stages after check (issue 14): a spec that passes {@code check} is compiled with its own training config
 * (its mutated loss, metrics and optimizer included; SGD + MSE when the file has none), takes one fit step on a
 * few random examples of the shapes its summary states, and predicts. These stages reach native code, so the
 * fuzzer runs them in a child JVM ({@link FuzzChild}); this class is what the child runs per case.
 */
final class FitStage {
    static final int EXAMPLES = 2;
    /** Sequences of unknown length get this many steps. */
    static final int STEPS = 3;
    /** Above this many floats of random data per case the case compiles only: the fuzzer must not need GBs. */
    static final long MAX_DATA_FLOATS = 4_000_000;

    private FitStage() {
    }

    /** The outcome of one mutated spec through read, check, compile, one fit step and predict. */
    static String run(String input) {
        try {
            ReadResult r = ModelJson.read(input);
            GraphCompiler.check(r.spec());
            ModelSummary summary = r.spec().summary();
            TrainingConfig config = r.training()
                    .orElse(TrainingConfig.of(Optimizer.sgd(1e-3), Loss.meanSquaredError()));
            try (Model m = Model.compile(r.spec(), config)) {
                Dataset data = data(summary, config, new SplittableRandom(input.hashCode()));
                if (data == null) {
                    return Outcomes.OK + " compile-only";
                }
                m.fit(data, FitOptions.epochs(1).batchSize(EXAMPLES).shuffle(false).quiet());
                m.predictAll(data, EXAMPLES);
            }
            return Outcomes.OK;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcomes.of(e);
        }
    }

    /** Random inputs and targets the model's shapes and losses accept, or null when they would be too large. */
    private static Dataset data(ModelSummary summary, TrainingConfig config, SplittableRandom rnd) {
        long floats = 0;
        List<TensorShape> xShapes = new ArrayList<>();
        for (FunctionalInput in : summary.inputs()) {
            xShapes.add(concrete(in.shape()));
        }
        List<TensorShape> yShapes = new ArrayList<>();
        List<Boolean> sparse = new ArrayList<>();
        List<TrainingConfig.OutputTraining> training = config.resolve(summary.outputNames());
        for (int k = 0; k < summary.outputShapes().size(); k++) {
            TensorShape out = concrete(summary.outputShapes().get(k));
            boolean s = k < training.size() && training.get(k).loss() instanceof Loss.SparseCategoricalCrossentropy;
            if (s && out.rank() > 0) {
                int[] dims = out.dims().clone();
                dims[dims.length - 1] = 1; // one class index in place of the class axis
                yShapes.add(TensorShape.of(dims));
            } else {
                yShapes.add(out);
            }
            sparse.add(s);
        }
        for (TensorShape s : xShapes) {
            floats += s.size() * EXAMPLES;
        }
        for (TensorShape s : yShapes) {
            floats += s.size() * EXAMPLES;
        }
        if (floats > MAX_DATA_FLOATS || floats < 0) {
            return null;
        }
        List<float[]> xs = new ArrayList<>();
        for (TensorShape s : xShapes) {
            float[] a = new float[(int) s.size() * EXAMPLES];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) rnd.nextDouble(-1, 1);
            }
            xs.add(a);
        }
        List<float[]> ys = new ArrayList<>();
        for (int k = 0; k < yShapes.size(); k++) {
            float[] a = new float[(int) yShapes.get(k).size() * EXAMPLES];
            TensorShape out = concrete(summary.outputShapes().get(k));
            int classes = out.rank() > 0 ? Math.max(1, out.dims()[out.rank() - 1]) : 1;
            for (int i = 0; i < a.length; i++) {
                a[i] = sparse.get(k) ? rnd.nextInt(classes) : rnd.nextInt(2);
            }
            ys.add(a);
        }
        return Dataset.of(xs, xShapes, ys, yShapes);
    }

    private static TensorShape concrete(TensorShape shape) {
        int[] dims = shape.dims().clone();
        for (int d = 0; d < dims.length; d++) {
            dims[d] = dims[d] == TensorShape.UNKNOWN ? STEPS : dims[d];
        }
        return TensorShape.of(dims);
    }
}
