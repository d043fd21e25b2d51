package dev.strata.graph;

import dev.strata.spec.Activation;
import dev.strata.spec.Regularizer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One forward pass through the model.
 *
 * @param output the model output
 * @param logits the input of the output activation when that activation is softmax or sigmoid, else null;
 *     Keras 3 computes a probability crossentropy from these logits
 * @param outputActivation softmax or sigmoid when {@code logits} is set, else null
 * @param activityOutputs each layer output that carries an activity regularizer
 * @param stateUpdates the state assignments the pass asks for (training only)
 */
record Tower(Operand<TFloat32> output, Operand<TFloat32> logits, Activation outputActivation,
             List<ActivityOutput> activityOutputs, List<StateUpdate> stateUpdates) {

    /** A layer output (after activation) with the regularizer Keras applies to it. */
    record ActivityOutput(String layerName, Regularizer regularizer, Operand<TFloat32> value) {
    }
}
