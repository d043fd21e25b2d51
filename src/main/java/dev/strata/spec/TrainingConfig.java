package dev.strata.spec;

import java.util.List;

/** What Keras {@code compile()} takes: optimizer, loss and metrics. Also read from a JSON {@code training_config}. */
public record TrainingConfig(Optimizer optimizer, Loss loss, List<Metric> metrics) {
    public TrainingConfig {
        Checks.notNull("training config", "optimizer", optimizer);
        Checks.notNull("training config", "loss", loss);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
    }

    public static TrainingConfig of(Optimizer optimizer, Loss loss, Metric... metrics) {
        return new TrainingConfig(optimizer, loss, List.of(metrics));
    }
}
