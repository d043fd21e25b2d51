package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.graph.WeightSet;
import dev.strata.io.Checkpoints;
import dev.strata.io.KerasFiles;
import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged weight files (issue 14): truncations and single flipped bytes, at sampled positions, of a Strata
 * checkpoint, a Keras 3 {@code .weights.h5} and a {@code .keras} archive, loaded into a live model. Each load is
 * refused with a typed error and leaves every weight as it was, or loads a whole set of weights. A load is only
 * allowed to succeed where the format cannot see the damage: HDF5 and zip's stored entries keep no checksum over
 * raw weight bytes, so a flip there can load, and then changes at most the one float it landed in; a truncation
 * must never load anything but the complete set.
 */
class FileFuzzTest {
    private static final Path KERAS = Path.of("src/test/resources/golden/keras_files");
    private static final int POSITIONS = 120;
    private static final TrainingConfig SGD = TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError());

    @Test
    void damagedCheckpointsAreRefusedAndLeaveTheWeights(@TempDir Path dir) throws IOException {
        Sequential spec = Sequential.named("ckpt").input(4).add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(3));
        try (Model saved = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.01), Loss.meanSquaredError()),
                ModelOptions.defaults().seed(1));
                Model target = Model.compile(spec, TrainingConfig.of(Optimizer.adam(0.01), Loss.meanSquaredError()),
                        ModelOptions.defaults().seed(2))) {
            Path file = dir.resolve("state.ckpt");
            Checkpoints.save(saved, file, 1);
            Map<String, Integer> seen = fuzz(file, dir, target, saved.weights(), Checkpoints::restore, false);
            assertEquals(Map.of("refused CheckpointException", 2 * POSITIONS), seen);
        }
    }

    @Test
    void damagedKerasWeightFilesAreRefusedOrLoadWhole(@TempDir Path dir) throws IOException {
        try (Model m = Model.compile(KerasFiles.readConfig(KERAS.resolve("cnn.keras")).spec(), SGD,
                ModelOptions.defaults().seed(3))) {
            for (String name : List.of("cnn.weights.h5", "cnn.keras")) {
                WeightSet original = m.weights();
                KerasFiles.loadWeights(m, KERAS.resolve(name));
                WeightSet full = m.weights();
                m.setWeights(original);
                Map<String, Integer> seen = fuzz(KERAS.resolve(name), dir, m, full, KerasFiles::loadWeights, true);
                System.out.println("[fuzz files] " + name + ": " + seen);
                // Most truncations cut weights or structure; some cut only bytes nothing reads (and load whole).
                assertTrue(seen.getOrDefault("refused KerasFileException", 0) >= POSITIONS / 2, name + ": " + seen);
            }
        }
    }

    /**
     * Loads {@code POSITIONS} truncations and as many single-byte flips of {@code file} into {@code model}, whose
     * weights are reset to its own before each; returns how each ended.
     */
    private static Map<String, Integer> fuzz(Path file, Path dir, Model model, WeightSet full,
            BiConsumer<Model, Path> load, boolean undetectableFlipsLoad) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String suffix = file.getFileName().toString().substring(file.getFileName().toString().indexOf('.'));
        WeightSet own = model.weights();
        SplittableRandom rnd = new SplittableRandom(14);
        Map<String, Integer> seen = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < 2 * POSITIONS; k++) {
            boolean truncate = k < POSITIONS;
            int at = k == 0 ? 0 : k == 1 ? bytes.length - 1 : rnd.nextInt(bytes.length);
            byte[] damaged = truncate ? java.util.Arrays.copyOf(bytes, at) : bytes.clone();
            if (!truncate) {
                damaged[at] ^= (byte) (1 << rnd.nextInt(8));
            }
            Path bad = dir.resolve("damaged" + suffix);
            Files.write(bad, damaged);
            model.setWeights(own);
            String what = (truncate ? "truncated to " : "byte flipped at ") + at + " of " + bytes.length;
            try {
                load.accept(model, bad);
                int changed = changedFloats(model.weights(), full);
                seen.merge(changed == 0 ? "loaded whole" : "loaded with the flipped float", 1, Integer::sum);
                if ((truncate && changed != 0) || (!truncate && (!undetectableFlipsLoad || changed > 1))) {
                    problems.add(what + ": loaded, " + changed + " floats differ from the file's");
                }
            } catch (RuntimeException e) {
                seen.merge((Outcomes.isTyped(e) ? "refused " : "untyped ") + e.getClass().getSimpleName(), 1,
                        Integer::sum);
                if (!Outcomes.isTyped(e)) {
                    problems.add(what + ": " + e);
                } else if (!model.weights().sameAs(own)) {
                    problems.add(what + ": refused, but weights changed");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(file.getFileName() + " " + seen + ":\n" + String.join("\n", problems.subList(0,
                    Math.min(10, problems.size()))));
        }
        return seen;
    }

    private static int changedFloats(WeightSet a, WeightSet b) {
        int changed = 0;
        for (var e : b.entries().entrySet()) {
            float[] x = a.values(e.getKey());
            float[] y = e.getValue().values();
            for (int i = 0; i < y.length; i++) {
                changed += Float.floatToRawIntBits(x[i]) == Float.floatToRawIntBits(y[i]) ? 0 : 1;
            }
        }
        return changed;
    }
}
