package dev.strata.json;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.SizeLimits;
import java.util.List;

/**
 * {@link SizeLimits} for a model file, with the reader's parameter limit and the error at the layer's JSON path.
 * The compiler checks the same caps again for specs built in Java.
 */
final class JsonSizeLimits {
    private JsonSizeLimits() {
    }

    static void check(ReadContext ctx, List<LayerSummary> rows, List<SpecErrors.Site> sites, JsonPath model) {
        SizeLimits.Violation v = SizeLimits.find(rows, ctx.limits().maxParams(),
                "raise the limit with ReaderLimits.withMaxParams (and ModelOptions.maxParams to compile it)");
        if (v != null) {
            int at = v.row().index();
            throw ctx.error(JsonSpecException.Kind.TOO_LARGE, at < sites.size() ? sites.get(at).entry() : model,
                    v.problem(), v.what());
        }
    }
}
