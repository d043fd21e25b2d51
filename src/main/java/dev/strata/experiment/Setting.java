package dev.strata.experiment;

import dev.strata.spec.Dense;
import dev.strata.spec.Describe;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Sequential;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One regularization setting of a comparison: how it changes the model spec and the optimizer. The built-in
 * ones replace the kernel regularizer of every Dense layer, or switch on decoupled weight decay.
 */
public record Setting(String label, UnaryOperator<Sequential> spec, UnaryOperator<Optimizer> optimizer) {

    /** No regularization at all: every kernel, bias and activity regularizer removed, no weight decay. */
    public static Setting none() {
        return new Setting("none", s -> s.mapLayers(l -> l instanceof Dense d
                ? d.kernelRegularizer(null).biasRegularizer(null).activityRegularizer(null) : l), Setting::noDecay);
    }

    /** The given penalty on every Dense kernel (replacing any there), nothing else. */
    public static Setting kernels(Regularizer r) {
        return new Setting(Describe.of(r), s -> none().spec().apply(s).mapLayers(l -> l instanceof Dense d
                ? d.kernelRegularizer(r) : l), Setting::noDecay);
    }

    /** Keras 3 decoupled weight decay on the optimizer, no penalty in the objective. */
    public static Setting weightDecay(double decay) {
        return new Setting(String.format(Locale.ROOT, "weight decay %s", decay), s -> none().spec().apply(s),
                o -> withDecay(o, decay));
    }

    /** The spec as given, untouched. */
    public static Setting asIs(String label) {
        return new Setting(label, s -> s, o -> o);
    }

    private static Optimizer noDecay(Optimizer o) {
        return withDecay(o, 0);
    }

    private static Optimizer withDecay(Optimizer o, double decay) {
        if (o instanceof Optimizer.Sgd sgd) {
            return sgd.weightDecay(decay);
        }
        return ((Optimizer.Adam) o).weightDecay(decay);
    }
}
