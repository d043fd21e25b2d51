package dev.strata.spec;

/**
 * How a weight gets its first value, with Keras's names, defaults and seeds. A {@code null} seed means
 * "derive one from the model seed", which keeps every run reproducible (Keras would draw a fresh one).
 */
public sealed interface Initializer {

    /** The Keras class name written to JSON, for example {@code GlorotUniform}. */
    String kerasClassName();

    static Initializer glorotUniform() {
        return new GlorotUniform(null);
    }

    static Initializer glorotNormal() {
        return new GlorotNormal(null);
    }

    static Initializer heNormal() {
        return new HeNormal(null);
    }

    static Initializer heUniform() {
        return new HeUniform(null);
    }

    static Initializer lecunNormal() {
        return new LecunNormal(null);
    }

    static Initializer lecunUniform() {
        return new LecunUniform(null);
    }

    static Initializer zeros() {
        return new Zeros();
    }

    static Initializer ones() {
        return new Ones();
    }

    static Initializer constant(double value) {
        return new Constant(value);
    }

    /** Keras {@code Orthogonal} with gain 1: an orthogonal matrix (rows or columns orthonormal), as for recurrent kernels. */
    static Initializer orthogonal() {
        return new Orthogonal(1.0, null);
    }

    /**
     * Keras {@code Orthogonal}: the Q of a QR decomposition of a normal matrix, signs fixed by R's diagonal, shaped
     * (product of all but the last dimension, last dimension), times {@code gain}. Needs rank >= 2.
     */
    record Orthogonal(double gain, Long seed) implements Initializer {
        public Orthogonal {
            Checks.positiveFinite("Orthogonal initializer", "gain", gain);
        }

        public String kerasClassName() {
            return "Orthogonal";
        }
    }

    /**
     * Not a Keras class: a vector whose consecutive blocks come from different initializers, as Keras builds an
     * LSTM's bias with {@code unit_forget_bias} (input gate, forget gate ones, cell and output gates). Made by
     * layers for their weights; never read from or written to JSON.
     */
    record Blocks(java.util.List<Initializer> parts, java.util.List<Integer> widths) implements Initializer {
        public Blocks {
            parts = java.util.List.copyOf(parts);
            widths = java.util.List.copyOf(widths);
            if (parts.size() != widths.size() || parts.isEmpty()) {
                throw new IllegalArgumentException("one width per block, at least one block");
            }
        }

        public String kerasClassName() {
            return "Blocks";
        }
    }

    record Zeros() implements Initializer {
        public String kerasClassName() {
            return "Zeros";
        }
    }

    record Ones() implements Initializer {
        public String kerasClassName() {
            return "Ones";
        }
    }

    record Constant(double value) implements Initializer {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new InvalidSpecException("Constant initializer", "value", "must be finite. Received: value=" + value);
            }
        }

        public String kerasClassName() {
            return "Constant";
        }
    }

    /** Keras defaults: mean 0, stddev 0.05. */
    record RandomNormal(double mean, double stddev, Long seed) implements Initializer {
        public RandomNormal {
            Checks.nonNegativeFinite("RandomNormal initializer", "stddev", stddev);
        }

        public String kerasClassName() {
            return "RandomNormal";
        }
    }

    /** Keras defaults: minval -0.05, maxval 0.05. */
    record RandomUniform(double minval, double maxval, Long seed) implements Initializer {
        public RandomUniform {
            if (!(minval <= maxval)) {
                throw new InvalidSpecException("RandomUniform initializer", "minval",
                        "must not exceed maxval. Received: minval=" + minval + ", maxval=" + maxval);
            }
        }

        public String kerasClassName() {
            return "RandomUniform";
        }
    }

    /** Normal truncated at two standard deviations; Keras defaults: mean 0, stddev 0.05. */
    record TruncatedNormal(double mean, double stddev, Long seed) implements Initializer {
        public TruncatedNormal {
            Checks.nonNegativeFinite("TruncatedNormal initializer", "stddev", stddev);
        }

        public String kerasClassName() {
            return "TruncatedNormal";
        }
    }

    /** Keras {@code VarianceScaling}: scale / fan, fan chosen by mode. */
    record VarianceScaling(double scale, FanMode mode, Distribution distribution, Long seed) implements Initializer {
        public VarianceScaling {
            Checks.positiveFinite("VarianceScaling initializer", "scale", scale);
            Checks.notNull("VarianceScaling initializer", "mode", mode);
            Checks.notNull("VarianceScaling initializer", "distribution", distribution);
        }

        public String kerasClassName() {
            return "VarianceScaling";
        }
    }

    enum FanMode {
        FAN_IN("fan_in"), FAN_OUT("fan_out"), FAN_AVG("fan_avg");

        private final String kerasName;

        FanMode(String kerasName) {
            this.kerasName = kerasName;
        }

        public String kerasName() {
            return kerasName;
        }

        public static FanMode fromKerasName(String name) {
            for (FanMode m : values()) {
                if (m.kerasName.equals(name)) {
                    return m;
                }
            }
            throw new SpecException("unknown VarianceScaling mode '" + name + "'; known: fan_in, fan_out, fan_avg");
        }
    }

    enum Distribution {
        TRUNCATED_NORMAL("truncated_normal"), UNTRUNCATED_NORMAL("untruncated_normal"), UNIFORM("uniform");

        private final String kerasName;

        Distribution(String kerasName) {
            this.kerasName = kerasName;
        }

        public String kerasName() {
            return kerasName;
        }

        public static Distribution fromKerasName(String name) {
            if ("normal".equals(name)) {
                return TRUNCATED_NORMAL; // Keras 2 spelling of the same distribution
            }
            for (Distribution d : values()) {
                if (d.kerasName.equals(name)) {
                    return d;
                }
            }
            throw new SpecException("unknown VarianceScaling distribution '" + name
                    + "'; known: truncated_normal, untruncated_normal, uniform");
        }
    }

    /** The named variance-scaling presets; each is exactly a {@link VarianceScaling}. */
    sealed interface Preset extends Initializer {
        Long seed();

        VarianceScaling asVarianceScaling();
    }

    record GlorotUniform(Long seed) implements Preset {
        public String kerasClassName() {
            return "GlorotUniform";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(1.0, FanMode.FAN_AVG, Distribution.UNIFORM, seed);
        }
    }

    record GlorotNormal(Long seed) implements Preset {
        public String kerasClassName() {
            return "GlorotNormal";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(1.0, FanMode.FAN_AVG, Distribution.TRUNCATED_NORMAL, seed);
        }
    }

    record HeNormal(Long seed) implements Preset {
        public String kerasClassName() {
            return "HeNormal";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(2.0, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed);
        }
    }

    record HeUniform(Long seed) implements Preset {
        public String kerasClassName() {
            return "HeUniform";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(2.0, FanMode.FAN_IN, Distribution.UNIFORM, seed);
        }
    }

    record LecunNormal(Long seed) implements Preset {
        public String kerasClassName() {
            return "LecunNormal";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(1.0, FanMode.FAN_IN, Distribution.TRUNCATED_NORMAL, seed);
        }
    }

    record LecunUniform(Long seed) implements Preset {
        public String kerasClassName() {
            return "LecunUniform";
        }

        public VarianceScaling asVarianceScaling() {
            return new VarianceScaling(1.0, FanMode.FAN_IN, Distribution.UNIFORM, seed);
        }
    }
}
