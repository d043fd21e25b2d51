package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Flatten;
import dev.strata.spec.Layer;

/** Keras {@code Flatten}; {@code channels_first} would transpose before flattening, which Strata does not do. */
final class FlattenCodec implements LayerCodec {

    @Override
    public Layer read(Fields c) {
        LayerCommon.Common common = LayerCommon.read(c);
        String format = c.string("data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw c.ctx().unsupported(c.at("data_format"), "Flatten data_format '" + format
                    + "' is not supported; only channels_last", "data_format");
        }
        c.rejectUnknown("Flatten config");
        return new Flatten(common.name());
    }

    @Override
    public ObjectNode write(Layer layer, Dialect dialect) {
        ObjectNode o = LayerCommon.write(layer.name(), true, dialect);
        o.put("data_format", "channels_last");
        return o;
    }
}
