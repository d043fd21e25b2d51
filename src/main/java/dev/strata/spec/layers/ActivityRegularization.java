package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.L1L2;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;

/**
 * Keras {@code ActivityRegularization}: the identity, whose output carries an {@code L1L2(l1, l2)} activity
 * penalty (divided by the batch size, like every activity penalty), in training and in evaluation as in Keras 3.
 * Keras writes {@code l1} and {@code l2}, never the {@code activity_regularizer} they make.
 */
public record ActivityRegularization(String name, double l1, double l2) implements Layer {

    public static final ConfigField<Double> L1 = ConfigField.number("l1").defaultsTo(0.0).atLeast(0);
    public static final ConfigField<Double> L2 = ConfigField.number("l2").defaultsTo(0.0).atLeast(0);

    public static final LayerType<ActivityRegularization> TYPE = LayerType.of(ActivityRegularization.class,
            "ActivityRegularization", "activity_regularization", L1, L2).withoutBuildConfig()
            .passingMasks();

    public static ActivityRegularization of(double l1, double l2) {
        return TYPE.make(L1, l1, L2, l2);
    }

    @Override
    public LayerType<ActivityRegularization> type() {
        return TYPE;
    }

    public ActivityRegularization name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public ActivityRegularization withName(String name) {
        return name(name);
    }

    public ActivityRegularization l1(double l1) {
        return TYPE.with(this, L1, l1);
    }

    public ActivityRegularization l2(double l2) {
        return TYPE.with(this, L2, l2);
    }

    @Override
    public Regularizer activityRegularizer() {
        return new L1L2(l1, l2); // Keras adds the term even when both factors are 0
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
