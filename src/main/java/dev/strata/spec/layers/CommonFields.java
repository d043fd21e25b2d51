package dev.strata.spec.layers;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.WeightSpec.Role;

/**
 * Config fields many layers share, declared once with Keras 3's defaults and the Keras 1 spellings Keras 2 still
 * read ({@code init}, {@code W_regularizer}, {@code b_regularizer}, {@code W_constraint}, {@code bias}).
 */
public final class CommonFields {
    private CommonFields() {
    }

    public static final ConfigField<Activation> ACTIVATION = ConfigField.activation("activation");
    public static final ConfigField<Boolean> USE_BIAS = ConfigField.bool("use_bias").defaultsTo(true).alias("bias");
    public static final ConfigField<Initializer> KERNEL_INITIALIZER = ConfigField.initializer("kernel_initializer")
            .defaultsTo(Initializer.glorotUniform()).alias("init");
    public static final ConfigField<Initializer> BIAS_INITIALIZER = ConfigField.initializer("bias_initializer")
            .defaultsTo(Initializer.zeros());
    public static final ConfigField<Regularizer> KERNEL_REGULARIZER = ConfigField.regularizer("kernel_regularizer",
            Role.KERNEL).alias("W_regularizer");
    public static final ConfigField<Regularizer> BIAS_REGULARIZER = ConfigField.regularizer("bias_regularizer",
            Role.BIAS).alias("b_regularizer");
    public static final ConfigField<Regularizer> ACTIVITY_REGULARIZER = ConfigField.regularizer(
            "activity_regularizer", null);
    public static final ConfigField<Constraint> KERNEL_CONSTRAINT = ConfigField.constraint("kernel_constraint")
            .alias("W_constraint");
    public static final ConfigField<Constraint> BIAS_CONSTRAINT = ConfigField.constraint("bias_constraint")
            .alias("b_constraint");
    public static final ConfigField<Long> SEED = ConfigField.seed("seed");
    public static final ConfigField<DataFormat> DATA_FORMAT = ConfigField.choice("data_format", DataFormat.class)
            .defaultsTo(DataFormat.CHANNELS_LAST).alias("dim_ordering");
    /** A dropout-like rate: Strata requires {@code rate < 1} (Keras accepts 1 and divides by zero). */
    public static final ConfigField<Double> RATE = ConfigField.number("rate").required().range(0, false, 1, true)
            .alias("p");
}
