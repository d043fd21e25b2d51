package dev.strata.spec;

import java.util.Locale;

/**
 * An enum whose constants are written in Keras JSON by a string ({@code "same"}, {@code "channels_last"}); the
 * generic layer codec reads and writes every such field through this interface.
 */
public interface KerasEnum {

    /** The string Keras writes, for example {@code valid}. */
    String kerasName();

    /** Older spellings Keras still reads, for example Keras 1's {@code th} for {@code channels_first}. */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** The constant of {@code type} Keras writes as {@code name} (case-insensitive, aliases included), or null. */
    static <E extends Enum<E> & KerasEnum> E lookup(Class<E> type, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.kerasName().equals(key) || e.aliases().contains(key)) {
                return e;
            }
        }
        return null;
    }

    /** The Keras names of every constant, for messages: {@code 'valid', 'same'}. */
    static String names(Class<? extends KerasEnum> type) {
        StringBuilder sb = new StringBuilder();
        for (KerasEnum e : type.getEnumConstants()) {
            sb.append(sb.length() > 0 ? ", " : "").append('\'').append(e.kerasName()).append('\'');
        }
        return sb.toString();
    }
}
