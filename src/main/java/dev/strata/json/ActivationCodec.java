package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.ActivationLayer;
import dev.strata.spec.Layer;

/** Keras {@code Activation} layer. */
final class ActivationCodec implements LayerCodec {

    @Override
    public Layer read(Fields c) {
        LayerCommon.Common common = LayerCommon.read(c);
        if (!c.has("activation")) {
            throw c.ctx().invalid(c.at("activation"), "is required");
        }
        ActivationLayer layer = new ActivationLayer(common.name(),
                ActivationJson.read(c.ctx(), c.get("activation"), c.at("activation")));
        c.rejectUnknown("Activation config");
        return layer;
    }

    @Override
    public ObjectNode write(Layer layer, Dialect dialect) {
        ActivationLayer a = (ActivationLayer) layer;
        ObjectNode o = LayerCommon.write(a.name(), true, dialect);
        o.put("activation", a.activation().kerasName());
        return o;
    }

    @Override
    public boolean hasBuildConfig() {
        return false;
    }
}
