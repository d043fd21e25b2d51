package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * Compile time stays linear in depth because the training graph does (issue 15: 200 layers once took 63 s): each
 * added layer adds the same number of ops and edges, data and control, whatever the depth, regularizers and Adam
 * included. An N^2 wiring (every update waiting on every gradient by its own edge, a scope walk per layer that
 * leaves ops behind) shows up as a per-layer count that grows. Counts, not timings: the suite times nothing.
 */
class GraphSizeIsLinearTest {
    private static long[] size(int layers) {
        Sequential s = Sequential.create().input(8);
        for (int i = 0; i < layers; i++) {
            s = s.add(Dense.units(4).activation(Activation.RELU).kernelRegularizer(Regularizers.l2(1e-3)));
        }
        s = s.add(Dense.units(1));
        try (TrainingGraph g = GraphCompiler.training(s, TrainingConfig.of(Optimizer.adam(1e-3),
                Loss.meanSquaredError()), 0)) {
            long ops = 0;
            long edges = 0;
            for (Iterator<GraphOperation> it = g.graph().operations(); it.hasNext(); ) {
                GraphOperation op = it.next();
                ops++;
                edges += op.numInputs() + op.numControlInputs();
            }
            return new long[] {ops, edges};
        }
    }

    @Test
    void everyLayerAddsTheSameOpsAndEdges() {
        long[] a = size(10);
        long[] b = size(20);
        long[] c = size(40);
        for (int k = 0; k < 2; k++) {
            long perLayerLow = (b[k] - a[k]) / 10;
            long perLayerHigh = (c[k] - b[k]) / 20;
            assertEquals(perLayerLow, perLayerHigh, (k == 0 ? "ops" : "edges") + " per layer at depth 10-20 and "
                    + "20-40 (10: " + a[k] + ", 20: " + b[k] + ", 40: " + c[k] + ")");
            assertTrue(perLayerLow > 0);
        }
    }
}
