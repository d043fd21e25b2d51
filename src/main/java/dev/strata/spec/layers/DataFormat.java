package dev.strata.spec.layers;

import dev.strata.spec.KerasEnum;
import java.util.List;

/** Where the channel axis is: last ({@code (batch, ..., channels)}, Keras's default) or first. */
public enum DataFormat implements KerasEnum {
    CHANNELS_LAST("channels_last", "tf"),
    CHANNELS_FIRST("channels_first", "th");

    private final String kerasName;
    private final String keras1Name;

    DataFormat(String kerasName, String keras1Name) {
        this.kerasName = kerasName;
        this.keras1Name = keras1Name;
    }

    @Override
    public String kerasName() {
        return kerasName;
    }

    /** Keras 1 {@code dim_ordering}: {@code tf} and {@code th}. */
    @Override
    public List<String> aliases() {
        return List.of(keras1Name);
    }
}
