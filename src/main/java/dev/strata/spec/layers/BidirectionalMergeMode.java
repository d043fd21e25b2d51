package dev.strata.spec.layers;

import dev.strata.spec.KerasEnum;

/** How {@link Bidirectional} combines its two directions; Keras's {@code None} (both, separately) is Java null. */
public enum BidirectionalMergeMode implements KerasEnum {
    CONCAT("concat"),
    SUM("sum"),
    MUL("mul"),
    AVE("ave");

    private final String kerasName;

    BidirectionalMergeMode(String kerasName) {
        this.kerasName = kerasName;
    }

    @Override
    public String kerasName() {
        return kerasName;
    }
}
