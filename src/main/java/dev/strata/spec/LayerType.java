package dev.strata.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a layer class is, as data: its Keras class name (and the older names Keras still reads), the prefix of
 * automatic names, and its config fields. A layer spec is a record whose components are {@code name}, one per
 * field (named after the Keras key in camel case) and optionally {@code trainable}; the type checks that shape
 * once, when it is defined, so every generic tool (JSON codec, fluent setters, validation, summaries) can rely
 * on it. Reflection here only ever touches registered spec classes, never a name read from a file.
 *
 * @param <L> the spec record
 */
public final class LayerType<L extends Layer> {
    private static final String NAME = "name";
    private static final String TRAINABLE = "trainable";

    private final Class<L> specClass;
    private final String kerasClassName;
    private final List<String> aliases;
    private final String namePrefix;
    private final List<ConfigField<?>> fields;
    private final RecordComponent[] components;
    private final Constructor<L> constructor;
    private final int nameIndex;
    private final int trainableIndex;
    private final Map<ConfigField<?>, Integer> componentOf;
    private final List<FixedKey> fixedKeys;
    private final boolean buildConfig;
    private final boolean trainableKey;
    private final boolean passesMask;

    /**
     * A Keras argument Strata reads but does not model: only the listed values are accepted (they mean what
     * Strata does anyway); any other value is refused with {@code why}. An empty list accepts any value.
     */
    public record FixedKey(String key, List<Object> accepted, String why, boolean written) {
        public FixedKey {
            accepted = Collections.unmodifiableList(new ArrayList<>(accepted));
        }
    }

    private LayerType(Class<L> specClass, String kerasClassName, List<String> aliases, String namePrefix,
                      List<ConfigField<?>> fields, List<FixedKey> fixedKeys, boolean buildConfig,
                      boolean trainableKey, boolean passesMask) {
        this.specClass = specClass;
        this.kerasClassName = kerasClassName;
        this.aliases = List.copyOf(aliases);
        this.namePrefix = namePrefix;
        this.fields = List.copyOf(fields);
        this.fixedKeys = List.copyOf(fixedKeys);
        this.buildConfig = buildConfig;
        this.trainableKey = trainableKey;
        this.passesMask = passesMask;
        if (!specClass.isRecord()) {
            throw new IllegalStateException(specClass.getName() + " must be a record to be a layer spec");
        }
        this.components = specClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            byName.put(components[i].getName(), i);
        }
        try {
            this.constructor = specClass.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(specClass.getName() + " has no canonical constructor", e);
        }
        Integer name = byName.get(NAME);
        if (name == null || components[name].getType() != String.class) {
            throw new IllegalStateException(specClass.getName() + " needs a String component 'name'");
        }
        this.nameIndex = name;
        Integer trainable = byName.get(TRAINABLE);
        if (trainable != null && components[trainable].getType() != boolean.class) {
            throw new IllegalStateException(specClass.getName() + ": component 'trainable' must be a boolean");
        }
        this.trainableIndex = trainable == null ? -1 : trainable;
        Map<ConfigField<?>, Integer> index = new HashMap<>();
        for (ConfigField<?> f : this.fields) {
            Integer c = byName.get(f.componentName());
            if (c == null) {
                throw new IllegalStateException(specClass.getName() + " has no component '" + f.componentName()
                        + "' for field " + f.key());
            }
            checkType(f, components[c].getType());
            index.put(f, c);
        }
        if (index.size() + 1 + (trainable == null ? 0 : 1) != components.length) {
            throw new IllegalStateException(specClass.getName() + ": every component but name and trainable must be "
                    + "a declared field");
        }
        this.componentOf = Collections.unmodifiableMap(index);
    }

    /** Declares a layer type; the fields must cover the record's components (name and trainable aside). */
    public static <L extends Layer> LayerType<L> of(Class<L> specClass, String kerasClassName, String namePrefix,
                                                    ConfigField<?>... fields) {
        return new LayerType<>(specClass, kerasClassName, List.of(), namePrefix, List.of(fields), List.of(), true,
                true, false);
    }

    /** The same type, also read under older class names ({@code Convolution2D} for {@code Conv2D}). */
    public LayerType<L> alsoReads(String... kerasClassNames) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(List.of(kerasClassNames));
        return new LayerType<>(specClass, kerasClassName, all, namePrefix, fields, fixedKeys, buildConfig,
                trainableKey, passesMask);
    }

    /**
     * The same type, reading {@code key} but accepting only the given values (a JSON null is Java null), because
     * any other would change the math: {@code fixed("renorm", "batch renormalization", false)}.
     */
    public LayerType<L> fixed(String key, String why, Object... accepted) {
        return withFixed(new FixedKey(key, java.util.Arrays.asList(accepted), why, false));
    }

    /** As {@link #fixed}, and written back with its one accepted value, as Keras writes it. */
    public LayerType<L> fixedWritten(String key, String why, Object value) {
        return withFixed(new FixedKey(key, java.util.Arrays.asList(value), why, true));
    }

    /** The same type, reading and ignoring {@code key}: its value does not change what Strata computes. */
    public LayerType<L> ignores(String key, String why) {
        return withFixed(new FixedKey(key, List.of(), why, false));
    }

    private LayerType<L> withFixed(FixedKey key) {
        List<FixedKey> all = new ArrayList<>(fixedKeys);
        all.add(key);
        return new LayerType<>(specClass, kerasClassName, aliases, namePrefix, fields, all, buildConfig,
                trainableKey, passesMask);
    }

    /** The same type for a Keras class without a build step: Keras 3 writes no {@code build_config} for it. */
    public LayerType<L> withoutBuildConfig() {
        return new LayerType<>(specClass, kerasClassName, aliases, namePrefix, fields, fixedKeys, false,
                trainableKey, passesMask);
    }

    /** The same type for a Keras 3 class whose constructor takes no {@code trainable} (SpatialDropout). */
    public LayerType<L> withoutTrainableKeyInKeras3() {
        return new LayerType<>(specClass, kerasClassName, aliases, namePrefix, fields, fixedKeys, buildConfig,
                false, passesMask);
    }

    /**
     * The same type for a Keras class with {@code supports_masking}: its output keeps its input's mask (the time
     * steps an {@code Embedding(mask_zero=True)} marked as padding), unless its kernel sets another.
     */
    public LayerType<L> passingMasks() {
        return new LayerType<>(specClass, kerasClassName, aliases, namePrefix, fields, fixedKeys, buildConfig,
                trainableKey, true);
    }

    /** Whether outputs keep their input's mask; see {@link #passingMasks}. */
    public boolean passesMask() {
        return passesMask;
    }

    /** Whether the Keras 3 dialect writes {@code trainable} for this class. */
    public boolean writesTrainableInKeras3() {
        return trainableKey;
    }

    /** Whether Keras 3 writes a {@code build_config} (the built input shape) for this class. */
    public boolean hasBuildConfig() {
        return buildConfig;
    }

    /** Keys read but not modelled; see {@link #fixed} and {@link #ignores}. */
    public List<FixedKey> fixedKeys() {
        return fixedKeys;
    }

    private void checkType(ConfigField<?> f, Class<?> type) {
        Class<?> want = switch (f.kind()) {
            case INT -> int.class;
            case INTS, INT_PAIRS, DIMS -> IntTuple.class;
            case FLOAT -> f.isNullable() ? Double.class : double.class;
            case NUMBERS -> NumberArray.class;
            case BOOL -> boolean.class;
            case ENUM -> f.enumType();
            case ACTIVATION -> Activation.class;
            case INITIALIZER -> Initializer.class;
            case REGULARIZER -> Regularizer.class;
            case CONSTRAINT -> Constraint.class;
            case SEED -> Long.class;
            case LAYER -> Layer.class;
            case MODEL -> ModelSpec.class;
        };
        if (f.kind() == ConfigField.Kind.INT && f.isNullable()) {
            want = Integer.class;
        }
        if (type != want) {
            throw new IllegalStateException(specClass.getName() + ": component for field " + f.key() + " is "
                    + type.getSimpleName() + ", expected " + want.getSimpleName());
        }
    }

    public Class<L> specClass() {
        return specClass;
    }

    public String kerasClassName() {
        return kerasClassName;
    }

    /** Older Keras class names read as this type. */
    public List<String> aliases() {
        return aliases;
    }

    public String namePrefix() {
        return namePrefix;
    }

    /** The config fields in the order Keras writes them. */
    public List<ConfigField<?>> fields() {
        return fields;
    }

    /** Whether the spec has a {@code trainable} flag (layers with weights). */
    public boolean hasTrainableFlag() {
        return trainableIndex >= 0;
    }

    /** The field with the given Keras key or alias, or null. */
    public ConfigField<?> field(String key) {
        for (ConfigField<?> f : fields) {
            if (f.key().equals(key) || f.aliases().contains(key) || f.splitAliases().contains(key)) {
                return f;
            }
        }
        return null;
    }

    /**
     * A new spec from field values; absent fields take their defaults.
     *
     * @throws InvalidSpecException if the record refuses the values
     */
    public L create(String name, boolean trainable, Map<ConfigField<?>, Object> values) {
        Object[] args = new Object[components.length];
        for (ConfigField<?> f : fields) {
            args[componentOf.get(f)] = values.containsKey(f) ? values.get(f) : f.defaultValue();
        }
        args[nameIndex] = name;
        if (trainableIndex >= 0) {
            args[trainableIndex] = trainable;
        }
        return construct(args);
    }

    /** A spec with every field at its default; only for types whose required fields are all objects. */
    public L defaults() {
        return create(null, true, Map.of());
    }

    /** An unnamed, trainable spec: the given values, every other field at its default. */
    public <A> L make(ConfigField<A> field, A value) {
        return create(null, true, Map.of(field, value));
    }

    /** An unnamed, trainable spec: the given values, every other field at its default. */
    public <A, B> L make(ConfigField<A> f1, A v1, ConfigField<B> f2, B v2) {
        return create(null, true, Map.of(f1, v1, f2, v2));
    }

    public <T> T get(L layer, ConfigField<T> field) {
        @SuppressWarnings("unchecked")
        T v = (T) read(layer, index(field));
        return v;
    }

    /** Reads a field of any layer of this type, untyped, for generic tools. */
    public Object value(Layer layer, ConfigField<?> field) {
        return read(specClass.cast(layer), index(field));
    }

    /** A copy of {@code layer} with one field replaced: the one-line body of every fluent setter. */
    public <T> L with(L layer, ConfigField<T> field, T value) {
        Object[] args = all(layer);
        args[index(field)] = value;
        return construct(args);
    }

    /** A copy of {@code layer} with any subset of fields replaced, for generic tools. */
    public L withValues(Layer layer, Map<ConfigField<?>, Object> values) {
        Object[] args = all(specClass.cast(layer));
        values.forEach((f, v) -> args[index(f)] = v);
        return construct(args);
    }

    public L renamed(L layer, String name) {
        Object[] args = all(layer);
        args[nameIndex] = name;
        return construct(args);
    }

    /** A copy with the trainable flag set; types without weights have none and return the layer unchanged. */
    public L withTrainable(L layer, boolean trainable) {
        if (trainableIndex < 0) {
            return layer;
        }
        Object[] args = all(layer);
        args[trainableIndex] = trainable;
        return construct(args);
    }

    public boolean trainable(Layer layer) {
        return trainableIndex < 0 || (Boolean) read(specClass.cast(layer), trainableIndex);
    }

    /** Checks every field against its declaration; {@code where} names the layer. */
    public void checkFields(Layer layer, String where) {
        L l = specClass.cast(layer);
        for (ConfigField<?> f : fields) {
            f.check(where, read(l, index(f)));
        }
    }

    private int index(ConfigField<?> field) {
        Integer i = componentOf.get(field);
        if (i == null) {
            throw new IllegalArgumentException(field + " is not a field of " + kerasClassName);
        }
        return i;
    }

    private Object[] all(L layer) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(layer, i);
        }
        return args;
    }

    private Object read(L layer, int component) {
        try {
            return components[component].getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + components[component].getName() + " of "
                    + kerasClassName, e);
        }
    }

    private L construct(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && components[i].getType().isPrimitive()) {
                throw new InvalidSpecException(kerasClassName, fieldKey(i), "is required");
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + kerasClassName, e);
        }
    }

    private String fieldKey(int component) {
        for (Map.Entry<ConfigField<?>, Integer> e : componentOf.entrySet()) {
            if (e.getValue() == component) {
                return e.getKey().key();
            }
        }
        return components[component].getName();
    }

    @Override
    public String toString() {
        return kerasClassName;
    }
}
