package dev.strata.graph;

import dev.strata.spec.Regularizer;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One penalty in the training objective, like an entry of Keras {@code model.losses}, named after the layer and
 * the Keras slot it came from (for example {@code dense_1/kernel_regularizer}).
 *
 * @param weight the weight the penalty reads ({@code layer/weight}), null for an activity penalty
 */
public record RegularizationTerm(String name, String layer, Kind kind, Regularizer regularizer,
                                 Operand<TFloat32> value, String weight) {

    /** What the penalty is applied to. */
    public enum Kind {
        /** A kernel of any kind (dense, convolution, depthwise, pointwise, PReLU alpha). */
        KERNEL,
        BIAS,
        /** A normalization parameter (gamma, beta). */
        NORMALIZATION,
        /** A layer output. */
        ACTIVITY,
        /** A model-wide penalty's term on one weight. */
        MODEL
    }
}
