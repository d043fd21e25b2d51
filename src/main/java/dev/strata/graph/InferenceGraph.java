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
 * The INFER-mode graph: the input placeholders ({@code input}, or {@code input_0}, {@code input_1}, ...), the
 * model variables, the forward pass with dropout absent, and the outputs ({@code output}, or {@code output_0},
 * ...). It holds no loss, regularization, optimizer or dropout op; the only
 * other ops are the {@code io/} assigns that load weights. Owns its {@link Graph}.
 */
public final class InferenceGraph implements AutoCloseable {
    private final Graph graph;
    private final ModelSummary summary;
    private final List<Placeholder<TFloat32>> inputs;
    private final List<Operand<TFloat32>> outputs;
    private final List<ModelVariable> variables;
    private final Map<String, StateSlot> weights;
    private final Op assignWeights;

    InferenceGraph(Graph graph, ModelSummary summary, List<Placeholder<TFloat32>> inputs,
                   List<Operand<TFloat32>> outputs, List<ModelVariable> variables, Map<String, StateSlot> weights,
                   Op assignWeights) {
        this.graph = graph;
        this.summary = summary;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
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

    /** The first input's placeholder ({@code input} for a one-input model). */
    public Placeholder<TFloat32> input() {
        return inputs.get(0);
    }

    /** One placeholder per model input, in the model's order. */
    public List<Placeholder<TFloat32>> inputs() {
        return inputs;
    }

    /** The first output ({@code output} for a one-output model). */
    public Operand<TFloat32> output() {
        return outputs.get(0);
    }

    /** One output per model output, in the model's order. */
    public List<Operand<TFloat32>> outputs() {
        return outputs;
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
