package dev.strata.graph;

import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel of each layer class, looked up by spec class. A built-in spec {@code dev.strata.spec.layers.X} has
 * its kernel in {@code dev.strata.graph.kernels.XKernel}, found by that name (a test proves every registered type
 * has one); a user layer registers its kernel here.
 */
public final class Kernels {
    private static final String SPEC_PACKAGE = "dev.strata.spec.layers.";
    private static final String KERNEL_PACKAGE = "dev.strata.graph.kernels.";
    private static final Map<Class<?>, LayerKernel<?>> KERNELS = new ConcurrentHashMap<>();

    private Kernels() {
    }

    /** Registers the kernel of a user layer type (the spec side is {@code LayerRegistry.register}). */
    public static <L extends Layer> void register(LayerType<L> type, LayerKernel<L> kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        KERNELS.put(type.specClass(), kernel);
    }

    /** The kernel that builds {@code layer}. */
    @SuppressWarnings("unchecked")
    static <L extends Layer> LayerKernel<L> forLayer(L layer, String where) {
        LayerKernel<?> k = find(layer.getClass());
        if (k == null) {
            throw new InvalidSpecException(where, null, "no graph kernel for layer class " + layer.kerasClassName()
                    + " (" + layer.getClass().getName() + "); register one with Kernels.register");
        }
        return (LayerKernel<L>) k;
    }

    /** Whether a kernel exists for the spec class, for checks before any graph is built. */
    public static boolean has(Class<? extends Layer> specClass) {
        return find(specClass) != null;
    }

    private static LayerKernel<?> find(Class<?> specClass) {
        LayerKernel<?> k = KERNELS.get(specClass);
        if (k != null || !specClass.getName().startsWith(SPEC_PACKAGE)) {
            return k;
        }
        String name = KERNEL_PACKAGE + specClass.getSimpleName() + "Kernel";
        try {
            k = (LayerKernel<?>) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create kernel " + name, e);
        }
        KERNELS.putIfAbsent(specClass, k);
        return KERNELS.get(specClass);
    }
}
