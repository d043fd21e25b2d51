package dev.strata.graph;

import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.SizeLimits;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.TrainingConfig.OutputTraining;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Compiles a model spec into TensorFlow graphs: {@link #training} (TRAIN mode: losses, regularization,
 * dropout, optimizer) and {@link #inference} (INFER mode: the forward pass and nothing else). Every check
 * that could otherwise end in a native error runs in Java first, in {@link #check}.
 */
public final class GraphCompiler {
    static final String LEARNING_RATE = "optimizer/learning_rate";

    private GraphCompiler() {
    }

    /** Validates a spec for training without touching TensorFlow; returns its summary. */
    public static ModelSummary check(ModelSpec spec, TrainingConfig config) {
        return check(spec, config, SizeLimits.DEFAULT_MAX_PARAMS);
    }

    private static ModelSummary check(ModelSpec spec, TrainingConfig config, long maxParams) {
        ModelSummary summary = check(spec, maxParams);
        List<OutputTraining> outputs = config.resolve(summary.outputNames());
        for (int i = 0; i < outputs.size(); i++) {
            checkOutput(spec, outputs.get(i), summary.outputShapes().get(i), outputs.size() > 1);
        }
        return summary;
    }

    private static void checkOutput(ModelSpec spec, OutputTraining o, TensorShape out, boolean named) {
        String where = "model '" + spec.name() + "'" + (named ? ", output '" + o.output() + "'" : "");
        Loss loss = o.loss();
        if (loss instanceof Loss.SparseCategoricalCrossentropy && out.rank() != 1) {
            throw new InvalidSpecException(where, "loss",
                    "sparse_categorical_crossentropy needs a model output of shape (None, classes). Received " + out);
        }
        if ((loss.isClassification() || loss instanceof Loss.CategoricalHinge) && out.rank() < 1) {
            throw new InvalidSpecException(where, "loss",
                    loss.kerasName() + " needs a model output with a class axis. Received " + out);
        }
        if (loss instanceof Loss.CosineSimilarity c) {
            int rank = out.rank() + 1;
            int axis = c.axis() < 0 ? c.axis() + rank : c.axis();
            if (axis < 1 || axis >= rank) {
                throw new InvalidSpecException(where, "loss", "cosine_similarity axis " + c.axis() + " must name a "
                        + "non-batch axis of the model output (batch, " + out + "): 1.." + (rank - 1) + " or -1..-"
                        + (rank - 1) + (axis == 0 ? "; axis 0 is the batch axis, which would mix examples" : ""));
            }
        }
        for (Metric m : o.metrics()) {
            if (m.resolve(loss).isConfusionMetric() && loss instanceof Loss.SparseCategoricalCrossentropy) {
                throw new InvalidSpecException("training config", "metrics", m.resolve(loss).kerasName()
                        + " needs targets shaped like the model output, but sparse_categorical_crossentropy feeds one"
                        + " class index per example; use categorical_crossentropy with one-hot targets");
            }
            if (m.resolve(loss) == Metric.SPARSE_CATEGORICAL_ACCURACY && out.rank() != 1) {
                throw new InvalidSpecException(where, "metrics",
                        "sparse_categorical_accuracy needs a model output of shape (None, classes). Received " + out);
            }
        }
    }

    /** Validates a spec for inference without touching TensorFlow; returns its summary. */
    public static ModelSummary check(ModelSpec spec) {
        return check(spec, SizeLimits.DEFAULT_MAX_PARAMS);
    }

    /** {@link #check(ModelSpec)} with another parameter limit (see {@link CompileOptions#maxParams}). */
    public static ModelSummary check(ModelSpec spec, long maxParams) {
        ModelSummary summary = spec.summary();
        SizeLimits.check(summary, maxParams, "raise it with ModelOptions.maxParams");
        for (LayerSummary row : summary.layers()) {
            if (row.layer() instanceof dev.strata.spec.NestedModel nested) {
                check(nested.model(), maxParams);
            } else if (!Kernels.has(row.layer().getClass())) {
                throw new InvalidSpecException(row.where(), null, "no graph kernel for layer class "
                        + row.layer().kerasClassName() + "; register one with Kernels.register");
            }
            for (WeightSpec w : row.weights()) {
                if (w.regularizer() instanceof dev.strata.spec.OrthogonalRegularizer o) {
                    int[] s = w.shape();
                    int n = s.length == 2 ? s[o.mode() == dev.strata.spec.OrthogonalRegularizer.Mode.ROWS ? 0 : 1] : 0;
                    if (s.length != 2 || n < 2) {
                        throw new InvalidSpecException(row.where(), w.name() + "_regularizer",
                                "OrthogonalRegularizer needs a rank-2 weight with at least 2 " + o.mode().kerasName()
                                        + ". Received weight shape " + java.util.Arrays.toString(s));
                    }
                }
            }
            if (row.layer().activityRegularizer() instanceof dev.strata.spec.OrthogonalRegularizer) {
                throw new InvalidSpecException(row.where(), "activity_regularizer",
                        "OrthogonalRegularizer cannot regularize a layer output: its row count is the batch size");
            }
        }
        return summary;
    }

    /**
     * First weight values, drawn in Java from each initializer; the same seed gives the same bits. Each weight's
     * draw is seeded by the model seed and the weight's name only, so adding a layer re-draws no other weight.
     */
    public static WeightSet initialWeights(ModelSpec spec, long seed) {
        return initialWeights(spec, CompileOptions.seed(seed));
    }

    /** {@link #initialWeights(ModelSpec, long)} with {@code options}' seed and parameter limit. */
    public static WeightSet initialWeights(ModelSpec spec, CompileOptions options) {
        long seed = options.seed();
        ModelSummary summary = check(spec, options.maxParams());
        Map<String, WeightSet.Entry> out = new LinkedHashMap<>();
        for (LayerSummary row : summary.layers()) {
            for (WeightSpec w : row.weights()) {
                String name = row.layer().name() + "/" + w.name();
                out.put(name, new WeightSet.Entry(OptimizerOps.toLong(w.shape()),
                        InitialValues.sample(w.initializer(), w.shape(), Seeds.forPath(seed, name))));
            }
        }
        return new WeightSet(out);
    }

    /** Builds the TRAIN-mode graph with Keras-exact updates. The caller owns (and closes) the result. */
    public static TrainingGraph training(ModelSpec spec, TrainingConfig config, long seed) {
        return training(spec, config, CompileOptions.seed(seed));
    }

    /** Builds the TRAIN-mode graph. The caller owns (and closes) the result. */
    public static TrainingGraph training(ModelSpec spec, TrainingConfig config, CompileOptions options) {
        long seed = options.seed();
        ModelSummary summary = check(spec, config, options.maxParams());
        List<OutputTraining> outputs = config.resolve(summary.outputNames());
        Graph graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            List<String> prefixes = new ArrayList<>();
            for (int p = 0; p < spec.penalties().size(); p++) {
                prefixes.add(RegularizationTerms.penaltyPrefix(p));
            }
            ModelScopes scopes = new ModelScopes(tf, summary, true, prefixes);
            VariableIo io = new VariableIo(scopes.root.of("io"));
            List<Placeholder<TFloat32>> inputs = inputPlaceholders(tf, summary);
            List<Placeholder<TFloat32>> targets = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                boolean sparse = outputs.get(i).loss() instanceof Loss.SparseCategoricalCrossentropy;
                Shape targetShape = sparse ? Shape.of(-1) : batchShape(summary.outputShapes().get(i));
                targets.add(tf.withName(outputs.size() == 1 ? "target" : "target_" + i).placeholder(TFloat32.class,
                        Placeholder.shape(targetShape)));
            }
            Map<String, ModelVariable> vars = Variables.create(scopes, summary, io);

            Operand<?> stepHandle = tf.withName("step").varHandleOp(TInt64.class, Shape.scalar(),
                    VarHandleOp.sharedName("step"));
            Operand<TInt64> step = tf.withName("step_read").readVariableOp(stepHandle, TInt64.class);
            Operand<TFloat32> learningRate = learningRate(tf, config.optimizer(), step, io);

            Tower train = new Forward(scopes.train, scopes.names, vars, TowerMode.TRAINING, options.trainingNoise(),
                    step, seed, options.maxSequenceLength()).build(summary, inputs);
            Tower eval = new Forward(scopes.eval, scopes.names, vars, TowerMode.EVALUATION, false, null, seed,
                    options.maxSequenceLength()).build(summary, inputs);

            List<RegularizationTerm> weightTerms = RegularizationTerms.forWeights(scopes, summary, vars,
                    spec.penalties());
            List<RegularizationTerm> trainTerms = RegularizationTerms.withActivity(scopes.train, scopes.names, train,
                    weightTerms);
            List<RegularizationTerm> evalTerms = RegularizationTerms.withActivity(scopes.eval, scopes.names, eval,
                    weightTerms);

            Objective trainObjective = Objective.build(tf.withSubScope("train_loss"), outputs,
                    summary.outputShapes(), train, targets, trainTerms);
            Objective evalObjective = Objective.build(tf.withSubScope("eval_loss"), outputs, summary.outputShapes(),
                    eval, targets, evalTerms);

            List<ModelVariable> trainables = new ArrayList<>();
            for (ModelVariable v : vars.values()) {
                if (v.spec().trainable()) {
                    trainables.add(v);
                }
            }
            List<Op> stepOps = new ArrayList<>(stateUpdates(scopes, train));
            Op emaFinalize = null;
            if (!trainables.isEmpty()) {
                Output<?>[] gradients = PenaltyGradients.of(graph, tf.withSubScope("train_loss"), trainObjective,
                        trainTerms, trainables);
                List<Operand<TFloat32>> penaltyValues = new ArrayList<>();
                trainTerms.forEach(t -> penaltyValues.add(t.value()));
                OptimizerOps.Built built = OptimizerOps.build(scopes, config.optimizer(), trainables, gradients,
                        penaltyValues, learningRate, step, io, options.fusedAdam());
                stepOps.addAll(built.ops());
                emaFinalize = built.emaFinalize();
            }
            Op trainStep = (stepOps.isEmpty() ? tf : tf.withControlDependencies(stepOps)).withName("train_step")
                    .assignAddVariableOp(stepHandle, tf.constant(1L));
            Placeholder<TInt64> stepFeed = scopes.root.of("io").withName("step_value").placeholder(TInt64.class,
                    Placeholder.shape(Shape.scalar()));
            Op assignStep = scopes.root.of("io").withName("step_assign").assignVariableOp(stepHandle, stepFeed);
            Op assignState = io.assignAll();
            List<Operand<TFloat32>> evalOutputs = new ArrayList<>();
            eval.outputs().forEach(f -> evalOutputs.add(f.value()));
            return new TrainingGraph(graph, summary, config, new TrainingGraph.Parts(inputs, targets, outputs,
                    new ArrayList<>(vars.values()), trainTerms, evalTerms, trainObjective, evalObjective, evalOutputs,
                    trainStep, io.slots(), assignState, step, stepFeed, assignStep, learningRate, emaFinalize));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /**
     * The rate this step uses, as the op {@code learning_rate_read}: a float32 variable in the training state (which
     * callbacks may set), or with a schedule the schedule's value at the step counter, so it resumes with the step.
     */
    private static Operand<TFloat32> learningRate(Ops tf, dev.strata.spec.Optimizer optimizer, Operand<TInt64> step,
                                                  VariableIo io) {
        dev.strata.spec.LearningRateSchedule schedule = optimizer.options().schedule();
        if (schedule != null) {
            return tf.withName("learning_rate_read").identity(ScheduleOps.rate(tf.withSubScope("learning_rate"),
                    schedule, step));
        }
        Operand<?> lrHandle = tf.withName("learning_rate").varHandleOp(TFloat32.class, Shape.scalar(),
                VarHandleOp.sharedName(LEARNING_RATE));
        Operand<TFloat32> learningRate = tf.withName("learning_rate_read").readVariableOp(lrHandle, TFloat32.class);
        io.add(LEARNING_RATE, new long[0], lrHandle, learningRate, (float) optimizer.learningRate());
        return learningRate;
    }

    /**
     * The training pass's state assignments (moving statistics). Each reads only the forward pass, which every
     * gradient also needs, so it sees the batch the step trains on; the training step waits on them.
     */
    private static List<Op> stateUpdates(ModelScopes scopes, Tower train) {
        List<Op> ops = new ArrayList<>();
        for (StateUpdate u : train.stateUpdates()) {
            // A nested model's weight is inner_layer/weight: its update goes under the inner layer's scope.
            String weight = u.variable().spec().name();
            int slash = weight.lastIndexOf('/');
            String layerScope = scopes.names.of(u.variable().layerName());
            Ops scope = scopes.train.of(slash < 0 ? layerScope
                    : layerScope + "/" + ScopeNames.path(weight.substring(0, slash)));
            ops.add(scope.withName(ScopeNames.sanitize(weight.substring(slash + 1)) + "_update")
                    .assignVariableOp(u.variable().handle(), u.value()));
        }
        return ops;
    }

    /** Builds the INFER-mode graph: inputs, variables, forward pass, outputs. The caller closes it. */
    public static InferenceGraph inference(ModelSpec spec) {
        return inference(spec, CompileOptions.defaults());
    }

    /** The INFER-mode graph built with {@code options}' sequence bound (its seed and optimizer choices unused). */
    public static InferenceGraph inference(ModelSpec spec, CompileOptions options) {
        ModelSummary summary = check(spec, options.maxParams());
        Graph graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            ModelScopes scopes = new ModelScopes(tf, summary, false, List.of());
            VariableIo io = new VariableIo(scopes.root.of("io"));
            List<Placeholder<TFloat32>> inputs = inputPlaceholders(tf, summary);
            Map<String, ModelVariable> vars = Variables.create(scopes, summary, io);
            Tower tower = new Forward(scopes.layers, scopes.names, vars, TowerMode.INFERENCE, false, null, 0,
                    options.maxSequenceLength()).build(summary, inputs);
            List<Operand<TFloat32>> outputs = new ArrayList<>();
            for (int i = 0; i < tower.outputs().size(); i++) {
                String name = tower.outputs().size() == 1 ? "output" : "output_" + i;
                outputs.add(tf.withName(name).identity(tower.outputs().get(i).value()));
            }
            return new InferenceGraph(graph, summary, inputs, outputs, new ArrayList<>(vars.values()), io.slots(),
                    io.assignAll());
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** {@code input} for a one-input model; {@code input_0}, {@code input_1}, ... in the model's order otherwise. */
    private static List<Placeholder<TFloat32>> inputPlaceholders(Ops tf, ModelSummary summary) {
        List<Placeholder<TFloat32>> inputs = new ArrayList<>();
        for (int i = 0; i < summary.inputs().size(); i++) {
            String name = summary.inputs().size() == 1 ? "input" : "input_" + i;
            inputs.add(tf.withName(name).placeholder(TFloat32.class,
                    Placeholder.shape(batchShape(summary.inputs().get(i).shape()))));
        }
        return inputs;
    }

    static Shape batchShape(TensorShape shape) {
        long[] dims = new long[shape.rank() + 1];
        dims[0] = -1;
        for (int i = 0; i < shape.rank(); i++) {
            dims[i + 1] = shape.dim(i);
        }
        return Shape.of(dims);
    }

    static boolean covers(ModelPenalty p, WeightSpec w) {
        return w.trainable() && p.covers(w.role());
    }
}
