package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Dropout;
import dev.strata.spec.Layer;

/** Keras {@code Dropout}; Keras 1 called the rate {@code p}. */
final class DropoutCodec implements LayerCodec {

    @Override
    public Layer read(Fields c) {
        LayerCommon.Common common = LayerCommon.read(c);
        if (!c.has("rate") && !c.has("p")) {
            throw c.ctx().invalid(c.at("rate"), "is required (the fraction of inputs to drop)");
        }
        double rate = c.has("rate") ? c.number("rate", 0) : c.number("p", 0);
        c.requireNull("noise_shape", "dropout masks shared across axes");
        Long seed = c.seed("seed");
        Dropout d = new Dropout(common.name(), rate, seed);
        c.rejectUnknown("Dropout config");
        return d;
    }

    @Override
    public ObjectNode write(Layer layer, Dialect dialect) {
        Dropout d = (Dropout) layer;
        ObjectNode o = LayerCommon.write(d.name(), true, dialect);
        o.put("rate", d.rate());
        if (dialect == Dialect.KERAS3) {
            o.set("seed", Json.seed(d.seed()));
            o.putNull("noise_shape");
        } else {
            o.putNull("noise_shape");
            o.set("seed", Json.seed(d.seed()));
        }
        return o;
    }

    @Override
    public boolean hasBuildConfig() {
        return false;
    }
}
