package dev.strata.spec.layers;

import dev.strata.spec.Layer;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * The shape rule of Keras's elementwise merges ({@code Add}, {@code Multiply}, ...): called on a list of one or
 * more tensors, broadcast as Keras's {@code Merge} base class broadcasts them. Keras 3 accepts a list of one.
 */
interface ElementwiseMerge extends Layer {

    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        throw MergeShapes.notOneInput(where, kerasClassName(), input);
    }

    @Override
    default List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        MergeShapes.requireCount(inputs, 1, Integer.MAX_VALUE, where, kerasClassName());
        return List.of(MergeShapes.elementwise(inputs, where, kerasClassName()));
    }
}
