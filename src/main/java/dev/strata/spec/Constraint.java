package dev.strata.spec;

/**
 * A projection applied to a weight after every optimizer update, as Keras 3 applies {@code kernel_constraint}
 * and its siblings: {@code w = constraint(w)}. The norms are taken over {@code axis} of the weight (Keras's
 * default 0: for a Dense kernel, the weights feeding each unit). Formulas are Keras 3's, with
 * {@code epsilon = 1e-7}.
 */
public sealed interface Constraint {

    /** The Keras class name written to JSON, for example {@code MaxNorm}. */
    String kerasClassName();

    static MaxNorm maxNorm(double maxValue) {
        return new MaxNorm(maxValue, IntTuple.of(0));
    }

    static NonNeg nonNeg() {
        return new NonNeg();
    }

    static UnitNorm unitNorm() {
        return new UnitNorm(IntTuple.of(0));
    }

    static MinMaxNorm minMaxNorm(double minValue, double maxValue) {
        return new MinMaxNorm(minValue, maxValue, 1.0, IntTuple.of(0));
    }

    /** Keras defaults: {@code max_value=2}, {@code axis=0}: {@code w * clip(norm, 0, max) / (eps + norm)}. */
    record MaxNorm(double maxValue, IntTuple axis) implements Constraint {
        public MaxNorm {
            Checks.nonNegativeFinite("MaxNorm constraint", "max_value", maxValue);
            Checks.notNull("MaxNorm constraint", "axis", axis);
        }

        public MaxNorm axis(int... axes) {
            return new MaxNorm(maxValue, IntTuple.of(axes));
        }

        public String kerasClassName() {
            return "MaxNorm";
        }
    }

    /** {@code max(w, 0)}. */
    record NonNeg() implements Constraint {
        public String kerasClassName() {
            return "NonNeg";
        }
    }

    /** {@code w / (eps + norm)}. */
    record UnitNorm(IntTuple axis) implements Constraint {
        public UnitNorm {
            Checks.notNull("UnitNorm constraint", "axis", axis);
        }

        public String kerasClassName() {
            return "UnitNorm";
        }
    }

    /** {@code w * (rate * clip(norm, min, max) + (1 - rate) * norm) / (eps + norm)}. */
    record MinMaxNorm(double minValue, double maxValue, double rate, IntTuple axis) implements Constraint {
        public MinMaxNorm {
            Checks.nonNegativeFinite("MinMaxNorm constraint", "min_value", minValue);
            Checks.nonNegativeFinite("MinMaxNorm constraint", "max_value", maxValue);
            if (minValue > maxValue) {
                throw new InvalidSpecException("MinMaxNorm constraint", "min_value",
                        "must not exceed max_value. Received: min_value=" + minValue + ", max_value=" + maxValue);
            }
            Checks.nonNegativeFinite("MinMaxNorm constraint", "rate", rate);
            Checks.notNull("MinMaxNorm constraint", "axis", axis);
        }

        public String kerasClassName() {
            return "MinMaxNorm";
        }
    }
}
