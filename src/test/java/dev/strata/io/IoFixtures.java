package dev.strata.io;

import static dev.strata.spec.Regularizers.l2;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.testing.Fixtures;
import dev.strata.train.Dataset;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;

/** A small classifier with dropout, L2 and Adam: every kind of state a checkpoint must carry. */
final class IoFixtures {
    static final Sequential SPEC = Sequential.named("clf").input(4)
            .add(Dense.units(12).activation(Activation.RELU).kernelRegularizer(l2(0.01)))
            .add(Dropout.rate(0.3))
            .add(Dense.units(3).activation(Activation.SOFTMAX));
    static final TrainingConfig ADAM = TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy(),
            Metric.ACCURACY);
    static final float[][] X = Fixtures.uniform(60, 4, 3);
    static final Dataset DATA = Dataset.of(X, Fixtures.threeClasses(X));

    private IoFixtures() {
    }

    static Model model(long seed) {
        return Model.compile(SPEC, ADAM, ModelOptions.defaults().seed(seed));
    }
}
