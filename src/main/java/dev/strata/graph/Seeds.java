package dev.strata.graph;

import java.nio.charset.StandardCharsets;

/** Derives independent, reproducible seeds from the model seed (SplitMix64 finaliser). */
final class Seeds {
    private Seeds() {
    }

    static long mix(long seed, long salt) {
        long z = seed + 0x9E3779B97F4A7C15L * (salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The seed of a named thing (a layer, {@code layer/weight}): a function of the model seed and the name only,
     * so adding, removing or reordering other layers never changes it.
     */
    static long forPath(long seed, String path) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(seed, h);
    }
}
