package dev.strata.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A float variable of a graph that can be read and written whole: fetch {@code read}, or feed {@code feed}
 * and run {@code assign}.
 *
 * @param initial the value every element starts from when the slot is not a weight (optimizer state: 0 for
 *     moments, Adagrad's and Ftrl's initial accumulator, 1 for Nadam's momentum product, the learning rate)
 */
public record StateSlot(String name, long[] shape, Operand<?> handle, Operand<TFloat32> read,
                        Placeholder<TFloat32> feed, Op assign, float initial) {
}
