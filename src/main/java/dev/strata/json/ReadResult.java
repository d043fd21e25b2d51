package dev.strata.json;

import dev.strata.spec.ModelSpec;
import dev.strata.spec.TrainingConfig;

import java.util.List;
import java.util.Optional;

/**
 * What a model JSON held: the model, the compile settings when the file had them ({@code compile_config} or
 * {@code training_config}), and warnings about accepted input whose meaning a user may not expect (a zero
 * {@code "l1l2"} penalty, an ignored batch size).
 *
 * @param dialect the Keras flavour the document was written in, to write it back the same way
 */
public record ReadResult(ModelSpec spec, TrainingConfig trainingConfig, List<String> warnings, Dialect dialect) {

    public ReadResult {
        warnings = List.copyOf(warnings);
    }

    public Optional<TrainingConfig> training() {
        return Optional.ofNullable(trainingConfig);
    }
}
