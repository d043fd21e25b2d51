package dev.strata.graph;

import dev.strata.spec.L1;
import dev.strata.spec.L1L2;
import dev.strata.spec.L2;
import dev.strata.spec.Regularizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The gradients of a training step, with the L1, L2 and L1L2 weight penalties differentiated in closed form instead
 * of by TensorFlow's symbolic gradients.
 *
 * <p>Why: the symbolic gradient of {@code l2 * sum(square(w))} broadcasts the upstream scalar to the weight's shape,
 * doubles the weight, multiplies the two and adds the result to the data gradient: four ops and passes over every
 * penalized weight. The closed form is one op ({@code w * 2 l2}, {@code sign(w) * l1}) plus the sum with the data
 * gradient. (On the project's shared 2-core machine the two measured alike, within its noise: BENCHMARKS.md.) It is the
 * same float32 value as the symbolic one, bit for bit: TensorFlow's gradient computes {@code l2 * (2 w)}, and
 * scaling by two is exact, so {@code (2 l2) * w} rounds to the same float; {@code l1 * sign(w)} is exactly
 * {@code ±l1} or 0 either way. Only the order in which several contributions to one weight are added may differ
 * (a float32 rounding of the sum). The penalty's value is still computed and reported each step.
 */
final class PenaltyGradients {
    private PenaltyGradients() {
    }

    /** True when the term's gradient is written in closed form: an L1, L2 or L1L2 penalty on a weight. */
    static boolean closedForm(RegularizationTerm t) {
        Regularizer r = t.regularizer();
        return t.weight() != null && (r instanceof L1 || r instanceof L2 || r instanceof L1L2);
    }

    /**
     * The loss TensorFlow differentiates: the data loss plus the terms without a closed form, summed as
     * {@link Objective} sums the total (each term's upstream gradient is 1 either way).
     */
    static Operand<TFloat32> differentiated(Ops tf, Objective objective, List<RegularizationTerm> terms) {
        List<Operand<TFloat32>> rest = new ArrayList<>();
        for (RegularizationTerm t : terms) {
            if (!closedForm(t)) {
                rest.add(t.value());
            }
        }
        if (rest.size() == terms.size()) {
            return objective.total();
        }
        if (rest.isEmpty()) {
            return objective.data();
        }
        rest.add(0, objective.data());
        return tf.withName("differentiated_loss").reduceSum(tf.stack(rest), tf.constant(0));
    }

    /** The gradient of the whole training objective with respect to each trainable weight's read. */
    static Output<?>[] of(Graph graph, Ops tf, Objective objective, List<RegularizationTerm> terms,
                          List<ModelVariable> trainables) {
        Output<?>[] reads = new Output<?>[trainables.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < reads.length; i++) {
            reads[i] = trainables.get(i).value().asOutput();
            index.put(trainables.get(i).name(), i);
        }
        Output<?>[] gradients = graph.addGradients(differentiated(tf, objective, terms).asOutput(), reads);
        List<List<Operand<TFloat32>>> extra = new ArrayList<>();
        for (int i = 0; i < reads.length; i++) {
            extra.add(new ArrayList<>());
        }
        Ops scope = tf.withSubScope("penalty_gradients");
        for (RegularizationTerm t : terms) {
            Integer i = closedForm(t) ? index.get(t.weight()) : null;
            if (i != null) {
                extra.get(i).addAll(closedForm(scope, t.regularizer(), trainables.get(i).value()));
            }
        }
        for (int i = 0; i < reads.length; i++) {
            if (extra.get(i).isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Operand<TFloat32> data = (Operand<TFloat32>) gradients[i];
            List<Operand<TFloat32>> all = new ArrayList<>();
            all.add(data);
            all.addAll(extra.get(i));
            gradients[i] = scope.math.addN(all).asOutput();
        }
        return gradients;
    }

    /** Each part of one penalty's gradient, as TensorFlow's symbolic gradient produces them. */
    private static List<Operand<TFloat32>> closedForm(Ops tf, Regularizer r, Operand<TFloat32> w) {
        List<Operand<TFloat32>> parts = new ArrayList<>();
        double l1 = r instanceof L1 a ? a.l1() : r instanceof L1L2 b ? b.l1() : 0;
        double l2 = r instanceof L2 a ? a.l2() : r instanceof L1L2 b ? b.l2() : 0;
        // Penalties.build skips a zero factor entirely (L1L2 with l1 = 0 is a pure L2 term), so does its gradient.
        if (l1 != 0) {
            parts.add(tf.math.mul(tf.math.sign(w), tf.constant((float) l1)));
        }
        if (l2 != 0) {
            parts.add(tf.math.mul(w, tf.constant(2 * (float) l2)));
        }
        return parts;
    }
}
