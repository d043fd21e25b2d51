package dev.strata.train;

import dev.strata.graph.WeightSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.proto.GraphDef;

/**
 * Writes TensorFlow event files for TensorBoard, laid out and named as Keras 3's {@code TensorBoard} callback
 * writes them: {@code log_dir/train} gets the training logs and {@code log_dir/validation} the validation ones.
 *
 * <ul>
 *   <li>Every epoch, each log key as a scalar {@code epoch_<key>} at step = epoch (zero-based): {@code loss},
 *       {@code data_loss}, {@code regularization_loss}, the metrics, and {@code epoch_learning_rate} (the
 *       optimizer's rate, as Keras adds it). {@code val_} keys go to the validation directory without the prefix.
 *   <li>Every epoch, each weight penalty of {@link Model#losses()} at the epoch's final weights, tagged
 *       {@code regularization/<term>} (for example {@code regularization/dense/kernel_regularizer}); a Strata
 *       addition, as Keras logs only their sum. They differ from {@code epoch_regularization_loss}, which
 *       averages the per-batch values over the epoch.
 *   <li>After each validation pass, {@code evaluation_<key>_vs_iterations} at step = optimizer steps, as Keras.
 *   <li>With {@link #updateFreq(int) updateFreq(n)}, the running logs of every n-th batch as {@code batch_<key>}
 *       at step = batches since {@code fit} began (one-based), as Keras.
 *   <li>Every {@link #histogramFreq(int) histogramFreq} epochs (epoch % freq == 0), a histogram of every weight,
 *       tagged {@code <model>/<layer>/<weight>/histogram} like Keras's {@code weight.path}, in TensorBoard's
 *       30 equal-width buckets (see {@link Summaries#histogram}).
 *   <li>With {@link #writeGraph(boolean) writeGraph} (the default), the INFER graph once, at step 0 (Keras writes
 *       its traced train function; Strata's inference graph is the one users serve).
 * </ul>
 *
 * <p>Scalars and histograms are written as TensorFlow 2's {@code tf.summary} writes them (tensor values with
 * plugin metadata). Files are flushed after every epoch and at the end of training; see {@link EventFileWriter}
 * for why a failed run still leaves readable files. Immutable configuration: each method returns a changed copy.
 *
 * <pre>{@code
 * model.fit(data, FitOptions.epochs(20).validationSplit(0.2)
 *         .callbacks(TensorBoard.to(Path.of("logs/run1")).histogramFreq(1)));
 * }</pre>
 */
public final class TensorBoard implements Callback {
    private final Path logDir;
    private final int histogramFreq;
    private final boolean writeGraph;
    /** 0 for Keras's "epoch"; otherwise batch scalars every n batches. */
    private final int updateFreq;

    private Model model;
    private EventFileWriter train;
    private EventFileWriter validation;
    private long globalBatch;

    private TensorBoard(Path logDir, int histogramFreq, boolean writeGraph, int updateFreq) {
        if (logDir == null) {
            throw new IllegalArgumentException("TensorBoard needs a log directory");
        }
        if (histogramFreq < 0) {
            throw new IllegalArgumentException("histogram_freq must be >= 0, was " + histogramFreq);
        }
        if (updateFreq < 0) {
            throw new IllegalArgumentException("update_freq must be >= 1, was " + updateFreq);
        }
        this.logDir = logDir;
        this.histogramFreq = histogramFreq;
        this.writeGraph = writeGraph;
        this.updateFreq = updateFreq;
    }

    /** Keras defaults: no histograms, the graph written, scalars per epoch only. */
    public static TensorBoard to(Path logDir) {
        return new TensorBoard(logDir, 0, true, 0);
    }

    /** Weight histograms every {@code freq} epochs; 0 turns them off. */
    public TensorBoard histogramFreq(int freq) {
        return new TensorBoard(logDir, freq, writeGraph, updateFreq);
    }

    public TensorBoard writeGraph(boolean writeGraph) {
        return new TensorBoard(logDir, histogramFreq, writeGraph, updateFreq);
    }

    /** Batch-level scalars every {@code batches} batches (Keras's integer {@code update_freq}). */
    public TensorBoard updateFreq(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("update_freq must be >= 1, was " + batches);
        }
        return new TensorBoard(logDir, histogramFreq, writeGraph, batches);
    }

    /** Keras's string forms: {@code "epoch"} (epoch scalars only) or {@code "batch"} (every batch). */
    public TensorBoard updateFreq(String freq) {
        return switch (freq) {
            case "epoch" -> new TensorBoard(logDir, histogramFreq, writeGraph, 0);
            case "batch" -> updateFreq(1);
            default -> throw new IllegalArgumentException("update_freq must be \"epoch\", \"batch\" or an int, was "
                    + freq);
        };
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        if (model == null) {
            throw new IllegalArgumentException("TensorBoard needs the model being trained");
        }
        this.model = model;
        // New files per fit, as Keras makes new writers in set_model; validation's only once there is any.
        train = EventFileWriter.create(logDir.resolve("train"));
        validation = null;
        globalBatch = 0;
        if (writeGraph) {
            GraphDef graph = model.inferenceGraph().graph().toGraphDef();
            train.write(Summaries.graph(graph));
            train.flush();
        }
    }

    @Override
    public void onBatchBegin(int epoch, int batch) {
        globalBatch++;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
        if (updateFreq > 0 && globalBatch % updateFreq == 0) {
            logs.forEach((k, v) -> train.write(Summaries.scalar("batch_" + k, v, globalBatch)));
        }
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        long step = model.step();
        logs.forEach((k, v) -> validation().write(Summaries.scalar("evaluation_" + k + "_vs_iterations", v, step)));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Map<String, Double> trainLogs = new LinkedHashMap<>();
        Map<String, Double> valLogs = new LinkedHashMap<>();
        logs.forEach((k, v) -> (k.startsWith("val_") ? valLogs : trainLogs).put(k, v));
        // Keras's _collect_learning_rate: the optimizer's current rate, replacing a scheduler's entry if any.
        trainLogs.put("learning_rate", model.learningRate());
        trainLogs.forEach((k, v) -> train.write(Summaries.scalar("epoch_" + k, v, epoch)));
        for (RegularizationValue r : model.losses()) {
            train.write(Summaries.scalar("regularization/" + r.name(), r.value(), epoch));
        }
        valLogs.forEach((k, v) -> validation().write(Summaries.scalar("epoch_" + k.substring(4), v, epoch)));
        if (histogramFreq > 0 && epoch % histogramFreq == 0) {
            WeightSet weights = model.weights();
            String prefix = model.spec().name() + "/";
            weights.entries().forEach((name, w) ->
                    train.write(Summaries.histogram(prefix + name + "/histogram", w.values(), epoch)));
        }
        flush();
    }

    @Override
    public void onTrainEnd(History history) {
        flush();
        train = null;
        validation = null;
        model = null;
    }

    /** The event file of this run's training logs, or null outside {@code fit}. */
    Path trainFile() {
        return train == null ? null : train.file();
    }

    private EventFileWriter validation() {
        if (validation == null) {
            validation = EventFileWriter.create(logDir.resolve("validation"));
        }
        return validation;
    }

    private void flush() {
        if (train != null) {
            train.flush();
        }
        if (validation != null) {
            validation.flush();
        }
    }
}
