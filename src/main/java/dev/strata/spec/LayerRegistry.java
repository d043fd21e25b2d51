package dev.strata.spec;

import dev.strata.spec.layers.BuiltinLayers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer classes Strata knows, by Keras class name: the built-in ones and those a user registers. A name that
 * is not here is never resolved any other way (no reflection on names, no class loading), so a model file can
 * never choose the code that runs.
 */
public final class LayerRegistry {
    private static final Map<String, LayerType<?>> BY_NAME = new LinkedHashMap<>();
    private static final List<LayerType<?>> TYPES = new ArrayList<>();

    static {
        for (LayerType<?> t : BuiltinLayers.all()) {
            add(t);
        }
    }

    private LayerRegistry() {
    }

    /**
     * Registers a user layer type under its Keras class name (and aliases), for example a custom Keras layer
     * {@code "MyPackage>Swish"}; the graph compiler needs a kernel for it too.
     *
     * @return a handle whose {@code close()} removes the type again (for a registration scoped to a test or a
     *     job: {@code try (var r = LayerRegistry.register(type)) { ... }}); ignore it to keep the type
     * @throws IllegalArgumentException if a name is taken
     */
    public static synchronized Registration register(LayerType<?> type) {
        if (BuiltinLayers.all().contains(type)) {
            throw new IllegalArgumentException(type.kerasClassName() + " is built in");
        }
        add(type);
        return () -> remove(type);
    }

    /** A user registration; closing it unregisters the type. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static synchronized void remove(LayerType<?> type) {
        BY_NAME.values().removeIf(t -> t == type);
        TYPES.remove(type);
    }

    private static void add(LayerType<?> type) {
        List<String> names = new ArrayList<>(type.aliases());
        names.add(0, type.kerasClassName());
        for (String n : names) {
            LayerType<?> old = BY_NAME.get(n);
            if (old != null && old != type) {
                throw new IllegalArgumentException("layer class name '" + n + "' is already registered for "
                        + old.specClass().getName());
            }
        }
        names.forEach(n -> BY_NAME.put(n, type));
        if (!TYPES.contains(type)) {
            TYPES.add(type);
        }
    }

    /** The type Keras names {@code kerasClassName} (or an alias of it), or null. */
    public static synchronized LayerType<?> forKerasName(String kerasClassName) {
        return BY_NAME.get(kerasClassName);
    }

    /** Every registered type, built-ins first, in registration order. */
    public static synchronized List<LayerType<?>> all() {
        return Collections.unmodifiableList(new ArrayList<>(TYPES));
    }
}
