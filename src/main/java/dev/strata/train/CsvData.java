package dev.strata.train;

import java.util.List;

/**
 * What {@link CsvLoader} read: the examples, the feature columns' names in order, the label column's name, the
 * standardization applied (null when none), and the class of each index when the labels were names (sorted;
 * empty for numeric labels), to reuse on validation and test files.
 */
public record CsvData(Dataset dataset, List<String> featureNames, String labelName, Standardizer standardizer,
                      List<String> classNames) {
    public CsvData {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /** {@code setosa=0, versicolor=1, virginica=2}, or empty for numeric labels. */
    public String describeClasses() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < classNames.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(classNames.get(i)).append('=').append(i);
        }
        return sb.toString();
    }
}
