package dev.strata.train;

import dev.strata.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * One {@code fit} call: per epoch, a fresh permutation drawn from (seed, epoch) so a resumed run shuffles
 * exactly as an uninterrupted one, one session run per batch fetching the packed stats, then validation.
 */
final class FitLoop {
    private final Model model;
    private final FitOptions options;
    private final Dataset train;
    private final Dataset validation;
    private final List<Callback> callbacks = new ArrayList<>();

    FitLoop(Model model, Dataset data, FitOptions options) {
        this.model = model;
        this.options = options;
        if (options.validationSplit() > 0) {
            Dataset[] parts = data.splitLast(options.validationSplit());
            this.train = parts[0];
            this.validation = parts[1];
        } else {
            this.train = data;
            this.validation = options.validationData();
        }
        model.requireTargets(train);
        if (validation != null) {
            model.requireTargets(validation);
        }
        callbacks.addAll(options.callbacks());
        boolean hasBar = callbacks.stream().anyMatch(c -> c instanceof ProgressBar);
        if (options.verbosity() != Verbosity.SILENT && !hasBar) {
            boolean live = options.verbosity() == Verbosity.AUTO && ProgressBar.isTerminal();
            callbacks.add(new ProgressBar(System.out, live));
        }
    }

    History run() {
        TrainingGraph g = model.trainingGraph();
        int n = train.size();
        int batch = options.batchSize();
        int steps = (n + batch - 1) / batch;
        FitPlan plan = new FitPlan(options.initialEpoch(), options.epochs(), steps, n,
                validation == null ? 0 : validation.size(), batch);
        BatchFeeder feeder = new BatchFeeder(train, model.targetDims(train));
        long seed = options.shuffleSeed() != null ? options.shuffleSeed() : model.options().seed();
        History history = new History();
        model.clearStopRequest();
        for (Callback c : callbacks) {
            c.onTrainBegin(model, plan);
        }
        for (int epoch = options.initialEpoch(); epoch < options.epochs(); epoch++) {
            for (Callback c : callbacks) {
                c.onEpochBegin(epoch);
            }
            int[] order = options.shuffle() ? permutation(n, seed, epoch) : null;
            RunningMeans means = model.newMeans();
            for (int step = 0; step < steps; step++) {
                for (Callback c : callbacks) {
                    c.onBatchBegin(epoch, step);
                }
                int from = step * batch;
                int count = Math.min(batch, n - from);
                List<TFloat32> x = order == null ? feeder.inputs(from, count) : feeder.inputs(order, from, count);
                List<TFloat32> y = order == null ? feeder.targets(from, count) : feeder.targets(order, from, count);
                try {
                    float[] stats = model.trainingStep(session -> {
                        try (Result r = Model.feed(Model.feed(session.runner(), g.inputs(), x), g.targets(), y)
                                .addTarget(g.trainStep()).fetch(g.trainStats()).run()) {
                            return Model.floats((TFloat32) r.get(0));
                        }
                    });
                    means.add(stats, count);
                } finally {
                    BatchFeeder.close(x);
                    BatchFeeder.close(y);
                }
                if (!callbacks.isEmpty()) {
                    Map<String, Double> running = means.means("");
                    for (Callback c : callbacks) {
                        c.onBatchEnd(epoch, step, running);
                    }
                }
                if (model.stopTrainingRequested()) {
                    break;
                }
            }
            Map<String, Double> logs = means.means("");
            if (validation != null) {
                logs.putAll(validate(batch));
            }
            for (Callback c : callbacks) {
                c.onEpochEnd(epoch, logs);
            }
            history.add(epoch, logs);
            if (model.stopTrainingRequested()) {
                break;
            }
        }
        if (options.epochs() > 0) {
            // Keras's fit: optimizer.finalize_variable_values after the last epoch, before on_train_end.
            model.finalizeEma();
        }
        for (Callback c : callbacks) {
            c.onTrainEnd(history);
        }
        return history;
    }

    /** The validation pass, as Keras runs {@code evaluate} inside {@code fit}; returns {@code val_} logs. */
    private Map<String, Double> validate(int batch) {
        for (Callback c : callbacks) {
            c.onTestBegin();
        }
        Map<String, Double> logs = model.evaluateLogs(validation, batch, "");
        for (Callback c : callbacks) {
            c.onTestEnd(Collections.unmodifiableMap(logs));
        }
        Map<String, Double> prefixed = new LinkedHashMap<>();
        logs.forEach((k, v) -> prefixed.put("val_" + k, v));
        return prefixed;
    }

    /** Fisher-Yates with a generator seeded by (seed, epoch). */
    static int[] permutation(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed * 31 + epoch + 0x51_7cc1_b727_220aL);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
