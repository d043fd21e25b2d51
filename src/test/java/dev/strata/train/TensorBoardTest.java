package dev.strata.train;

import static dev.strata.spec.Regularizers.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.TensorProto;

/**
 * The TensorBoard callback writes real event files: parsed back here with both CRCs checked, the scalars equal
 * the History's values epoch by epoch, histograms count every weight, the graph parses as the model's GraphDef,
 * and training and validation logs land in Keras's {@code train}/{@code validation} directories.
 */
class TensorBoardTest {
    @TempDir
    Path dir;

    private static Model regularized() {
        return Model.compile(Sequential.create().input(3).add(Dense.units(4).kernelRegularizer(l2(0.01)))
                        .add(Dense.units(1)),
                TrainingConfig.of(Optimizer.sgd(0.05), Loss.meanSquaredError(), Metric.MEAN_ABSOLUTE_ERROR));
    }

    /** The only event file in {@code sub}, after checking its name is TensorFlow's. */
    private Path eventFile(String sub) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(sub))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one event file in " + sub + ": " + all);
            String name = all.get(0).getFileName().toString();
            assertTrue(name.matches("events\\.out\\.tfevents\\.\\d{10}\\.[^.]+(\\.[^.]+)*\\.\\d+\\.\\d+\\.v2"), name);
            return all.get(0);
        }
    }

    /** tag -> step -> value of every scalar event, decoding the float32 tensor TF2 writes. */
    private static Map<String, Map<Long, Float>> scalars(List<Event> events) {
        Map<String, Map<Long, Float>> out = new TreeMap<>();
        for (Event e : events) {
            for (Summary.Value v : e.getSummary().getValueList()) {
                if (v.getMetadata().getPluginData().getPluginName().equals("scalars")) {
                    TensorProto t = v.getTensor();
                    assertEquals(org.tensorflow.proto.DataType.DT_FLOAT, t.getDtype());
                    assertEquals(0, t.getTensorShape().getDimCount());
                    float f = ByteBuffer.wrap(t.getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN)
                            .getFloat();
                    Float old = out.computeIfAbsent(v.getTag(), k -> new TreeMap<>()).put(e.getStep(), f);
                    assertEquals(null, old, "one value per tag and step: " + v.getTag());
                }
            }
        }
        return out;
    }

    @Test
    void epochScalarsEqualTheHistoryInKerasLayout() throws IOException {
        History h;
        long steps;
        // -Dstrata.tensorboard.keep=DIR keeps this run's logs (and a CSVLogger copy of the History) for
        // tools/check_tensorboard.py, which reads them with TensorFlow and TensorBoard.
        String keep = System.getProperty("strata.tensorboard.keep");
        if (keep != null) {
            dir = Path.of(keep);
            Files.createDirectories(dir);
        }
        try (Model m = regularized()) {
            h = m.fit(TinyModels.regression(40, 3, 1), FitOptions.epochs(3).batchSize(8).validationSplit(0.25)
                    .quiet().callbacks(TensorBoard.to(dir).histogramFreq(1).updateFreq(2),
                            CSVLogger.to(dir.resolve("history.csv"))));
            steps = m.step();
        }
        List<Event> train = EventFileReader.read(eventFile("train"));
        List<Event> val = EventFileReader.read(eventFile("validation"));
        assertEquals("brain.Event:2", train.get(0).getFileVersion());
        assertEquals("brain.Event:2", val.get(0).getFileVersion());
        Map<String, Map<Long, Float>> ts = scalars(train);
        Map<String, Map<Long, Float>> vs = scalars(val);
        Set<String> trainTags = new HashSet<>();
        Set<String> valTags = new HashSet<>();
        for (String key : h.keys()) {
            boolean isVal = key.startsWith("val_");
            String tag = "epoch_" + (isVal ? key.substring(4) : key);
            (isVal ? valTags : trainTags).add(tag);
            Map<Long, Float> byStep = (isVal ? vs : ts).get(tag);
            double[] expected = h.get(key);
            assertEquals(expected.length, byStep.size(), tag);
            for (int e = 0; e < expected.length; e++) {
                assertEquals((float) expected[e], byStep.get((long) e), key + " epoch " + e);
            }
        }
        assertTrue(trainTags.containsAll(List.of("epoch_loss", "epoch_data_loss", "epoch_regularization_loss",
                "epoch_mae")), trainTags.toString());
        assertEquals(Map.of(0L, 0.05f, 1L, 0.05f, 2L, 0.05f), ts.get("epoch_learning_rate"));
        Map<Long, Float> penalty = ts.get("regularization/dense/kernel_regularizer");
        assertEquals(Set.of(0L, 1L, 2L), penalty.keySet(), ts.keySet().toString());
        assertTrue(penalty.get(2L) > 0);
        // Keras's per-validation-pass scalars, at the optimizer step.
        assertEquals(Set.of(steps / 3, 2 * steps / 3, steps), vs.get("evaluation_loss_vs_iterations").keySet());
        // Nothing of validation's in train and the other way round.
        assertFalse(ts.keySet().stream().anyMatch(t -> t.startsWith("epoch_val_")));
        assertFalse(vs.containsKey("epoch_learning_rate"));
        assertTrue(vs.keySet().containsAll(valTags));
    }

    @Test
    void penaltyTermsAreTheModelLossesAtTheEpochsEnd() throws IOException {
        try (Model m = regularized()) {
            m.fit(TinyModels.regression(16, 3, 2), FitOptions.epochs(1).batchSize(8).quiet()
                    .callbacks(TensorBoard.to(dir).writeGraph(false)));
            Map<String, Map<Long, Float>> ts = scalars(EventFileReader.read(eventFile("train")));
            for (RegularizationValue r : m.losses()) {
                assertEquals((float) r.value(), ts.get("regularization/" + r.name()).get(0L), r.name());
            }
            assertFalse(Files.exists(dir.resolve("validation")), "no validation data, no validation directory");
        }
    }

    @Test
    void histogramsCountEveryWeightEveryNthEpoch() throws IOException {
        try (Model m = regularized()) {
            m.fit(TinyModels.regression(16, 3, 3), FitOptions.epochs(3).batchSize(8).quiet()
                    .callbacks(TensorBoard.to(dir).histogramFreq(2)));
            Map<String, Long> sizes = new TreeMap<>();
            m.weights().entries().forEach((k, w) -> sizes.put("sequential/" + k + "/histogram",
                    (long) w.values().length));
            Map<String, List<Long>> seen = new TreeMap<>();
            for (Event e : EventFileReader.read(eventFile("train"))) {
                for (Summary.Value v : e.getSummary().getValueList()) {
                    if (!v.getMetadata().getPluginData().getPluginName().equals("histograms")) {
                        continue;
                    }
                    TensorProto t = v.getTensor();
                    assertEquals(org.tensorflow.proto.DataType.DT_DOUBLE, t.getDtype());
                    assertEquals(30, t.getTensorShape().getDim(0).getSize());
                    assertEquals(3, t.getTensorShape().getDim(1).getSize());
                    ByteBuffer b = ByteBuffer.wrap(t.getTensorContent().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                    double total = 0;
                    double lastRight = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < 30; i++) {
                        double left = b.getDouble();
                        double right = b.getDouble();
                        total += b.getDouble();
                        assertTrue(left <= right && left >= lastRight - 1e-12, v.getTag() + " bucket " + i);
                        lastRight = right;
                    }
                    assertEquals((double) sizes.get(v.getTag()), total, v.getTag());
                    seen.computeIfAbsent(v.getTag(), k -> new ArrayList<>()).add(e.getStep());
                }
            }
            assertEquals(sizes.keySet(), seen.keySet());
            seen.values().forEach(s -> assertEquals(List.of(0L, 2L), s));
        }
    }

    @Test
    void theGraphEventIsTheInferenceGraphDef() throws IOException {
        try (Model m = regularized()) {
            m.fit(TinyModels.regression(16, 3, 4), FitOptions.epochs(1).batchSize(8).quiet()
                    .callbacks(TensorBoard.to(dir)));
            List<Event> graphs = EventFileReader.read(eventFile("train")).stream()
                    .filter(e -> !e.getGraphDef().isEmpty()).toList();
            assertEquals(1, graphs.size());
            GraphDef g = GraphDef.parseFrom(graphs.get(0).getGraphDef());
            Set<String> ops = new HashSet<>();
            for (NodeDef n : g.getNodeList()) {
                ops.add(n.getOp());
            }
            assertTrue(ops.containsAll(List.of("Placeholder", "MatMul")), ops.toString());
            assertEquals(m.inferenceGraph().graph().toGraphDef().getNodeCount(), g.getNodeCount());
        }
    }

    @Test
    void batchScalarsEveryNthBatchAtTheGlobalStep() throws IOException {
        History h;
        try (Model m = regularized()) {
            h = m.fit(TinyModels.regression(24, 3, 5), FitOptions.epochs(2).batchSize(8).quiet()
                    .callbacks(TensorBoard.to(dir).updateFreq(2)));
        }
        Map<Long, Float> loss = scalars(EventFileReader.read(eventFile("train"))).get("batch_loss");
        // 3 batches an epoch, 6 in all, one-based across epochs: every second is 2, 4, 6.
        assertEquals(Set.of(2L, 4L, 6L), loss.keySet());
        // Batch 6 is the last of epoch 1: its running mean is the epoch's loss.
        assertEquals((float) h.get("loss")[1], loss.get(6L));
    }

    @Test
    void eachEpochIsOnDiskAsWholeRecordsBeforeTheNextBegins() throws IOException {
        List<Integer> epochsSeen = new ArrayList<>();
        Callback inspector = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                try {
                    Map<Long, Float> loss = scalars(EventFileReader.read(eventFile("train"))).get("epoch_loss");
                    assertEquals(epoch + 1, loss.size());
                    epochsSeen.add(epoch);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
        try (Model m = regularized()) {
            // The inspector runs after TensorBoard, so it sees what a crash right then would leave.
            m.fit(TinyModels.regression(16, 3, 6), FitOptions.epochs(2).batchSize(8).quiet()
                    .callbacks(TensorBoard.to(dir).updateFreq("batch"), inspector));
        }
        assertEquals(List.of(0, 1), epochsSeen);
    }

    @Test
    void theReaderRejectsACorruptedRecord() throws IOException {
        byte[] good = TfRecords.frame(Summaries.scalar("epoch_loss", 0.5, 0).toByteArray());
        assertEquals(1, EventFileReader.parse(good).size());
        for (int i : new int[] {0, 9, 14, good.length - 1}) {
            byte[] bad = good.clone();
            bad[i] ^= 1;
            assertThrows(IOException.class, () -> EventFileReader.parse(bad), "flipped byte " + i);
        }
        assertThrows(IOException.class, () -> EventFileReader.parse(java.util.Arrays.copyOf(good, good.length - 2)));
    }

    @Test
    void bucketsFollowTensorBoardsScheme() {
        double[][] rows = Summaries.buckets(new float[] {0f, 1f, 2f, 3f}, 3);
        assertEquals(List.of(0.0, 1.0, 1.0), List.of(rows[0][0], rows[0][1], rows[0][2]));
        assertEquals(1.0, rows[1][2]);
        assertEquals(2.0, rows[2][2], "the maximum falls in the last bucket");
        assertEquals(3.0, rows[2][1]);
        double[][] same = Summaries.buckets(new float[] {5f, 5f}, 3);
        assertEquals(List.of(5.0, 5.0, 2.0), List.of(same[2][0], same[2][1], same[2][2]));
        assertEquals(0.0, same[0][2]);
        assertEquals(0.0, Summaries.buckets(new float[0], 3)[1][2]);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TensorBoard.to(dir).histogramFreq(-1));
        assertThrows(IllegalArgumentException.class, () -> TensorBoard.to(dir).updateFreq(0));
        assertThrows(IllegalArgumentException.class, () -> TensorBoard.to(dir).updateFreq("sometimes"));
        assertThrows(IllegalArgumentException.class, () -> TensorBoard.to(null));
    }
}
