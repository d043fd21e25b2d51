package dev.strata.json;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.TensorShape;

import java.util.List;
import java.util.Locale;

/**
 * Size checks on shapes alone, before any weight exists: the parameter count against the configured limit,
 * and per-example tensor sizes against what an {@code int} dimension can hold.
 */
final class SizeLimits {
    private SizeLimits() {
    }

    static void check(ReadContext ctx, List<LayerSummary> rows, List<SpecErrors.Site> sites, JsonPath model) {
        long total = 0;
        LayerSummary largest = null;
        for (LayerSummary row : rows) {
            JsonPath at = row.index() < sites.size() ? sites.get(row.index()).entry() : model;
            for (TensorShape s : new TensorShape[] {row.inputShape(), row.outputShape()}) {
                if (s.size() > Integer.MAX_VALUE) {
                    throw ctx.error(JsonSpecException.Kind.TOO_LARGE, at, String.format(Locale.ROOT,
                            "layer '%s' handles %,d values per example %s, more than %,d", row.layer().name(),
                            s.size(), s, Integer.MAX_VALUE), "tensor size");
                }
            }
            // Each weight is at most 2^31 * 2^31 elements, so saturating keeps the sum meaningful.
            long params = row.paramCount();
            total = total > Long.MAX_VALUE - params ? Long.MAX_VALUE : total + params;
            if (largest == null || params > largest.paramCount()) {
                largest = row;
            }
        }
        long max = ctx.limits().maxParams();
        if (total > max) {
            JsonPath at = largest.index() < sites.size() ? sites.get(largest.index()).entry() : model;
            throw ctx.error(JsonSpecException.Kind.TOO_LARGE, at, String.format(Locale.ROOT,
                    "the model has %,d parameters, more than the limit of %,d (the largest layer, '%s', has %,d); "
                            + "raise the limit with ReaderLimits.withMaxParams if this is intended",
                    total, max, largest.layer().name(), largest.paramCount()), "parameter count");
        }
    }
}
