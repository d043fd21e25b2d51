package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.graph.LayerKernel;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.layers.Merge;
import dev.strata.spec.layers.MergeMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Keras 1's {@code Merge}, each mode computed by the ops of its Keras 3 layer. Keras 1 merged masks unlike Keras 3
 * (and all of them: {@code sum} and-ed them where Keras 3's {@code Add} or-s them, {@code max} failed), so masked
 * inputs are refused but in modes {@code dot} and {@code cos}, whose output has no mask in either.
 */
public final class MergeKernel implements LayerKernel<Merge> {

    @Override
    public Flow call(Merge layer, LayerCall call) {
        Ops tf = call.tf();
        String where = MergeOps.where(layer);
        List<Flow> in = call.inputs();
        List<Operand<TFloat32>> xs = MergeOps.values(in);
        MergeMode mode = layer.mode();
        boolean pair = mode == MergeMode.DOT || mode == MergeMode.COS;
        if (!pair && in.stream().anyMatch(f -> f.mask() != null)) {
            throw new InvalidSpecException(where, "mask", "Keras 1's Merge(mode='" + mode.kerasName() + "') "
                    + "merged masks unlike any Keras 3 layer; masked inputs are refused (use the Keras 3 layer)");
        }
        List<Operand<TBool>> noMasks = new ArrayList<>(Collections.nCopies(xs.size(), null));
        Operand<TFloat32> y = switch (mode) {
            case SUM -> MergeOps.sum(tf, xs);
            case MUL -> MergeOps.multiply(tf, xs, noMasks);
            case AVE -> MergeOps.average(tf, xs);
            case MAX -> MergeOps.extremum(tf, xs, noMasks, true);
            case CONCAT -> tf.concat(xs, tf.constant(layer.resolvedConcatAxis(
                    List.of(MergeOps.exampleShape(xs.get(0), where)), where)));
            case DOT, COS -> {
                int[] axes = layer.contractedAxes(MergeOps.exampleShape(xs.get(0), where),
                        MergeOps.exampleShape(xs.get(1), where), where);
                yield BatchDot.dot(tf, xs.get(0), xs.get(1), axes[0], axes[1], mode == MergeMode.COS, where);
            }
        };
        return Flow.of(y);
    }
}
