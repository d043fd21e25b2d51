package dev.strata.graph.kernels;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Moves the channel axis. TensorFlow's CPU kernels for convolution and pooling take channels-last only, so a
 * channels-first layer runs channels-last between two transposes: the same numbers, in another layout.
 */
final class Layouts {
    private Layouts() {
    }

    /** {@code (batch, C, d1, ..., dn)} to {@code (batch, d1, ..., dn, C)}; {@code rank} excludes the batch. */
    static Operand<TFloat32> toChannelsLast(Ops tf, Operand<TFloat32> x, int rank) {
        int[] perm = new int[rank + 1];
        for (int i = 1; i < rank; i++) {
            perm[i] = i + 1;
        }
        perm[rank] = 1;
        return tf.linalg.transpose(x, tf.constant(perm));
    }

    /** {@code (batch, d1, ..., dn, C)} to {@code (batch, C, d1, ..., dn)}. */
    static Operand<TFloat32> toChannelsFirst(Ops tf, Operand<TFloat32> x, int rank) {
        int[] perm = new int[rank + 1];
        perm[1] = rank;
        for (int i = 2; i <= rank; i++) {
            perm[i] = i - 1;
        }
        return tf.linalg.transpose(x, tf.constant(perm));
    }
}
