package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import java.util.List;

/**
 * What the recurrent layers ({@link SimpleRNN}, {@link LSTM}, {@link GRU}) share: Keras's {@code RNN} arguments,
 * and the cell's size. {@link Bidirectional} wraps any of them.
 */
public sealed interface Recurrent extends Layer permits SimpleRNN, LSTM, GRU {

    int units();

    Activation activation();

    boolean useBias();

    Initializer kernelInitializer();

    Initializer recurrentInitializer();

    Regularizer kernelRegularizer();

    Regularizer recurrentRegularizer();

    Regularizer biasRegularizer();

    Constraint kernelConstraint();

    Constraint recurrentConstraint();

    Constraint biasConstraint();

    /** Fraction of the inputs dropped in training, one mask per sequence (the same at every step). */
    double dropout();

    /** Fraction of the previous output dropped in training, one mask per sequence. */
    double recurrentDropout();

    Long seed();

    boolean returnSequences();

    boolean returnState();

    boolean goBackwards();

    boolean unroll();

    /** Masked steps output zeros instead of the last unmasked output ({@link Bidirectional} sets it). */
    boolean zeroOutputForMask();

    /** Blocks in the kernels' last axis: 1 (SimpleRNN), 4 (LSTM: i, f, c, o), 3 (GRU: z, r, h). */
    int gates();

    /** States the cell carries: 2 for LSTM (h, c), else 1. */
    default int stateCount() {
        return 1;
    }

    /** The sequence, then optionally {@link #stateCount()} initial states of shape (units): {@code initial_state}. */
    @Override
    default List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        if (inputs.size() != 1) {
            TensorShape state = TensorShape.of(units());
            boolean states = inputs.size() == 1 + stateCount()
                    && inputs.subList(1, inputs.size()).stream().allMatch(state::equals);
            if (!states) {
                throw new InvalidSpecException(where, "initial_state", kerasClassName() + " takes a sequence and, "
                        + "as initial_state, " + stateCount() + " tensor(s) of shape " + state + ". Received "
                        + inputs);
            }
        }
        return RnnFields.outputShapes(this, inputs.get(0), where);
    }

    @Override
    default String extraInputsKeyword() {
        return "initial_state";
    }

    @Override
    default TensorShape outputShape(TensorShape input, String where) {
        return RnnFields.outputShape(this, input, where);
    }

    /** A copy with other Keras RNN arguments, as {@link Bidirectional} derives its two directions. */
    Recurrent withDirection(String name, boolean goBackwards, boolean zeroOutputForMask);
}
