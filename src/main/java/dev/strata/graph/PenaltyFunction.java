package dev.strata.graph;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The math of a custom regularizer: a scalar penalty of a weight (or layer output), built with ordinary
 * TensorFlow ops so its gradient comes from the graph. Register it with {@link Penalties#register}.
 */
@FunctionalInterface
public interface PenaltyFunction {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Map<String, Double> config);
}
