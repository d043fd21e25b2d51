package dev.strata.graph;

import dev.strata.spec.WeightSpec;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A resource variable of the model: its handle, the single read every consumer in the graph shares (so
 * gradients with respect to that read are the gradients of the weight), and the spec it came from.
 *
 * @param name {@code layer/weight}, for example {@code dense_1/kernel}
 */
public record ModelVariable(String name, String layerName, WeightSpec spec, Operand<?> handle,
                            Operand<TFloat32> value) {
}
