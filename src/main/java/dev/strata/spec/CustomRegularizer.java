package dev.strata.spec;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user penalty known by its registered name (Keras writes such names as {@code "package>Name"}); its
 * math lives with the graph compiler, which registers the name here. Only registered names are ever
 * accepted, so a spec from an untrusted file can never reach arbitrary code.
 */
public record CustomRegularizer(String registeredName, Map<String, Double> config) implements Regularizer {
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    public CustomRegularizer {
        Checks.notNull("CustomRegularizer", "registered_name", registeredName);
        if (!REGISTERED.contains(registeredName)) {
            throw new InvalidSpecException("CustomRegularizer", "registered_name",
                    "'" + registeredName + "' is not registered; register its penalty function first");
        }
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(config));
        for (Map.Entry<String, Double> e : config.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new InvalidSpecException("CustomRegularizer '" + registeredName + "'", e.getKey(),
                        "must be a finite number. Received: " + e.getKey() + "=" + e.getValue());
            }
        }
    }

    /** Called by the compiler's penalty registry; not meant for direct use. */
    public static void markRegistered(String name) {
        REGISTERED.add(name);
    }

    public static boolean isRegistered(String name) {
        return REGISTERED.contains(name);
    }

    @Override
    public String kerasClassName() {
        return registeredName;
    }

    @Override
    public boolean isZero() {
        return false;
    }
}
