package dev.strata.spec;

import java.util.List;
import java.util.Locale;

/**
 * Size caps checked on shapes alone, before any weight exists, however a spec was made (fluent builders or a
 * model file): the total parameter count against a configurable limit, each weight against what one Java array
 * holds, and each per-example tensor against what an {@code int} dimension holds. Without them
 * {@code Dense.units(2147483647)} on 784 inputs reached weight sampling as a negative array size and a 1 x
 * (2^31 - 1) kernel as an {@link OutOfMemoryError}.
 */
public final class SizeLimits {
    /** 1 GB of float32: VGG16 (138M) fits, a hostile file cannot ask for more. */
    public static final long DEFAULT_MAX_PARAMS = 250_000_000L;
    /** The most elements a Java array may have on common JVMs; every weight is drawn into one, datasets are one. */
    public static final long MAX_ARRAY_VALUES = Integer.MAX_VALUE - 8;

    private SizeLimits() {
    }

    /**
     * A limit a model breaks.
     *
     * @param row the layer at fault: the one too large, or for the total the largest layer
     * @param what a short name of the quantity (tensor size, weight size, parameter count)
     * @param problem the message, with the numbers
     */
    public record Violation(LayerSummary row, String what, String problem) {
    }

    /**
     * The first limit {@code rows} break, or null; {@code raiseHint} says how to raise {@code maxParams}. The total
     * comes before the size of one array, which only matters once the limit is raised past it.
     */
    public static Violation find(List<LayerSummary> rows, long maxParams, String raiseHint) {
        long total = 0;
        LayerSummary largest = null;
        long largestParams = -1;
        for (LayerSummary row : rows) {
            for (TensorShape s : new TensorShape[] {row.inputShape(), row.outputShape()}) {
                if (s.size() > Integer.MAX_VALUE) {
                    return new Violation(row, "tensor size", String.format(Locale.ROOT,
                            "layer '%s' handles %,d values per example %s, more than %,d", row.layer().name(),
                            s.size(), s, Integer.MAX_VALUE));
                }
            }
            long params = 0;
            for (WeightSpec w : row.weights()) {
                params = plus(params, values(w.shape()));
            }
            total = plus(total, params);
            if (params > largestParams) {
                largest = row;
                largestParams = params;
            }
        }
        if (total > maxParams) {
            return new Violation(largest, "parameter count", String.format(Locale.ROOT,
                    "the model has %s parameters, more than the limit of %,d (the largest layer, '%s', has %s); "
                            + "%s if this is intended", count(total), maxParams, largest.layer().name(),
                    count(largestParams), raiseHint));
        }
        for (LayerSummary row : rows) {
            for (WeightSpec w : row.weights()) {
                long n = values(w.shape());
                if (n > MAX_ARRAY_VALUES) {
                    return new Violation(row, "weight size", String.format(Locale.ROOT,
                            "layer '%s' has a weight '%s' of shape %s: %s values, more than one array holds (%,d)",
                            row.layer().name(), w.name(), java.util.Arrays.toString(w.shape()), count(n),
                            MAX_ARRAY_VALUES));
                }
            }
        }
        return null;
    }

    /** Saturating sum of two counts. */
    private static long plus(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** Throws the first violation as an {@link InvalidSpecException} naming the layer. */
    public static void check(ModelSummary summary, long maxParams, String raiseHint) {
        Violation v = find(summary.layers(), maxParams, raiseHint);
        if (v != null) {
            throw new InvalidSpecException(v.row().where(), null, v.problem());
        }
    }

    /** The product of {@code dims}, saturating at {@link Long#MAX_VALUE} (a 5-D kernel of 2^31 dims overflows). */
    static long values(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d != 0 && n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= d;
        }
        return n;
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "2^63 or more" : String.format(Locale.ROOT, "%,d", n);
    }
}
