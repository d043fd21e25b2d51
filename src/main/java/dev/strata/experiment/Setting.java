package dev.strata.experiment;

import dev.strata.spec.Checks;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Describe;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.LayerType;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.Dropout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One regularization setting of a comparison: how it changes the model spec and the optimizer. The built-in
 * ones clear every regularizer slot of every layer (kernel, bias, gamma, depthwise, activity, ... and the
 * model-wide penalties), then put one penalty on every kernel slot, switch on decoupled weight decay, or add
 * max-norm constraints and dropout.
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

    /**
     * Srivastava et al. (2014): dropout after every hidden layer and a max-norm constraint on each unit's incoming
     * weights. Every regularizer slot is emptied; every layer with a {@code kernel_constraint} slot gets
     * {@code MaxNorm(maxNorm)} over all kernel axes but the last (for a Dense kernel axis 0, the weights feeding
     * each unit; for a convolution the kernel window and input channels), and all but the last such layer are
     * followed by {@code Dropout(rate)}. No weight decay. The paper's values are a norm of 3 to 4 and a rate of 0.5.
     */
    public static Setting maxNormDropout(double maxNorm, double rate) {
        // The layers' own checks, before any spec is touched.
        Checks.nonNegativeFinite("Setting.maxNormDropout", "max_value", maxNorm);
        Checks.inHalfOpenUnit("Setting.maxNormDropout", "rate", rate);
        return new Setting(String.format(Locale.ROOT, "max-norm %s + dropout %s", maxNorm, rate),
                s -> withMaxNormAndDropout(withoutRegularization(s), maxNorm, rate), Setting::noDecay);
    }

    /** The spec as given, untouched. */
    public static Setting asIs(String label) {
        return new Setting(label, s -> s, o -> o);
    }

    private static Sequential withoutRegularization(Sequential s) {
        Sequential cleared = new Sequential(s.name(), s.inputShape(), s.layers(), List.of());
        return cleared.mapLayers(l -> setSlots(l, f -> true, null));
    }

    private static Sequential withMaxNormAndDropout(Sequential s, double maxNorm, double rate) {
        List<LayerSummary> rows = s.summary().layers();
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            last = kernelConstraint(rows.get(i).layer()) != null ? i : last;
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LayerSummary row = rows.get(i);
            Layer layer = row.layer();
            ConfigField<?> slot = kernelConstraint(layer);
            if (slot == null) {
                layers.add(layer);
                continue;
            }
            int rank = row.weights().stream().filter(w -> w.name().equals("kernel")).findFirst()
                    .map(w -> w.shape().length).orElse(2);
            int[] axes = new int[Math.max(rank - 1, 1)];
            for (int a = 0; a < axes.length; a++) {
                axes[a] = a;
            }
            layers.add(layer.type().withValues(layer, Map.of(slot, Constraint.maxNorm(maxNorm).axis(axes))));
            if (i != last) {
                layers.add(Dropout.rate(rate));
            }
        }
        return new Sequential(s.name(), s.inputShape(), layers, s.penalties());
    }

    private static ConfigField<?> kernelConstraint(Layer layer) {
        for (ConfigField<?> f : layer.type().fields()) {
            if (f.kind() == ConfigField.Kind.CONSTRAINT && f.key().equals("kernel_constraint")) {
                return f;
            }
        }
        return null;
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
