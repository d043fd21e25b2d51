package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;

/**
 * Keras {@code Embedding}: row {@code i} of {@code embeddings (input_dim, output_dim)} for each token id {@code i}.
 * Strata feeds floats: ids are truncated to integers as Keras casts them, and a negative id counts from the end as
 * Keras's {@code take} does. With {@code mask_zero} the output carries a mask, false where the id is 0, which
 * recurrent layers respect. Built fluently: {@code Embedding.of(10000, 64).maskZero(true)}. Reads Keras 1's
 * {@code init}, {@code W_regularizer} and {@code W_constraint}, and Keras 1/2's {@code input_length}, checked
 * against the input's length as Keras 2 did (Keras 3 ignores it and does not write it).
 */
public record Embedding(String name, int inputDim, int outputDim, Initializer embeddingsInitializer,
                        Regularizer embeddingsRegularizer, Regularizer activityRegularizer,
                        Constraint embeddingsConstraint, boolean maskZero, Integer inputLength, boolean trainable)
        implements Layer {

    public static final ConfigField<Integer> INPUT_DIM = ConfigField.integer("input_dim").required().positive();
    public static final ConfigField<Integer> OUTPUT_DIM = ConfigField.integer("output_dim").required().positive();
    public static final ConfigField<Initializer> EMBEDDINGS_INITIALIZER = ConfigField.initializer(
            "embeddings_initializer").defaultsTo(new Initializer.RandomUniform(-0.05, 0.05, null)).alias("init");
    public static final ConfigField<Regularizer> EMBEDDINGS_REGULARIZER = ConfigField.regularizer(
            "embeddings_regularizer", WeightSpec.Role.KERNEL).alias("W_regularizer");
    public static final ConfigField<Constraint> EMBEDDINGS_CONSTRAINT = ConfigField.constraint("embeddings_constraint")
            .alias("W_constraint");
    public static final ConfigField<Boolean> MASK_ZERO = ConfigField.bool("mask_zero").defaultsTo(false);
    public static final ConfigField<Integer> INPUT_LENGTH = ConfigField.integer("input_length").nullable().positive()
            .omittedWhenNullInKeras3();

    public static final LayerType<Embedding> TYPE = LayerType.of(Embedding.class, "Embedding", "embedding",
                    INPUT_DIM, OUTPUT_DIM, EMBEDDINGS_INITIALIZER, EMBEDDINGS_REGULARIZER, ACTIVITY_REGULARIZER,
                    EMBEDDINGS_CONSTRAINT, MASK_ZERO, INPUT_LENGTH)
            .fixed("dropout", "Keras 1's embedding dropout (whole rows dropped in training)", 0, (Object) null)
            .fixed("sparse", "sparse gradients for the embeddings", false, null)
            .fixed("quantization_config", "quantized embeddings", (Object) null)
            .fixed("lora_rank", "LoRA adapters", (Object) null)
            .fixed("lora_alpha", "LoRA adapters", (Object) null)
            .fixed("weights", "initial weights in the config; load them from a checkpoint", (Object) null);

    /** A table of {@code outputDim}-wide vectors for ids {@code 0 .. inputDim - 1}. */
    public static Embedding of(int inputDim, int outputDim) {
        return TYPE.make(INPUT_DIM, inputDim, OUTPUT_DIM, outputDim);
    }

    @Override
    public LayerType<Embedding> type() {
        return TYPE;
    }

    public Embedding name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Embedding withName(String name) {
        return name(name);
    }

    public Embedding embeddingsInitializer(Initializer initializer) {
        return TYPE.with(this, EMBEDDINGS_INITIALIZER, initializer);
    }

    public Embedding embeddingsRegularizer(Regularizer regularizer) {
        return TYPE.with(this, EMBEDDINGS_REGULARIZER, regularizer);
    }

    public Embedding activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public Embedding embeddingsConstraint(Constraint constraint) {
        return TYPE.with(this, EMBEDDINGS_CONSTRAINT, constraint);
    }

    public Embedding maskZero(boolean maskZero) {
        return TYPE.with(this, MASK_ZERO, maskZero);
    }

    public Embedding inputLength(Integer inputLength) {
        return TYPE.with(this, INPUT_LENGTH, inputLength);
    }

    public Embedding trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    /** {@code input + (output_dim)}; a given {@code input_length} must match the input's first axis. */
    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() < 1) {
            throw new InvalidSpecException(where, "input", "Embedding needs inputs of rank >= 2 (batch, ids...). "
                    + "Received input shape " + input);
        }
        if (inputLength != null && input.dim(0) != TensorShape.UNKNOWN && input.dim(0) != inputLength) {
            throw new InvalidSpecException(where, "input_length", "is " + inputLength + ", but the input has shape "
                    + input);
        }
        int[] dims = new int[input.rank() + 1];
        System.arraycopy(input.dims(), 0, dims, 0, input.rank());
        dims[input.rank()] = outputDim;
        return TensorShape.of(dims);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return List.of(WeightSlots.kernel("embeddings", new int[] {inputDim, outputDim}, this, embeddingsInitializer,
                embeddingsRegularizer, "embeddings_regularizer", embeddingsConstraint));
    }
}
