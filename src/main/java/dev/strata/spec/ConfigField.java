package dev.strata.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One argument of a Keras layer, declared once as data: its Keras key, how Keras writes its value (the kind),
 * its default, the older spellings Keras still reads, and the range Keras accepts. The generic JSON codec reads
 * and writes every layer from these declarations, the spec checks every value against them, and the fluent API
 * sets them by field: {@code TYPE.with(this, STRIDES, IntTuple.of(2, 2))}.
 *
 * @param <T> the Java type of the value (the type of the record component of the same name)
 */
public final class ConfigField<T> {

    /** How a value is written in Keras JSON. */
    public enum Kind {
        /** An integer. */
        INT,
        /** An int or a tuple of ints ({@code kernel_size=3} or {@code (3, 3)}), held as an {@link IntTuple}. */
        INTS,
        /**
         * Per-dimension (before, after) pairs ({@code padding=1}, {@code (1, 2)} or {@code ((1, 1), (2, 2))}), held
         * as an {@link IntTuple} of {@code 2 * rank} entries: before and after of each dimension in turn.
         */
        INT_PAIRS,
        /** A number. */
        FLOAT,
        /** A number or a nested list of numbers ({@code scale=0.5} or {@code [0.5, 0.2]}): a {@link NumberArray}. */
        NUMBERS,
        /** Sizes or nulls ({@code noise_shape=(None, 1, 1)}), held as an {@link IntTuple}, null as -1. */
        DIMS,
        BOOL,
        /** A string constant of a {@link KerasEnum}. */
        ENUM,
        ACTIVATION,
        INITIALIZER,
        REGULARIZER,
        CONSTRAINT,
        /** An integer seed or null. */
        SEED,
        /** A whole layer, as wrappers hold one ({@code Bidirectional}'s {@code layer}, {@code TimeDistributed}'s). */
        LAYER,
        /** A whole model used as a layer ({@link NestedModel}); the model readers and writers handle it. */
        MODEL
    }

    private final String key;
    private final Kind kind;
    private final Class<?> enumType;
    private final int rank;
    private final T defaultValue;
    private final boolean required;
    private final boolean nullable;
    private final List<String> aliases;
    private final List<String> splitAliases;
    private final double min;
    private final double max;
    private final boolean minOpen;
    private final boolean maxOpen;
    private final WeightSpec.Role regularizes;
    private final Writing writing;

    /**
     * How the value is written where dialects differ.
     * @param singleAsInt a one-entry tuple is written as a plain int ({@code axis=-1})
     * @param omitNullInKeras3 Keras 3 leaves the key out when the value is null
     * @param keras3Only tf.keras 2 does not know the key (ZeroPadding1D's data_format): Keras 2 leaves it out
     * @param keras2Key the key tf.keras 2 reads instead ({@code alpha} for LeakyReLU's {@code negative_slope})
     */
    private record Writing(boolean singleAsInt, boolean omitNullInKeras3, boolean keras3Only, String keras2Key) {
    }

    private ConfigField(String key, Kind kind, Class<?> enumType, int rank, T defaultValue, boolean required,
                        boolean nullable, List<String> aliases, List<String> splitAliases, double min, double max,
                        boolean minOpen, boolean maxOpen, WeightSpec.Role regularizes, Writing writing) {
        this.key = key;
        this.kind = kind;
        this.enumType = enumType;
        this.rank = rank;
        this.defaultValue = defaultValue;
        this.required = required;
        this.nullable = nullable;
        this.aliases = List.copyOf(aliases);
        this.splitAliases = List.copyOf(splitAliases);
        this.min = min;
        this.max = max;
        this.minOpen = minOpen;
        this.maxOpen = maxOpen;
        this.regularizes = regularizes;
        this.writing = writing;
    }

    private static <T> ConfigField<T> make(String key, Kind kind, Class<?> enumType, int rank, T dflt, boolean nullable) {
        return new ConfigField<>(key, kind, enumType, rank, dflt, false, nullable, List.of(), List.of(),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, null, new Writing(false, false, false, null));
    }

    public static ConfigField<Integer> integer(String key) {
        return make(key, Kind.INT, null, 0, null, false);
    }

    /** An int or a tuple of {@code rank} ints ({@code rank} 0: any length, and an int is refused). */
    public static ConfigField<IntTuple> ints(String key, int rank) {
        return make(key, Kind.INTS, null, rank, null, false);
    }

    /** (before, after) pairs for {@code dims} dimensions. */
    public static ConfigField<IntTuple> intPairs(String key, int dims) {
        return make(key, Kind.INT_PAIRS, null, dims, null, false);
    }

    public static ConfigField<Double> number(String key) {
        return make(key, Kind.FLOAT, null, 0, null, false);
    }

    public static ConfigField<NumberArray> numbers(String key) {
        return make(key, Kind.NUMBERS, null, 0, null, false);
    }

    public static ConfigField<IntTuple> dims(String key) {
        return make(key, Kind.DIMS, null, 0, null, false);
    }

    public static ConfigField<Boolean> bool(String key) {
        return make(key, Kind.BOOL, null, 0, null, false);
    }

    public static <E extends Enum<E> & KerasEnum> ConfigField<E> choice(String key, Class<E> type) {
        return make(key, Kind.ENUM, type, 0, null, false);
    }

    public static ConfigField<Activation> activation(String key) {
        return make(key, Kind.ACTIVATION, null, 0, Activation.LINEAR, false);
    }

    public static ConfigField<Initializer> initializer(String key) {
        return make(key, Kind.INITIALIZER, null, 0, null, false);
    }

    /**
     * A regularizer slot, null by default.
     *
     * @param regularizes the role of the weight it penalizes, or null for the layer output (activity)
     */
    public static ConfigField<Regularizer> regularizer(String key, WeightSpec.Role regularizes) {
        return new ConfigField<>(key, Kind.REGULARIZER, null, 0, null, false, true, List.of(), List.of(),
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, regularizes,
                new Writing(false, false, false, null));
    }

    public static ConfigField<Constraint> constraint(String key) {
        return make(key, Kind.CONSTRAINT, null, 0, null, true);
    }

    public static ConfigField<Long> seed(String key) {
        return make(key, Kind.SEED, null, 0, null, true);
    }

    /** A model used as a layer. */
    static ConfigField<ModelSpec> model(String key) {
        return make(key, Kind.MODEL, null, 0, null, false);
    }

    /** A nested layer (a wrapper's); required unless a default is given. */
    public static ConfigField<Layer> layer(String key) {
        return make(key, Kind.LAYER, null, 0, null, false);
    }

    private ConfigField<T> copy(T dflt, boolean req, boolean nul, List<String> al, List<String> split, double lo,
                                double hi, boolean loOpen, boolean hiOpen, Writing w) {
        return new ConfigField<>(key, kind, enumType, rank, dflt, req, nul, al, split, lo, hi, loOpen, hiOpen,
                regularizes, w);
    }

    /** The value a layer gets when the argument is not given. */
    public ConfigField<T> defaultsTo(T value) {
        return copy(value, required, nullable, aliases, splitAliases, min, max, minOpen, maxOpen, writing);
    }

    /** Keras has no default: a config without it is refused. */
    public ConfigField<T> required() {
        return copy(defaultValue, true, nullable, aliases, splitAliases, min, max, minOpen, maxOpen, writing);
    }

    /** Null is a valid value (Keras {@code None}). */
    public ConfigField<T> nullable() {
        return copy(defaultValue, required, true, aliases, splitAliases, min, max, minOpen, maxOpen, writing);
    }

    /** Older keys of the same argument, read when the Keras 3 key is absent ({@code W_regularizer}). */
    public ConfigField<T> alias(String... keys) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(List.of(keys));
        return copy(defaultValue, required, nullable, all, splitAliases, min, max, minOpen, maxOpen, writing);
    }

    /** Keras 1 wrote some tuples as one key per entry ({@code nb_row}, {@code nb_col} for {@code kernel_size}). */
    public ConfigField<T> splitAlias(String... keysPerEntry) {
        return copy(defaultValue, required, nullable, aliases, List.of(keysPerEntry), min, max, minOpen, maxOpen,
                writing);
    }

    /** Every number (each entry of a tuple) must be at least {@code lo}. */
    public ConfigField<T> atLeast(double lo) {
        return copy(defaultValue, required, nullable, aliases, splitAliases, lo, max, false, maxOpen, writing);
    }

    /** Every number (each entry of a tuple) must be positive. */
    public ConfigField<T> positive() {
        return copy(defaultValue, required, nullable, aliases, splitAliases, 0, max, true, maxOpen, writing);
    }

    /** Every number must lie between {@code lo} and {@code hi}, each end open or closed. */
    public ConfigField<T> range(double lo, boolean loOpen, double hi, boolean hiOpen) {
        return copy(defaultValue, required, nullable, aliases, splitAliases, lo, hi, loOpen, hiOpen, writing);
    }

    /** A one-entry tuple is written as a plain int, as Keras writes {@code axis=-1}. */
    public ConfigField<T> writeSingleAsInt() {
        return copy(defaultValue, required, nullable, aliases, splitAliases, min, max, minOpen, maxOpen,
                new Writing(true, writing.omitNullInKeras3(), writing.keras3Only(), writing.keras2Key()));
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The enum class of an {@link Kind#ENUM} field. */
    @SuppressWarnings("unchecked")
    public <E extends Enum<E> & KerasEnum> Class<E> enumType() {
        return (Class<E>) enumType;
    }

    /** Entries of an {@link Kind#INTS} tuple (0: any), or dimensions of an {@link Kind#INT_PAIRS} field. */
    public int rank() {
        return rank;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isNullable() {
        return nullable;
    }

    public List<String> aliases() {
        return aliases;
    }

    public List<String> splitAliases() {
        return splitAliases;
    }

    /** For a regularizer slot: the role of the weight it penalizes; null for the activity regularizer. */
    public WeightSpec.Role regularizes() {
        return regularizes;
    }

    /**
     * Keras 3 leaves the key out when the value is null (Dense's {@code activity_regularizer}, which only the base
     * layer writes, and only when set). Returns a new field.
     */
    public ConfigField<T> omittedWhenNullInKeras3() {
        return copy(defaultValue, required, nullable, aliases, splitAliases, min, max, minOpen, maxOpen,
                new Writing(writing.singleAsInt(), true, writing.keras3Only(), writing.keras2Key()));
    }

    /** tf.keras 2 has no such key: the Keras 2 dialect leaves it out when it holds its default. Returns a new field. */
    public ConfigField<T> keras3Only() {
        return copy(defaultValue, required, nullable, aliases, splitAliases, min, max, minOpen, maxOpen,
                new Writing(writing.singleAsInt(), writing.omitNullInKeras3(), true, writing.keras2Key()));
    }

    /** tf.keras 2 reads this argument under another key, which the Keras 2 dialect writes. Returns a new field. */
    public ConfigField<T> keras2Key(String key2) {
        return copy(defaultValue, required, nullable, aliases, splitAliases, min, max, minOpen, maxOpen,
                new Writing(writing.singleAsInt(), writing.omitNullInKeras3(), writing.keras3Only(), key2));
    }

    /** The key written in a dialect: the Keras 3 key, or tf.keras 2's own when it has one. */
    public String key(boolean keras2) {
        return keras2 && writing.keras2Key() != null ? writing.keras2Key() : key;
    }

    public boolean isOmittedWhenNullInKeras3() {
        return writing.omitNullInKeras3();
    }

    public boolean isKeras3Only() {
        return writing.keras3Only();
    }

    public boolean writesSingleAsInt() {
        return writing.singleAsInt();
    }

    /** The record component this field fills: {@code kernel_size} is {@code kernelSize}. */
    public String componentName() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_') {
                sb.append(i > 0 && key.charAt(i - 1) == '_' ? Character.toUpperCase(c) : c);
            }
        }
        return sb.toString();
    }

    /** Checks a value against the declaration; {@code where} names the layer in the message. */
    public void check(String where, Object value) {
        if (value == null) {
            if (!nullable) {
                throw new InvalidSpecException(where, key, required && defaultValue == null ? "is required"
                        : "must not be null");
            }
            return;
        }
        switch (kind) {
            case INT -> checkNumber(where, ((Integer) value).doubleValue(), value);
            case FLOAT -> checkNumber(where, (Double) value, value);
            case INTS, INT_PAIRS, DIMS -> checkTuple(where, (IntTuple) value);
            case NUMBERS -> Arrays.stream(((NumberArray) value).values()).forEach(v -> checkNumber(where, v, value));
            default -> {
            }
        }
    }

    private void checkTuple(String where, IntTuple t) {
        int want = kind == Kind.INT_PAIRS ? 2 * rank : rank;
        if (want > 0 && t.size() != want) {
            throw new InvalidSpecException(where, key, "must have " + (kind == Kind.INT_PAIRS ? rank
                    + " (before, after) pairs" : want + " entries") + ". Received: " + key + "=" + t);
        }
        for (int i = 0; i < t.size(); i++) {
            if (outOfRange(t.get(i))) {
                throw new InvalidSpecException(where, key, "entries " + rangeText() + ". Received: " + key + "=" + t);
            }
        }
    }

    private void checkNumber(String where, double v, Object shown) {
        if (Double.isNaN(v) || (kind != Kind.INT && Double.isInfinite(v)) || outOfRange(v)) {
            String range = rangeText();
            String what = kind == Kind.INT && minOpen && min == 0 && max == Double.POSITIVE_INFINITY
                    ? "must be a positive integer" : !range.isEmpty() ? range : "must be a finite number";
            throw new InvalidSpecException(where, key, what + ". Received: " + key + "=" + shown);
        }
    }

    private boolean outOfRange(double v) {
        return (minOpen ? v <= min : v < min) || (maxOpen ? v >= max : v > max);
    }

    private String rangeText() {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo && !hi) {
            return minOpen && min == 0 ? "must be positive" : "must be >= " + num(min);
        }
        if (hi && !lo) {
            return "must be " + (maxOpen ? "< " : "<= ") + num(max);
        }
        if (!lo) {
            return "";
        }
        return "must be in " + (minOpen ? "(" : "[") + num(min) + ", " + num(max) + (maxOpen ? ")" : "]");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    @Override
    public String toString() {
        return key + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }
}
