package dev.strata.graph;

import dev.strata.spec.Regularizer;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One penalty in the training objective, like an entry of Keras {@code model.losses}, with the name it
 * has in the graph (for example {@code dense_1/kernel_regularizer}).
 */
public record RegularizationTerm(String name, String layer, Kind kind, Regularizer regularizer,
                                 Operand<TFloat32> value) {

    /** What the penalty is applied to. */
    public enum Kind {
        KERNEL, BIAS, ACTIVITY, MODEL;

        /** Keras attribute name: {@code kernel_regularizer}, ... */
        public String attribute() {
            return switch (this) {
                case KERNEL -> "kernel_regularizer";
                case BIAS -> "bias_regularizer";
                case ACTIVITY -> "activity_regularizer";
                case MODEL -> "model_penalty";
            };
        }
    }
}
