package dev.strata.graph;

import dev.strata.spec.ModelSummary;
import dev.strata.spec.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The TRAIN-mode graph of a model: a training forward pass (dropout on) with the data loss, every
 * regularization term and the optimizer update, plus an evaluation pass (dropout off) over the same
 * variables for {@code evaluate}. Built by {@link GraphCompiler#training}; owns its {@link Graph}.
 *
 * <p>{@link #trainStats()} and {@link #evalStats()} pack {@code [total, data, regularization]} and then one
 * block per metric into one vector, so a step costs a single fetch: a mean metric's block is the batch sum of
 * its per-example values, a confusion metric's the batch's counts (AUC: tp, fp, tn, fn per threshold); see
 * {@link MetricOps#statsWidth}.
 */
public final class TrainingGraph implements AutoCloseable {
    /** Position of each value in the stats vectors. */
    public static final int TOTAL = 0;
    public static final int DATA = 1;
    public static final int REGULARIZATION = 2;
    public static final int FIRST_METRIC = 3;

    private final Graph graph;
    private final ModelSummary summary;
    private final TrainingConfig config;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> target;
    private final List<ModelVariable> variables;
    private final List<RegularizationTerm> terms;
    private final List<RegularizationTerm> evalTerms;
    private final Operand<TFloat32> dataLoss;
    private final Operand<TFloat32> regularizationLoss;
    private final Operand<TFloat32> totalLoss;
    private final Operand<TFloat32> trainStats;
    private final Operand<TFloat32> evalStats;
    private final Operand<TFloat32> evalOutput;
    private final Op trainStep;
    private final List<String> metricNames;
    private final Map<String, StateSlot> state;
    private final Op assignState;
    private final Operand<TInt64> step;
    private final Placeholder<TInt64> stepFeed;
    private final Op assignStep;

    TrainingGraph(Graph graph, ModelSummary summary, TrainingConfig config, Placeholder<TFloat32> input,
                  Placeholder<TFloat32> target, List<ModelVariable> variables, List<RegularizationTerm> terms,
                  List<RegularizationTerm> evalTerms, Operand<TFloat32> dataLoss,
                  Operand<TFloat32> regularizationLoss, Operand<TFloat32> totalLoss, Operand<TFloat32> trainStats,
                  Operand<TFloat32> evalStats, Operand<TFloat32> evalOutput, Op trainStep, List<String> metricNames,
                  Map<String, StateSlot> state, Op assignState, Operand<TInt64> step,
                  Placeholder<TInt64> stepFeed, Op assignStep) {
        this.graph = graph;
        this.summary = summary;
        this.config = config;
        this.input = input;
        this.target = target;
        this.variables = List.copyOf(variables);
        this.terms = List.copyOf(terms);
        this.evalTerms = List.copyOf(evalTerms);
        this.dataLoss = dataLoss;
        this.regularizationLoss = regularizationLoss;
        this.totalLoss = totalLoss;
        this.trainStats = trainStats;
        this.evalStats = evalStats;
        this.evalOutput = evalOutput;
        this.trainStep = trainStep;
        this.metricNames = List.copyOf(metricNames);
        this.state = state;
        this.assignState = assignState;
        this.step = step;
        this.stepFeed = stepFeed;
        this.assignStep = assignStep;
    }

    public Graph graph() {
        return graph;
    }

    public ModelSummary summary() {
        return summary;
    }

    public TrainingConfig config() {
        return config;
    }

    public Placeholder<TFloat32> input() {
        return input;
    }

    public Placeholder<TFloat32> target() {
        return target;
    }

    /** All model weights, trainable or not, in layer order. */
    public List<ModelVariable> variables() {
        return variables;
    }

    /** The penalties of the training pass, in Keras {@code model.losses} order (activity first, then weights). */
    public List<RegularizationTerm> regularizationTerms() {
        return terms;
    }

    /** The same penalties with activity terms taken on the evaluation pass (dropout off). */
    public List<RegularizationTerm> evaluationTerms() {
        return evalTerms;
    }

    public Operand<TFloat32> dataLoss() {
        return dataLoss;
    }

    public Operand<TFloat32> regularizationLoss() {
        return regularizationLoss;
    }

    /** The training objective: data loss plus every regularization term. */
    public Operand<TFloat32> totalLoss() {
        return totalLoss;
    }

    public Operand<TFloat32> trainStats() {
        return trainStats;
    }

    public Operand<TFloat32> evalStats() {
        return evalStats;
    }

    /** Predictions of the evaluation pass (dropout off). */
    public Operand<TFloat32> evalOutput() {
        return evalOutput;
    }

    /** Runs one optimizer update (and advances the step counter). */
    public Op trainStep() {
        return trainStep;
    }

    /** Keras names of the metrics in the stats vectors, from {@link #FIRST_METRIC} on. */
    public List<String> metricNames() {
        return metricNames;
    }

    /** Every float variable of the training state: model weights, optimizer slots, learning rate. */
    public Map<String, StateSlot> state() {
        return state;
    }

    /** Runs every state assign; feed each slot's placeholder. */
    public Op assignState() {
        return assignState;
    }

    public Operand<TInt64> step() {
        return step;
    }

    public Placeholder<TInt64> stepFeed() {
        return stepFeed;
    }

    public Op assignStep() {
        return assignStep;
    }

    /** Name of the learning-rate slot in {@link #state()}. */
    public static String learningRateSlot() {
        return GraphCompiler.LEARNING_RATE;
    }

    @Override
    public void close() {
        graph.close();
    }
}
