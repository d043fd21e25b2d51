package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strata.spec.Activation;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Flatten;
import dev.strata.spec.layers.Reshape;
import dev.strata.train.CsvData;
import dev.strata.train.CsvFormatException;
import dev.strata.train.CsvLoader;
import dev.strata.train.CsvOptions;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.TerminateOnNaN;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Bad data (issue 14): CSV text and arrays with NaN and infinities, wrong widths, labels out of range, empty
 * inputs and huge numbers. A CSV that is not a clean table of finite numbers is refused with a
 * {@link CsvFormatException} naming {@code file:line:column}; arrays are the caller's, so non-finite values are
 * accepted and propagate (the loss turns NaN and {@link TerminateOnNaN} stops), while shapes and labels that
 * cannot fit the model are refused before TensorFlow runs.
 */
class DataFuzzTest {
    private static final String GOOD = "a,b,c,label\n0.1,0.2,0.3,0\n-1,2,0.5,1\n0.4,0.4,-0.2,2\n1,1,1,1\n";
    private static final List<String> INSERTS = List.of(",", "\"", "\n", "\r\n", "nan", "NaN", "inf", "-Infinity",
            "1e999", "x", "", " ", "3.4e38", "-", "1e-400", "\u00e9", "0x10", ",,", "\"\"", "7", "-1", "2.5");

    private static Model model(int in) {
        return Model.compile(Sequential.create().input(in).add(Dense.units(4).activation(Activation.TANH))
                .add(Dense.units(3).activation(Activation.SOFTMAX)), TrainingConfig.of(Optimizer.sgd(0.01),
                Loss.sparseCategoricalCrossentropy()));
    }

    private static CsvData load(String text) {
        return CsvLoader.load(new StringReader(text), "data.csv", CsvOptions.label("label").sparse());
    }

    @Test
    void namedBadCellsAreRefusedAtTheirLineAndColumn() {
        Map<String, String> cases = Map.of(
                "0.1,nan,0.3,0", "data.csv:2:5:", "0.1,0.2,inf,0", "data.csv:2:9:", "1e999,0.2,0.3,0", "data.csv:2:1:",
                "0.1,0.2,0.3", "data.csv:2:", "0.1,0.2,0.3,0,9", "data.csv:2:", "0.1,0.2,0.3,-1", "data.csv:2:",
                "0.1,0.2,0.3,2.5", "data.csv:2:", "0.1,,0.3,0", "data.csv:2:5:");
        for (var c : cases.entrySet()) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> load("a,b,c,label\n" + c.getKey()
                    + "\n"), c.getKey());
            assertTrue(e.getMessage().startsWith(c.getValue()), c.getKey() + " -> " + e.getMessage());
            assertEquals(2, e.line(), e.getMessage());
            assertTrue(e.column() >= 1, e.getMessage());
        }
        for (String empty : List.of("", "a,b,c,label\n", "a,b,c,label\n\n\n", "\n")) {
            CsvFormatException e = assertThrows(CsvFormatException.class, () -> load(empty), "'" + empty + "'");
            assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
        }
    }

    @Test
    void aClassIndexPastTheModelsOutputIsRefusedBeforeTensorFlow() {
        try (Model m = model(3)) {
            CsvData d = load("a,b,c,label\n0.1,0.2,0.3,0\n0.1,0.2,0.3,7\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(d.dataset(), FitOptions.epochs(1).quiet()));
            assertTrue(Outcomes.isTyped(e) || e.getMessage().contains("7"), e.toString());
        }
    }

    @Test
    void hugeAndNonFiniteArraysTrainToANaNLossThatTerminateOnNaNStops() {
        float[][] x = {{3.4e38f, 1, 1}, {Float.NaN, 0, 0}, {Float.POSITIVE_INFINITY, 1, 0}, {1, 1, 1}};
        try (Model m = model(3)) {
            History h = m.fit(Dataset.of(x, new int[] {0, 1, 2, 1}), FitOptions.epochs(3).batchSize(2).quiet()
                    .callbacks(new TerminateOnNaN()));
            double[] loss = h.get("loss");
            assertEquals(1, loss.length, "stopped in the first epoch");
            assertFalse(Double.isFinite(loss[0]), "the loss shows the bad values: " + loss[0]);
        }
    }

    @Test
    void emptyAndMisshapenArraysAreRefusedBeforeTensorFlow() {
        try (Model m = model(3)) {
            for (Runnable bad : List.<Runnable>of(
                    () -> m.fit(Dataset.of(new float[0][3], new int[0]), FitOptions.epochs(1).quiet()),
                    () -> m.fit(Dataset.of(new float[][] {{1, 2}}, new int[] {0}), FitOptions.epochs(1).quiet()),
                    () -> m.fit(Dataset.of(new float[][] {{1, 2, 3}}, new int[] {-1}), FitOptions.epochs(1).quiet()),
                    () -> m.predict(new float[0][3]),
                    () -> m.predict(new float[][] {{1, 2, 3, 4}}))) {
                assertThrows(IllegalArgumentException.class, bad::run);
            }
        }
    }

    /** Found by {@code FuzzRun} (seed 20261129, cases 500 and 6530): TensorFlow failed mid-run, untyped. */
    @Test
    void dataOfALengthAFixedReshapeCannotTakeIsRefusedBeforeTensorFlow() {
        Sequential spec = Sequential.create().input(TensorShape.of(TensorShape.UNKNOWN, 4))
                .add(Reshape.to(2, 2)).add(Flatten.create()).add(Dense.units(1));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.01), Loss.meanSquaredError()))) {
            Dataset three = Dataset.of(new float[2 * 3 * 4], TensorShape.of(3, 4), new float[2], TensorShape.of(1));
            InvalidSpecException e = assertThrows(InvalidSpecException.class,
                    () -> m.fit(three, FitOptions.epochs(1).quiet()));
            assertEquals("target_shape", e.field());
            assertTrue(e.getMessage().contains("with the data's input shape (None, 3, 4)"), e.getMessage());
            assertThrows(InvalidSpecException.class, () -> m.predict(three, 2));
            Dataset one = Dataset.of(new float[2 * 4], TensorShape.of(1, 4), new float[2], TensorShape.of(1));
            m.fit(one, FitOptions.epochs(1).quiet()); // the one length the reshape holds for trains
            // The model remembers the shapes it checked: the good one again, the bad one still refused.
            m.fit(one, FitOptions.epochs(1).quiet());
            assertThrows(InvalidSpecException.class, () -> m.predict(three, 2));
        }
    }

    /**
     * Found by {@code CorpusCompileTimeBenchmark} (a detector of unknown image size given targets of the input's
     * size): targets that fit an output of unknown size but not the size the data gives it failed inside TensorFlow's
     * loss gradient ("Incompatible shapes"), untyped.
     */
    @Test
    void targetsOfAnotherSizeThanTheDataGivesTheOutputAreRefusedBeforeTensorFlow() {
        Sequential spec = Sequential.create().input(TensorShape.of(TensorShape.UNKNOWN, 4)).add(Dense.units(3));
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(0.01), Loss.meanSquaredError()))) {
            Dataset wrong = Dataset.of(new float[2 * 5 * 4], TensorShape.of(5, 4), new float[2 * 6 * 3],
                    TensorShape.of(6, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(wrong, FitOptions.epochs(1).quiet()));
            assertEquals("targets have shape (None, 6, 3) but with the data's input shape (None, 5, 4) the model's "
                    + "output is (None, 5, 3) (15 values per example)", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.evaluate(wrong));
            Dataset right = Dataset.of(new float[2 * 5 * 4], TensorShape.of(5, 4), new float[2 * 5 * 3],
                    TensorShape.of(5, 3));
            assertEquals(1, m.fit(right, FitOptions.epochs(1).quiet()).size());
        }
    }

    /**
     * Random edits of a good CSV (inserted separators, quotes, line breaks, non-finite and huge numbers, stray
     * text): each loads and trains one step, or is refused with {@code data.csv:line:column}.
     */
    @Test
    void randomlyDamagedCsvLoadsAndTrainsOrIsRefusedWithItsPlace() {
        SplittableRandom rnd = new SplittableRandom(14);
        Map<String, Integer> seen = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(GOOD);
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                int at = rnd.nextInt(text.length() + 1);
                if (rnd.nextBoolean() && at < text.length()) {
                    text.deleteCharAt(at);
                }
                text.insert(at, INSERTS.get(rnd.nextInt(INSERTS.size())));
            }
            String outcome;
            try {
                CsvData d = load(text.toString());
                try (Model m = model(d.featureNames().size())) {
                    m.fit(d.dataset(), FitOptions.epochs(1).batchSize(2).quiet());
                    outcome = "ok";
                } catch (IllegalArgumentException e) {
                    // A sparse CSV knows no class count; a whole label past the model's 3 classes is fit's to refuse.
                    if (!e.getMessage().contains("not a class index in [0, 3)")) {
                        throw e;
                    }
                    outcome = "refused by fit: label past the model's classes";
                }
            } catch (CsvFormatException e) {
                outcome = "refused at line:column";
                if (e.line() < 1 || e.column() < 1 || !e.getMessage().startsWith("data.csv:")) {
                    problems.add("no place: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                outcome = "untyped " + e.getClass().getSimpleName();
                problems.add(e + "\n  for: " + text);
            }
            seen.merge(outcome, 1, Integer::sum);
        }
        System.out.println("[fuzz data] 400 damaged CSV files: " + seen);
        if (!problems.isEmpty()) {
            fail(seen + "\n" + String.join("\n", problems.subList(0, Math.min(5, problems.size()))));
        }
        assertTrue(seen.getOrDefault("ok", 0) > 20 && seen.getOrDefault("refused at line:column", 0) > 20, "" + seen);
    }
}
