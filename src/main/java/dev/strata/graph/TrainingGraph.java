package dev.strata.graph;

import dev.strata.spec.ModelSummary;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.TrainingConfig.OutputTraining;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The TRAIN-mode graph of a model: a training forward pass (dropout on, batch statistics, state updates) with the
 * data loss of each output, every regularization term and the optimizer update, plus an evaluation pass (dropout
 * off, moving statistics) over the same variables for {@code evaluate}. Built by {@link GraphCompiler#training};
 * owns its {@link Graph}.
 *
 * <p>{@link #trainStats()} and {@link #evalStats()} pack every reported value into one vector, so a step costs a
 * single fetch; {@link #statBlocks()} says where each value sits (see {@link Objective}).
 */
public final class TrainingGraph implements AutoCloseable {
    /** Position of each value in the stats vectors. */
    public static final int TOTAL = Objective.TOTAL;
    public static final int DATA = Objective.DATA;
    public static final int REGULARIZATION = Objective.REGULARIZATION;

    /** The graph's parts the session feeds and fetches. */
    record Parts(List<Placeholder<TFloat32>> inputs, List<Placeholder<TFloat32>> targets,
                 List<OutputTraining> outputs, List<ModelVariable> variables, List<RegularizationTerm> terms,
                 List<RegularizationTerm> evalTerms, Objective train, Objective eval, List<Operand<TFloat32>> evalOutputs,
                 Op trainStep, Map<String, StateSlot> state, Op assignState, Operand<TInt64> step,
                 Placeholder<TInt64> stepFeed, Op assignStep, Operand<TFloat32> learningRate, Op emaFinalize) {
    }

    private final Graph graph;
    private final ModelSummary summary;
    private final TrainingConfig config;
    private final Parts p;

    TrainingGraph(Graph graph, ModelSummary summary, TrainingConfig config, Parts parts) {
        this.graph = graph;
        this.summary = summary;
        this.config = config;
        this.p = parts;
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

    /** One placeholder per model input, in the model's order. */
    public List<Placeholder<TFloat32>> inputs() {
        return p.inputs();
    }

    /** The first input's placeholder. */
    public Placeholder<TFloat32> input() {
        return p.inputs().get(0);
    }

    /** One target placeholder per model output, in the model's order. */
    public List<Placeholder<TFloat32>> targets() {
        return p.targets();
    }

    /** The first output's target placeholder. */
    public Placeholder<TFloat32> target() {
        return p.targets().get(0);
    }

    /** Each output's name, loss, weight and metrics. */
    public List<OutputTraining> outputs() {
        return p.outputs();
    }

    /** All model weights, trainable or not, in layer order. */
    public List<ModelVariable> variables() {
        return p.variables();
    }

    /** The penalties of the training pass, in Keras {@code model.losses} order (activity first, then weights). */
    public List<RegularizationTerm> regularizationTerms() {
        return p.terms();
    }

    /** The same penalties with activity terms taken on the evaluation pass (dropout off). */
    public List<RegularizationTerm> evaluationTerms() {
        return p.evalTerms();
    }

    public Operand<TFloat32> dataLoss() {
        return p.train().data();
    }

    public Operand<TFloat32> regularizationLoss() {
        return p.train().regularization();
    }

    /** The training objective: the weighted data losses plus every regularization term. */
    public Operand<TFloat32> totalLoss() {
        return p.train().total();
    }

    public Operand<TFloat32> trainStats() {
        return p.train().stats();
    }

    public Operand<TFloat32> evalStats() {
        return p.eval().stats();
    }

    /** What each entry of the stats vectors is (the same layout for training and evaluation). */
    public List<StatBlock> statBlocks() {
        return p.train().blocks();
    }

    /** Predictions of the evaluation pass (dropout off), one per output. */
    public List<Operand<TFloat32>> evalOutputs() {
        return p.evalOutputs();
    }

    /** The evaluation pass's first output. */
    public Operand<TFloat32> evalOutput() {
        return p.evalOutputs().get(0);
    }

    /** Runs one optimizer update (and advances the step counter). */
    public Op trainStep() {
        return p.trainStep();
    }

    /** Every key a training epoch logs (losses, then metrics), without the {@code val_} copies. */
    public List<String> logKeys() {
        List<String> keys = new ArrayList<>();
        statBlocks().forEach(b -> keys.add(b.key()));
        return keys;
    }

    /** Log keys of the metrics, in stats-vector order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (StatBlock b : statBlocks()) {
            if (b.metric() != null) {
                names.add(b.key());
            }
        }
        return names;
    }

    /**
     * Every float variable of the training state: model weights, optimizer slots, moving averages and the learning
     * rate (without a schedule).
     */
    public Map<String, StateSlot> state() {
        return p.state();
    }

    /** Runs every state assign; feed each slot's placeholder. */
    public Op assignState() {
        return p.assignState();
    }

    public Operand<TInt64> step() {
        return p.step();
    }

    public Placeholder<TInt64> stepFeed() {
        return p.stepFeed();
    }

    public Op assignStep() {
        return p.assignStep();
    }

    /**
     * The learning rate the next step uses: the learning-rate variable, or the schedule's value at the current
     * step.
     */
    public Operand<TFloat32> learningRate() {
        return p.learningRate();
    }

    /**
     * Replaces every trainable weight by its moving average (Keras's {@code finalize_variable_values}); null unless
     * the optimizer has {@code use_ema}.
     */
    public Op emaFinalize() {
        return p.emaFinalize();
    }

    /** Name of the learning-rate slot in {@link #state()}; absent when the optimizer has a schedule. */
    public static String learningRateSlot() {
        return GraphCompiler.LEARNING_RATE;
    }

    @Override
    public void close() {
        graph.close();
    }
}
