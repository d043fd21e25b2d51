package dev.strata.train;

import java.util.List;

/**
 * What {@link CsvLoader} read: the examples, the feature columns' names in order, the label column's name, and
 * the standardization applied (null when none), to reuse on validation and test files.
 */
public record CsvData(Dataset dataset, List<String> featureNames, String labelName, Standardizer standardizer) {
    public CsvData {
        featureNames = List.copyOf(featureNames);
    }
}
