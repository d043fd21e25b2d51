package dev.strata.graph;

import dev.strata.spec.ModelSummary;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The INFER-mode graph: the input placeholder {@code input}, the model variables, the forward pass with
 * dropout absent, and {@code output}. It holds no loss, regularization, optimizer or dropout op; the only
 * other ops are the {@code io/} assigns that load weights. Owns its {@link Graph}.
 */
public final class InferenceGraph implements AutoCloseable {
    private final Graph graph;
    private final ModelSummary summary;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;
    private final List<ModelVariable> variables;
    private final Map<String, StateSlot> weights;
    private final Op assignWeights;

    InferenceGraph(Graph graph, ModelSummary summary, Placeholder<TFloat32> input, Operand<TFloat32> output,
                   List<ModelVariable> variables, Map<String, StateSlot> weights, Op assignWeights) {
        this.graph = graph;
        this.summary = summary;
        this.input = input;
        this.output = output;
        this.variables = List.copyOf(variables);
        this.weights = weights;
        this.assignWeights = assignWeights;
    }

    public Graph graph() {
        return graph;
    }

    public ModelSummary summary() {
        return summary;
    }

    public Placeholder<TFloat32> input() {
        return input;
    }

    public Operand<TFloat32> output() {
        return output;
    }

    public List<ModelVariable> variables() {
        return variables;
    }

    /** One slot per model weight, to load trained values. */
    public Map<String, StateSlot> weights() {
        return weights;
    }

    public Op assignWeights() {
        return assignWeights;
    }

    @Override
    public void close() {
        graph.close();
    }
}
