package dev.strata.spec;

/**
 * A valid functional model whose shape the compiler cannot build yet (several inputs or outputs, a tensor
 * feeding several layers). The spec itself is fine, so this is not an {@link InvalidSpecException}.
 */
public class UnsupportedGraphException extends SpecException {
    private final String layerName;

    public UnsupportedGraphException(String modelName, String layerName, String problem) {
        super("model '" + modelName + "': functional graph with branches/merges is not supported yet: " + problem);
        this.layerName = layerName;
    }

    /** The input or layer where the graph stops being a single chain, or null for a model-level reason. */
    public String layerName() {
        return layerName;
    }
}
