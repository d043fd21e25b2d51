package dev.strata.experiment;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Describe;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.WeightSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One regularization setting of a comparison: how it changes the model spec and the optimizer. The built-in
 * ones clear every regularizer slot of every layer (kernel, bias, gamma, depthwise, activity, ... and the
 * model-wide penalties), then put one penalty on every kernel slot, or switch on decoupled weight decay.
 */
public record Setting(String label, UnaryOperator<Sequential> spec, UnaryOperator<Optimizer> optimizer) {

    /** No regularization at all: every regularizer slot emptied, no model-wide penalty, no weight decay. */
    public static Setting none() {
        return new Setting("none", Setting::withoutRegularization, Setting::noDecay);
    }

    /** The given penalty on every kernel slot of every layer (kernel, depthwise, pointwise), nothing else. */
    public static Setting kernels(Regularizer r) {
        return new Setting(Describe.of(r), s -> withoutRegularization(s).mapLayers(l -> setSlots(l,
                f -> f.regularizes() == WeightSpec.Role.KERNEL, r)), Setting::noDecay);
    }

    /** Keras 3 decoupled weight decay on the optimizer, no penalty in the objective. */
    public static Setting weightDecay(double decay) {
        return new Setting(String.format(Locale.ROOT, "weight decay %s", decay), Setting::withoutRegularization,
                o -> withDecay(o, decay));
    }

    /** The spec as given, untouched. */
    public static Setting asIs(String label) {
        return new Setting(label, s -> s, o -> o);
    }

    private static Sequential withoutRegularization(Sequential s) {
        Sequential cleared = new Sequential(s.name(), s.inputShape(), s.layers(), List.of());
        return cleared.mapLayers(l -> setSlots(l, f -> true, null));
    }

    /** A copy of the layer with every regularizer slot the filter picks set to {@code r}. */
    private static Layer setSlots(Layer layer, Predicate<ConfigField<?>> pick, Regularizer r) {
        LayerType<?> type = layer.type();
        Map<ConfigField<?>, Object> values = new HashMap<>();
        for (ConfigField<?> f : type.fields()) {
            if (f.kind() == ConfigField.Kind.REGULARIZER && pick.test(f)) {
                values.put(f, r);
            }
        }
        return values.isEmpty() ? layer : type.withValues(layer, values);
    }

    private static Optimizer noDecay(Optimizer o) {
        return withDecay(o, 0);
    }

    private static Optimizer withDecay(Optimizer o, double decay) {
        return o.weightDecay(decay);
    }
}
