package dev.strata.train;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.RegularizationTerm;
import dev.strata.graph.StateSlot;
import dev.strata.graph.TrainingGraph;
import dev.strata.graph.WeightSet;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A compiled model, as Keras's after {@code compile()}: {@link #fit}, {@link #evaluate}, {@link #predict}.
 * Training and evaluation run in the TRAIN-mode graph; {@code predict} runs in the INFER-mode graph, into
 * which the current weights are copied when they changed. Holds native resources: close it.
 *
 * <p>Thread safety: {@code predict}, {@code predictAll}, {@code evaluate}, {@code weights} and the other calls
 * that only read weights may run from many threads at once (serving one model from a web server's threads), and
 * every answer comes from one whole set of weights. Calls that change weights ({@code fit}'s steps,
 * {@code setWeights}, {@code restoreTrainingState}, {@code setLearningRate}) take the model to themselves for
 * each change: a predict on another thread during {@code fit} waits for the step in flight and answers with the
 * weights after some step. Two {@code fit}s on one model from two threads interleave their steps: don't.
 * {@link #close()} waits for the calls in flight, never hangs, and may be called again; any other call after it
 * throws {@link IllegalStateException}.
 */
public final class Model implements AutoCloseable {
    private final ModelSpec spec;
    private final TrainingConfig config;
    private final ModelOptions options;
    private final TrainingGraph train;
    private final Session session;
    private final ModelGuard guard;
    private final Inference inference;
    private volatile long weightsVersion; // changed only under guard's exclusive lock
    private volatile boolean stopRequested;
    private final List<Predictor> predictors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DataChecks checks;

    private Model(ModelSpec spec, TrainingConfig config, ModelOptions options, TrainingGraph train, Session session) {
        this.spec = spec;
        this.config = config;
        this.options = options;
        this.train = train;
        this.checks = new DataChecks(spec, train);
        this.session = session;
        this.guard = new ModelGuard(spec.name());
        this.inference = new Inference(spec, options, guard, () -> weightsVersion, this::weights);
    }

    public static Model compile(ModelSpec spec, TrainingConfig config) {
        return compile(spec, config, ModelOptions.defaults());
    }

    /** Validates in Java, builds the training graph, and sets initial weights drawn from the seed. */
    public static Model compile(ModelSpec spec, TrainingConfig config, ModelOptions options) {
        TrainingGraph graph = GraphCompiler.training(spec, config, options.compileOptions());
        Session session = null;
        try {
            session = Sessions.open(graph.graph(), options);
            Model model = new Model(spec, config, options, graph, session);
            model.resetState(GraphCompiler.initialWeights(spec, options.compileOptions()));
            return model;
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            graph.close();
            throw e;
        }
    }

    private void resetState(WeightSet weights) {
        Map<String, WeightSet.Entry> all = new LinkedHashMap<>();
        for (StateSlot s : train.state().values()) {
            long n = 1;
            for (long d : s.shape()) {
                n *= d;
            }
            float[] start = new float[(int) n];
            java.util.Arrays.fill(start, s.initial());
            all.put(s.name(), weights.entries().containsKey(s.name()) ? weights.get(s.name())
                    : new WeightSet.Entry(s.shape(), start));
        }
        restoreTrainingState(new WeightSet(all), 0);
    }

    /**
     * Trains on rows: each row of {@code x} one example, flattened row-major when the model's input has several
     * axes (an image as H x W x C values), as {@link #predict(float[][])} takes them; each row of {@code y} one
     * example's targets.
     */
    public History fit(float[][] x, float[][] y, FitOptions options) {
        return fit(examples(x).withTargetRows(y), options);
    }

    public History fit(Dataset data, FitOptions options) {
        guard.shared(() -> null); // a closed model's fit fails before its callbacks start
        return new FitLoop(this, data, options).run();
    }

    /**
     * Asks a running {@code fit} to stop, as setting Keras's {@code model.stop_training}: checked after every
     * batch, so a request from {@code onBatchEnd} ends the epoch early (its validation and {@code onEpochEnd}
     * still run) and one from {@code onEpochEnd} ends training after that epoch.
     */
    public void stopTraining() {
        stopRequested = true;
    }

    /** Whether {@link #stopTraining()} was called during the current {@code fit}. */
    public boolean stopTrainingRequested() {
        return stopRequested;
    }

    void clearStopRequest() {
        stopRequested = false;
    }

    /** Data loss, penalties and metrics over a dataset, with dropout off; Keras's default batch size 32. */
    public Evaluation evaluate(Dataset data) {
        return evaluate(data, 32);
    }

    public Evaluation evaluate(Dataset data, int batchSize) {
        return new Evaluation(evaluateLogs(data, batchSize, ""));
    }

    Map<String, Double> evaluateLogs(Dataset data, int batchSize, String prefix) {
        return guard.shared(() -> evaluateShared(data, batchSize, prefix));
    }

    private Map<String, Double> evaluateShared(Dataset data, int batchSize, String prefix) {
        requireTargets(data);
        BatchFeeder feeder = new BatchFeeder(data, targetDims(data));
        RunningMeans means = newMeans();
        for (int from = 0; from < data.size(); from += batchSize) {
            int n = Math.min(batchSize, data.size() - from);
            List<TFloat32> x = feeder.inputs(from, n);
            List<TFloat32> y = feeder.targets(from, n);
            try (Result r = feed(feed(session.runner(), train.inputs(), x), train.targets(), y)
                    .fetch(train.evalStats()).run()) {
                means.add(floats((TFloat32) r.get(0)), n);
            } finally {
                BatchFeeder.close(x);
                BatchFeeder.close(y);
            }
        }
        return means.means(prefix);
    }

    /** Feeds each placeholder its tensor. */
    static Session.Runner feed(Session.Runner runner, List<? extends org.tensorflow.Operand<TFloat32>> placeholders,
                               List<TFloat32> tensors) {
        for (int i = 0; i < tensors.size(); i++) {
            runner.feed(placeholders.get(i), tensors.get(i));
        }
        return runner;
    }

    /**
     * Predictions of the inference graph, one row per example (the output flattened per example). Each input row
     * is one example, flattened row-major when the model's input has several axes (an image as H x W x C values).
     */
    public float[][] predict(float[][] x) {
        return predict(examples(x), 256);
    }

    private Dataset examples(float[][] rows) {
        return checks.examples(rows);
    }

    /** Predictions of the (first) output, one row per example. */
    public float[][] predict(Dataset data, int batchSize) {
        return predictAll(data, batchSize).get(0);
    }

    /**
     * Predictions of every output, in the model's output order (Keras's {@code predict} on a model with several
     * outputs): per output, one row per example, the output flattened per example.
     */
    public List<float[][]> predictAll(Dataset data, int batchSize) {
        requireInputs(data);
        return inference.predict(data, batchSize, train.summary().outputShapes());
    }

    /**
     * A low-latency predictor for batches of exactly {@code rows} examples (see {@link Predictor}); close it when
     * done, or close the model.
     */
    public Predictor predictor(int rows) {
        Predictor p = guard.shared(() -> new Predictor(this, guard, () -> weightsVersion, this::weights, rows));
        predictors.add(p);
        return p;
    }

    void forget(Predictor p) {
        predictors.remove(p);
    }

    /** The model's weights, in layer order, named {@code layer/weight}. */
    public WeightSet weights() {
        List<StateSlot> slots = new ArrayList<>();
        for (var v : train.variables()) {
            slots.add(train.state().get(v.name()));
        }
        return guard.shared(() -> SlotValues.read(session, slots));
    }

    /** Replaces the model's weights; names and shapes must match this model's. Optimizer state is kept. */
    public void setWeights(WeightSet weights) {
        List<StateSlot> slots = new ArrayList<>();
        for (var v : train.variables()) {
            slots.add(train.state().get(v.name()));
        }
        guard.change(() -> {
            SlotValues.write(session, slots, weights);
            weightsVersion++;
        });
    }

    /** Everything training changes except the step: weights, optimizer slots and averages, learning rate. */
    public WeightSet trainingState() {
        return guard.shared(() -> SlotValues.read(session, train.state().values()));
    }

    /** Number of optimizer steps taken so far (Keras {@code optimizer.iterations}). */
    public long step() {
        return guard.shared(() -> {
            try (Result r = session.runner().fetch(train.step()).run()) {
                return ((TInt64) r.get(0)).getLong();
            }
        });
    }

    public void restoreTrainingState(WeightSet state, long step) {
        guard.change(() -> {
            SlotValues.write(session, train.state().values(), state);
            try (TInt64 s = TInt64.scalarOf(step)) {
                session.runner().feed(train.stepFeed(), s).addTarget(train.assignStep()).run().close();
            }
            weightsVersion++;
        });
    }

    /**
     * The learning rate the next step uses, the float32 value widened to double: the optimizer's rate variable, or
     * with a learning-rate schedule the schedule's value at the current step (Keras's {@code optimizer.learning_rate}).
     */
    public double learningRate() {
        return guard.shared(() -> {
            try (Result r = session.runner().fetch(train.learningRate()).run()) {
                return (double) ((TFloat32) r.get(0)).getFloat();
            }
        });
    }

    /**
     * Sets the optimizer's learning rate (a float32 variable, as Keras's), effective from the next step. Zero is
     * allowed, as in Keras, so schedules can decay to it.
     *
     * @throws IllegalStateException when the optimizer has a learning-rate schedule: as in Keras, its rate is not
     *     settable
     */
    public void setLearningRate(double learningRate) {
        ScheduledRates.requireSettable(this, "setLearningRate");
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be >= 0 and finite, was " + learningRate);
        }
        StateSlot lr = train.state().get(TrainingGraph.learningRateSlot());
        WeightSet value = new WeightSet(Map.of(lr.name(),
                new WeightSet.Entry(new long[0], new float[] {(float) learningRate})));
        guard.change(() -> SlotValues.write(session, List.of(lr), value));
    }

    /** Keras's {@code finalize_variable_values}, which {@code fit} runs when it returns: see {@link EmaFinalize}. */
    void finalizeEma() {
        guard.change(() -> {
            if (EmaFinalize.run(session, train, step())) {
                weightsVersion++;
            }
        });
    }

    /**
     * The weight penalties at the current weights: every term that depends on the weights alone (kernel, bias,
     * model-wide penalties, ...). Activity penalties depend on a batch and are not here: {@link #losses(float[][],
     * boolean)} runs one and lists every term, as Keras's {@code model.losses} after {@code model(x)}. Both kinds
     * always count in {@code fit}'s and {@code evaluate}'s {@code regularization_loss}.
     */
    public List<RegularizationValue> losses() {
        List<RegularizationTerm> terms = new ArrayList<>();
        for (RegularizationTerm t : train.regularizationTerms()) {
            if (t.kind() != RegularizationTerm.Kind.ACTIVITY) {
                terms.add(t);
            }
        }
        return values(terms, null);
    }

    /**
     * Every penalty, activity terms included, for a forward pass over {@code inputs}; {@code training} picks
     * the pass with dropout on (as Keras {@code model(x, training=True)}) or off.
     */
    public List<RegularizationValue> losses(float[][] inputs, boolean training) {
        return values(training ? train.regularizationTerms() : train.evaluationTerms(), inputs);
    }

    private List<RegularizationValue> values(List<RegularizationTerm> terms, float[][] inputs) {
        if (inputs == null) {
            return guard.shared(() -> PenaltyValues.fetch(session, train, terms, null));
        }
        TFloat32 x = new BatchFeeder(examples(inputs), List.of()).inputs(0, inputs.length).get(0);
        try {
            return guard.shared(() -> PenaltyValues.fetch(session, train, terms, x));
        } finally {
            x.close();
        }
    }

    public ModelSummary summary() {
        return train.summary();
    }

    public ModelSpec spec() {
        return spec;
    }

    public TrainingConfig config() {
        return config;
    }

    public ModelOptions options() {
        return options;
    }

    /** The TRAIN-mode graph, for inspection. */
    public TrainingGraph trainingGraph() {
        return train;
    }

    /** The INFER-mode graph holding the current weights, built on first use. */
    public InferenceGraph inferenceGraph() {
        return inference.current();
    }

    /**
     * Runs one training step on the TRAIN session with the model to itself (see the class's thread-safety
     * note), counting it as a change of weights.
     */
    <T> T trainingStep(java.util.function.Function<Session, T> step) {
        return guard.exclusive(() -> {
            T out = step.apply(session);
            weightsVersion++;
            return out;
        });
    }

    RunningMeans newMeans() {
        return new RunningMeans(train.statBlocks());
    }

    /** See {@link DataShapes#targetDims}. */
    List<long[]> targetDims(Dataset data) {
        return checks.targetDims(data);
    }

    void requireInputs(Dataset data) {
        checks.requireInputs(data);
    }

    void requireTargets(Dataset data) {
        checks.requireTargets(data);
    }

    static float[] floats(TFloat32 t) {
        float[] out = new float[(int) t.size()];
        t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
        return out;
    }

    /** Frees the graphs and sessions once the calls in flight returned; see the class's thread-safety note. */
    @Override
    public void close() {
        guard.close(() -> {
            predictors.forEach(Predictor::release);
            inference.close();
            session.close();
            train.close();
        });
    }
}
