package dev.strata.fuzz;

import dev.strata.io.ModelCheckpoint;
import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import dev.strata.testing.Fixtures;
import dev.strata.train.Callback;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run {@link KillDuringFitTest} kills: Adam, dropout and shuffling (state a resume must restore),
 * a checkpoint after every epoch. Run as a child JVM: {@code KillDuringFit dir}; it pauses after each epoch so
 * the parent's kill can land while it trains, not after it has finished.
 */
public final class KillDuringFit {
    static final int EPOCHS = 40;
    static final long SEED = 23;
    static final float[][] X = Fixtures.uniform(48, 4, 5);
    static final Dataset DATA = Dataset.of(X, Fixtures.threeClasses(X));

    private KillDuringFit() {
    }

    static Model model() {
        return Model.compile(Sequential.named("killed").input(4).add(Dense.units(12).activation(Activation.RELU))
                .add(Dropout.rate(0.2)).add(Dense.units(3).activation(Activation.SOFTMAX)),
                TrainingConfig.of(Optimizer.adam(0.01), Loss.categoricalCrossentropy()),
                ModelOptions.defaults().seed(SEED));
    }

    static FitOptions options(int epochs) {
        return FitOptions.epochs(epochs).batchSize(8).shuffleSeed(SEED).quiet();
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Callback pause = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (Model m = model()) {
            m.fit(DATA, options(EPOCHS).callbacks(ModelCheckpoint.to(dir.resolve("epoch-{epoch:02d}.ckpt")), pause));
        }
    }
}
