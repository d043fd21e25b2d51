package dev.strata.spec;

import java.util.Locale;

/**
 * How a loss turns its per-example values into the one number a training step minimizes: Keras 3's
 * {@code reduction} argument. Keras's {@code "none"} (and {@code None}) is not offered: it leaves a loss per
 * example, which Keras 3 then trains on as their sum while reporting their mean.
 */
public enum Reduction {
    /** The default: the sum of the per-example values divided by their count. */
    SUM_OVER_BATCH_SIZE("sum_over_batch_size"),
    /** Keras's alias of {@link #SUM_OVER_BATCH_SIZE}: the same number. */
    MEAN("mean"),
    /**
     * The sum divided by the sum of the sample weights; Strata takes no sample weights, and without them Keras
     * divides by the count, as {@link #MEAN}.
     */
    MEAN_WITH_SAMPLE_WEIGHT("mean_with_sample_weight"),
    /** The sum of the per-example values: the loss and its gradient grow with the batch size. */
    SUM("sum");

    private final String kerasName;

    Reduction(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }

    /** True when the per-example values are summed, not averaged. */
    public boolean sums() {
        return this == SUM;
    }

    /**
     * A Keras reduction name; {@code "auto"} (tf.keras 2's default) reads as {@link #SUM_OVER_BATCH_SIZE}.
     *
     * @throws SpecException for {@code "none"} (with the reason) and for unknown names
     */
    public static Reduction fromKerasName(String name) {
        String key = name == null ? "none" : name.toLowerCase(Locale.ROOT);
        if (key.equals("auto")) {
            return SUM_OVER_BATCH_SIZE;
        }
        for (Reduction r : values()) {
            if (r.kerasName.equals(key)) {
                return r;
            }
        }
        if (key.equals("none")) {
            throw new SpecException("reduction 'none' is not supported: it leaves one loss per example, and training "
                    + "needs one number (Keras 3 would train on their sum and report their mean); use 'sum' or "
                    + "'sum_over_batch_size'");
        }
        throw new SpecException("unknown reduction '" + name + "'; expected one of sum_over_batch_size, mean, "
                + "mean_with_sample_weight, sum");
    }
}
