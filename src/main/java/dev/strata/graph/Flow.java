package dev.strata.graph;

import dev.strata.spec.Activation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A tensor flowing between layers, with what Keras 3 remembers about it: when the tensor is a softmax or sigmoid
 * of some logits (Keras's {@code _keras_logits}), a crossentropy on it is computed from those logits; and its mask
 * (Keras's {@code _keras_mask}), a boolean per time step that an {@code Embedding(mask_zero=True)} sets and
 * recurrent layers and pooling respect. A layer that returns its input unchanged (dropout at inference) keeps
 * both; a new tensor loses the logits, and keeps the mask only when the layer type propagates masks.
 *
 * @param logits the input of the softmax or sigmoid that produced {@code value}, else null
 * @param logitsOf {@link Activation#SOFTMAX} or {@link Activation#SIGMOID} when {@code logits} is set, else null
 * @param mask a boolean tensor of shape (batch, steps), or null
 */
public record Flow(Operand<TFloat32> value, Operand<TFloat32> logits, Activation logitsOf, Operand<TBool> mask) {

    /** A plain tensor. */
    public static Flow of(Operand<TFloat32> value) {
        return new Flow(value, null, null, null);
    }

    /** {@code activation(pre)}, remembering {@code pre} as logits when the activation is softmax or sigmoid. */
    public static Flow activated(Ops tf, Activation activation, Operand<TFloat32> pre) {
        Operand<TFloat32> out = Activations.apply(tf, activation, pre);
        boolean keepsLogits = activation == Activation.SOFTMAX || activation == Activation.SIGMOID;
        return keepsLogits ? new Flow(out, pre, activation, null) : of(out);
    }

    /** The same tensor with another mask (null: none). */
    public Flow withMask(Operand<TBool> newMask) {
        return new Flow(value, logits, logitsOf, newMask);
    }
}
