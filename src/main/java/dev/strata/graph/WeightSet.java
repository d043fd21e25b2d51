package dev.strata.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named weight values held in Java, in a model's variable order: the currency that moves trained weights
 * from the training graph into the inference graph, into checkpoints and back.
 */
public final class WeightSet {
    private final Map<String, Entry> entries;

    /** One weight: its shape and its values in row-major order. */
    public record Entry(long[] shape, float[] values) {
        public Entry {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                        + " values, got " + values.length);
            }
        }
    }

    public WeightSet(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no weight named '" + name + "'; known: " + entries.keySet());
        }
        return e;
    }

    /** A copy of one weight's values. */
    public float[] values(String name) {
        return get(name).values().clone();
    }

    /** Exact equality of names, shapes and every float bit. */
    public boolean sameAs(WeightSet other) {
        if (!entries.keySet().equals(other.entries.keySet())) {
            return false;
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry o = other.entries.get(e.getKey());
            if (!Arrays.equals(e.getValue().shape(), o.shape()) || !Arrays.equals(e.getValue().values(), o.values())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WeightSet{");
        entries.forEach((k, v) -> sb.append(k).append(Arrays.toString(v.shape())).append(' '));
        return sb.append('}').toString();
    }
}
