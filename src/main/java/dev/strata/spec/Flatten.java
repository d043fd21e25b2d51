package dev.strata.spec;

/** Keras {@code Flatten}: reshapes each example to one dimension. */
public record Flatten(String name) implements Layer {

    public static Flatten create() {
        return new Flatten(null);
    }

    public Flatten name(String name) {
        return new Flatten(name);
    }

    @Override
    public Flatten withName(String name) {
        return name(name);
    }

    @Override
    public String kerasClassName() {
        return "Flatten";
    }

    @Override
    public String namePrefix() {
        return "flatten";
    }

    @Override
    public void validate(String where) {
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (!input.isFullyDefined()) {
            throw new InvalidSpecException(where, "input",
                    "Flatten needs every non-batch dimension defined. Received input shape " + input);
        }
        long size = Math.max(1, input.size());
        if (size > Integer.MAX_VALUE) {
            throw new InvalidSpecException(where, "input", "Flatten would make " + size
                    + " values per example, more than a dimension can hold (2^31 - 1). Received input shape " + input);
        }
        return TensorShape.of((int) size);
    }
}
