package dev.strata.graph;

import dev.strata.spec.Activation;
import dev.strata.spec.Regularizer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One forward pass through the model.
 *
 * @param outputs the model outputs, in the model's order; each remembers the logits of a final softmax or sigmoid,
 *     from which Keras 3 computes a probability crossentropy
 * @param activityOutputs each layer output that carries an activity regularizer, with its term's name
 * @param stateUpdates the state assignments the pass asks for (training only)
 */
record Tower(List<Flow> outputs, List<ActivityOutput> activityOutputs, List<StateUpdate> stateUpdates) {

    Tower {
        outputs = List.copyOf(outputs);
        activityOutputs = List.copyOf(activityOutputs);
    }

    /** The first output. */
    Operand<TFloat32> output() {
        return outputs.get(0).value();
    }

    /** The logits behind the first output's softmax or sigmoid, or null. */
    Operand<TFloat32> logits() {
        return outputs.get(0).logits();
    }

    Activation outputActivation() {
        return outputs.get(0).logitsOf();
    }

    /**
     * A layer output (after activation) with the regularizer Keras applies to it.
     *
     * @param layerName the layer's path ({@code dense}, or {@code encoder/dense} inside a nested model)
     * @param termName the penalty term's name ({@code dense/activity_regularizer})
     * @param scope the term's scope within the pass
     */
    record ActivityOutput(String layerName, String termName, String scope, Regularizer regularizer,
                          Operand<TFloat32> value) {
    }
}
