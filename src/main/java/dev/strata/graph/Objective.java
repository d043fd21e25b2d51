package dev.strata.graph;

import dev.strata.spec.Metric;
import dev.strata.spec.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The losses of one forward pass: data loss, the sum of its penalties, and the Keras total (built like
 * Keras 3's {@code compute_loss}: the data loss and each penalty stacked and summed in one reduction).
 *
 * <p>{@link #stats()} packs everything a step reports into one vector, so a step costs one fetch:
 * {@code [total, data, regularization]} and then one block per metric in compile order, each
 * {@link MetricOps#statsWidth} long.
 */
record Objective(Operand<TFloat32> data, Operand<TFloat32> regularization, Operand<TFloat32> total,
                 Operand<TFloat32> stats, List<String> metricNames) {

    static Objective build(Ops tf, TrainingConfig config, Tower tower, Operand<TFloat32> target,
                           List<RegularizationTerm> terms, int classes) {
        Operand<TFloat32> data = tf.withName("data_loss").identity(
                DataLoss.reduce(tf, DataLoss.perExample(tf, config.loss(), tower, target, classes)));
        Operand<TFloat32> regularization;
        Operand<TFloat32> total;
        if (terms.isEmpty()) {
            regularization = tf.withName("regularization_loss").constant(0f);
            total = tf.withName("total_loss").identity(data);
        } else {
            List<Operand<TFloat32>> penalties = new ArrayList<>();
            for (RegularizationTerm t : terms) {
                penalties.add(t.value());
            }
            regularization = tf.withName("regularization_loss").reduceSum(tf.stack(penalties), tf.constant(0));
            List<Operand<TFloat32>> all = new ArrayList<>();
            all.add(data);
            all.addAll(penalties);
            total = tf.withName("total_loss").reduceSum(tf.stack(all), tf.constant(0));
        }
        List<Operand<TFloat32>> three = List.of(total, data, regularization);
        if (config.metrics().isEmpty()) {
            return new Objective(data, regularization, total, tf.withName("stats").stack(three), List.of());
        }
        List<Operand<TFloat32>> blocks = new ArrayList<>(List.of(tf.stack(three)));
        List<String> names = new ArrayList<>();
        for (Metric m : config.metrics()) {
            Metric resolved = m.resolve(config.loss());
            blocks.add(MetricOps.batchStats(tf.withSubScope(resolved.kerasName()), resolved, config.loss(), target,
                    tower.output()));
            names.add(m == Metric.ACCURACY ? "accuracy" : resolved.kerasName());
        }
        return new Objective(data, regularization, total, tf.withName("stats").concat(blocks, tf.constant(0)),
                names);
    }
}
