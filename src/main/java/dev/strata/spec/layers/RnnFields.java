package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.WeightSpec.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The config fields, shape rule and weights SimpleRNN, LSTM and GRU share, with the Keras 1 spellings Keras 2 still
 * read ({@code output_dim}, {@code inner_init}, {@code inner_activation}, {@code U_regularizer}, {@code dropout_W},
 * {@code dropout_U}).
 */
public final class RnnFields {
    private RnnFields() {
    }

    public static final ConfigField<Integer> UNITS = ConfigField.integer("units").required().positive()
            .alias("output_dim");
    public static final ConfigField<Activation> ACTIVATION = ConfigField.activation("activation")
            .defaultsTo(Activation.TANH);
    public static final ConfigField<Activation> RECURRENT_ACTIVATION = ConfigField.activation("recurrent_activation")
            .defaultsTo(Activation.SIGMOID).alias("inner_activation");
    public static final ConfigField<Initializer> RECURRENT_INITIALIZER = ConfigField.initializer(
            "recurrent_initializer").defaultsTo(Initializer.orthogonal()).alias("inner_init");
    public static final ConfigField<Regularizer> RECURRENT_REGULARIZER = ConfigField.regularizer(
            "recurrent_regularizer", Role.KERNEL).alias("U_regularizer");
    public static final ConfigField<Constraint> RECURRENT_CONSTRAINT = ConfigField.constraint("recurrent_constraint")
            .alias("U_constraint");
    /** Keras clips rates into [0, 1]; Strata refuses a rate of 1, which would divide by zero. */
    public static final ConfigField<Double> DROPOUT = ConfigField.number("dropout").defaultsTo(0.0)
            .range(0, false, 1, true).alias("dropout_W");
    public static final ConfigField<Double> RECURRENT_DROPOUT = ConfigField.number("recurrent_dropout")
            .defaultsTo(0.0).range(0, false, 1, true).alias("dropout_U");
    public static final ConfigField<Boolean> RETURN_SEQUENCES = ConfigField.bool("return_sequences")
            .defaultsTo(false);
    public static final ConfigField<Boolean> RETURN_STATE = ConfigField.bool("return_state").defaultsTo(false);
    public static final ConfigField<Boolean> GO_BACKWARDS = ConfigField.bool("go_backwards").defaultsTo(false);
    /** Accepted either way: Strata always unrolls (see the kernels), which is what {@code unroll=True} asks. */
    public static final ConfigField<Boolean> UNROLL = ConfigField.bool("unroll").defaultsTo(false);
    /** tf.keras 2's recurrent layers take no seed: the Keras 2 dialect leaves a null one out. */
    public static final ConfigField<Long> SEED = CommonFields.SEED.keras3Only();
    public static final ConfigField<Boolean> ZERO_OUTPUT_FOR_MASK = ConfigField.bool("zero_output_for_mask")
            .defaultsTo(false);

    /**
     * The keys every recurrent layer reads without modelling them. The kernels set the output mask themselves
     * (the input's with {@code return_sequences}, none otherwise), so the type does not pass masks on.
     */
    static <L extends Recurrent> LayerType<L> common(LayerType<L> type) {
        return type.fixed("stateful", "stateful RNNs (the state carried from one batch to the next)", false)
                .fixed("time_major", "time-major inputs (steps before batch)", false)
                .ignores("implementation", "Keras's choice of kernel (fused or per gate); the math is the same")
                .ignores("consume_less", "Keras 1's choice of kernel; the math is the same")
                .ignores("use_cudnn", "Keras's choice of a cuDNN kernel; the math is the same");
    }

    /**
     * Keras's rule: {@code (steps, units)} with {@code return_sequences}, else {@code (units)}; with
     * {@code return_state} the states follow, each {@code (units)}.
     */
    static List<TensorShape> outputShapes(Recurrent rnn, TensorShape input, String where) {
        checkInput(rnn, input, where);
        List<TensorShape> out = new ArrayList<>();
        out.add(rnn.returnSequences() ? TensorShape.of(input.dim(0), rnn.units()) : TensorShape.of(rnn.units()));
        if (rnn.returnState()) {
            for (int i = 0; i < rnn.stateCount(); i++) {
                out.add(TensorShape.of(rnn.units()));
            }
        }
        return out;
    }

    /** The one output of a Sequential layer: Keras's Sequential refuses layers with several outputs too. */
    static TensorShape outputShape(Recurrent rnn, TensorShape input, String where) {
        List<TensorShape> all = outputShapes(rnn, input, where);
        if (all.size() > 1) {
            throw new InvalidSpecException(where, "return_state", "return_state=True gives " + all.size()
                    + " tensors (the output, then each state); a model built as a chain of layers takes one tensor "
                    + "from each layer, as Keras's Sequential does");
        }
        return all.get(0);
    }

    static void checkInput(Recurrent rnn, TensorShape input, String where) {
        String what = rnn.kerasClassName();
        if (input.rank() != 2) {
            throw new InvalidSpecException(where, "input", what + " needs inputs of rank 3 (batch, steps, features)."
                    + " Received input shape " + input);
        }
        Shapes.requireKnownLast(input, where, what);
    }

    /**
     * {@code kernel (features, gates * units)}, {@code recurrent_kernel (units, gates * units)}, then {@code bias}
     * of {@code biasShape}, each with its slot's regularizer and constraint, in Keras's order.
     */
    static List<WeightSpec> weights(Recurrent rnn, TensorShape input, int[] biasShape, Initializer biasInit) {
        int width = rnn.gates() * rnn.units();
        List<WeightSpec> w = new ArrayList<>(3);
        w.add(WeightSlots.kernel("kernel", new int[] {input.dim(-1), width}, rnn, rnn.kernelInitializer(),
                rnn.kernelRegularizer(), "kernel_regularizer", rnn.kernelConstraint()));
        w.add(WeightSlots.kernel("recurrent_kernel", new int[] {rnn.units(), width}, rnn,
                rnn.recurrentInitializer(), rnn.recurrentRegularizer(), "recurrent_regularizer",
                rnn.recurrentConstraint()));
        if (rnn.useBias()) {
            w.add(WeightSpec.of("bias", Role.BIAS, biasShape, biasInit, rnn.trainable())
                    .regularized(rnn.biasRegularizer(), "bias_regularizer").constrained(rnn.biasConstraint()));
        }
        return w;
    }

    static void validate(Recurrent rnn, String where) {
        WeightSlots.checkBias(where, rnn.useBias(), rnn.biasRegularizer(), rnn.biasConstraint());
    }
}
