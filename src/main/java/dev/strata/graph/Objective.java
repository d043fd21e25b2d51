package dev.strata.graph;

import dev.strata.spec.Metric;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig.OutputTraining;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The losses of one forward pass, built like Keras 3's {@code compute_loss}: each output's loss times its weight,
 * summed over the outputs (the data loss), plus every penalty, in one reduction of the stacked terms.
 *
 * <p>{@link #stats()} packs everything a step reports into one vector, so a step costs one fetch:
 * {@code [total, data, regularization]}, then each output's own (unweighted) loss when there are several
 * outputs, then one block per metric of each output; {@link #blocks()} says what each entry is.
 */
record Objective(Operand<TFloat32> data, Operand<TFloat32> regularization, Operand<TFloat32> total,
                 Operand<TFloat32> stats, List<StatBlock> blocks) {

    /** Position of each value in the stats vectors. */
    static final int TOTAL = 0;
    static final int DATA = 1;
    static final int REGULARIZATION = 2;

    /**
     * @param outputs each output's loss, weight and metrics, in the model's output order
     * @param shapes each output's shape, without the batch axis
     */
    static Objective build(Ops tf, List<OutputTraining> outputs, List<TensorShape> shapes, Tower tower,
                           List<? extends Operand<TFloat32>> targets, List<RegularizationTerm> terms) {
        boolean several = outputs.size() > 1;
        List<Operand<TFloat32>> losses = new ArrayList<>();
        Operand<TFloat32> data = null;
        for (int i = 0; i < outputs.size(); i++) {
            OutputTraining o = outputs.get(i);
            TensorShape shape = shapes.get(i);
            int classes = shape.rank() == 0 ? 1 : shape.dim(-1);
            Flow output = tower.outputs().get(i);
            // Keras weighs the loss of an output that carries a mask (a sequence after a masking layer) by it.
            Operand<TFloat32> loss = DataLoss.reduce(tf, o.loss(), DataLoss.perExample(tf, o.loss(), output,
                    targets.get(i), classes), output.mask());
            losses.add(loss);
            Operand<TFloat32> weighted = o.weight() == 1.0 ? loss : tf.math.mul(loss, tf.constant((float) o.weight()));
            data = data == null ? weighted : tf.math.add(data, weighted);
        }
        data = tf.withName("data_loss").identity(data);
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
        List<StatBlock> blocks = new ArrayList<>(List.of(new StatBlock("loss", null, TOTAL, 1),
                new StatBlock("data_loss", null, DATA, 1), new StatBlock("regularization_loss", null, REGULARIZATION,
                        1)));
        List<Operand<TFloat32>> values = new ArrayList<>(List.of(total, data, regularization));
        if (several) {
            for (int i = 0; i < outputs.size(); i++) {
                blocks.add(new StatBlock(outputs.get(i).output() + "_loss", null, values.size(), 1));
                values.add(losses.get(i));
            }
        }
        List<Operand<TFloat32>> parts = new ArrayList<>(List.of(tf.stack(values)));
        int offset = values.size();
        for (int i = 0; i < outputs.size(); i++) {
            OutputTraining o = outputs.get(i);
            for (Metric m : o.metrics()) {
                Metric resolved = m.resolve(o.loss());
                String name = m == Metric.ACCURACY ? "accuracy" : resolved.kerasName();
                String key = several ? o.output() + "_" + name : name;
                Flow output = tower.outputs().get(i);
                MetricOps.Block block = MetricOps.batchStats(tf.withSubScope(ScopeNames.sanitize(key)), resolved,
                        o.loss(), targets.get(i), output.value(), output.mask());
                StatBlock stat = new StatBlock(key, resolved, offset, examplesPerRow(shapes.get(i)),
                        block.weighted());
                blocks.add(stat);
                parts.add(block.values());
                offset += stat.width();
            }
        }
        Operand<TFloat32> stats = parts.size() == 1 ? tf.withName("stats").identity(parts.get(0))
                : tf.withName("stats").concat(parts, tf.constant(0));
        return new Objective(data, regularization, total, stats, blocks);
    }

    /** Per-example values of a metric per input row: the product of the output's axes but the last. */
    static int examplesPerRow(TensorShape out) {
        int n = 1;
        for (int i = 0; i < out.rank() - 1; i++) {
            n *= out.dim(i);
        }
        return n;
    }
}
