package dev.strata.spec.layers;

import dev.strata.spec.KerasEnum;

/** The built-in modes of Keras 1's {@link Merge}, each computed as the Keras 3 layer named. */
public enum MergeMode implements KerasEnum {
    /** {@link Add}. */
    SUM("sum"),
    /** {@link Multiply}. */
    MUL("mul"),
    /** {@link Concatenate} along {@code concat_axis}. */
    CONCAT("concat"),
    /** {@link Average}. */
    AVE("ave"),
    /** {@link Maximum}. */
    MAX("max"),
    /** {@link Dot} over {@code dot_axes}. */
    DOT("dot"),
    /** {@link Dot} over {@code dot_axes} with {@code normalize=True}: the cosine similarity. */
    COS("cos");

    private final String kerasName;

    MergeMode(String kerasName) {
        this.kerasName = kerasName;
    }

    @Override
    public String kerasName() {
        return kerasName;
    }
}
