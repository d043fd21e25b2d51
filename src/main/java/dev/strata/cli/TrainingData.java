package dev.strata.cli;

import dev.strata.demo.DemoData;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.CsvData;
import dev.strata.train.CsvLayout;
import dev.strata.train.CsvLoader;
import dev.strata.train.CsvOptions;
import dev.strata.train.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data a command trains on: a CSV file (labels encoded as the loss needs them, class names numbered in sorted
 * order; the last fraction held out for validation, as Keras's validation_split) or, without one, the embedded
 * demo data set.
 *
 * @param classNames the class of each index when the labels were names, else empty
 */
record TrainingData(Dataset train, Dataset validation, String description, java.util.List<String> classNames) {

    static TrainingData from(DataOptions a, ModelSummary model, TrainingConfig config) throws IOException {
        Path path = a.data;
        if (path == null) {
            TensorShape in = model.inputShape();
            TensorShape out = model.outputShape();
            if (!in.equals(TensorShape.of(DemoData.FEATURES)) || !out.equals(TensorShape.of(1))) {
                throw new UsageException("the embedded demo data has " + DemoData.FEATURES
                        + " features and one binary label, but this model takes " + in + " and outputs " + out
                        + "; give --data FILE.csv");
            }
            DemoData demo = DemoData.standard();
            return new TrainingData(demo.train(), demo.validation(), "embedded demo data ("
                    + demo.train().size() + " training, " + demo.validation().size() + " validation examples)",
                    java.util.List.of());
        }
        String file = path.toString();
        if (model.inputs().size() > 1 || model.outputNames().size() > 1) {
            return several(a, path, model, config);
        }
        String label = a.label;
        CsvOptions options = label == null ? CsvOptions.label(lastHeader(path))
                : label.matches("\\d+") ? CsvOptions.labelIndex(Integer.parseInt(label)) : CsvOptions.label(label);
        Loss loss = config.loss();
        if (loss instanceof Loss.SparseCategoricalCrossentropy) {
            options = options.sparse();
        } else if (loss instanceof Loss.CategoricalCrossentropy) {
            options = options.oneHot(model.outputShape().dim(-1));
        }
        if (a.standardize) {
            options = options.standardize();
        }
        CsvData csv = CsvLoader.load(path, options);
        double split = a.validationSplit;
        String classes = csv.classNames().isEmpty() ? "" : "; classes " + csv.describeClasses();
        if (split == 0) {
            return new TrainingData(csv.dataset(), null, file + " (" + csv.dataset().size() + " examples" + classes
                    + ")", csv.classNames());
        }
        Dataset[] parts = csv.dataset().splitLast(split);
        return new TrainingData(parts[0], parts[1], file + " (" + parts[0].size() + " training, " + parts[1].size()
                + " validation examples, label column '" + csv.labelName() + "'" + classes + ")", csv.classNames());
    }

    /**
     * A model with several inputs or outputs reads its columns by name ({@link CsvLayout#byName}): input
     * {@code image} from {@code image_*} (or {@code image} when one value wide), output {@code shape} from
     * {@code shape}, labels encoded as its loss needs.
     */
    private static TrainingData several(DataOptions a, Path path, ModelSummary model, TrainingConfig config) {
        if (a.label != null || a.standardize) {
            throw new UsageException("--label and --standardize apply to one-input, one-output models; "
                    + "this model reads its columns by input and output name (" + String.join(", ",
                    model.inputs().stream().map(in -> in.name()).toList()) + "; " + String.join(", ",
                    model.outputNames()) + ")");
        }
        Dataset all = CsvLoader.load(path, CsvLayout.byName(model, config));
        double split = a.validationSplit;
        if (split == 0) {
            return new TrainingData(all, null, path + " (" + all.size() + " examples)", java.util.List.of());
        }
        Dataset[] parts = all.splitLast(split);
        return new TrainingData(parts[0], parts[1], path + " (" + parts[0].size() + " training, "
                + parts[1].size() + " validation examples, columns by input and output name)", java.util.List.of());
    }

    private static String lastHeader(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || header.isBlank()) {
                // A data error like a header without rows (exit 1), not a command-line mistake.
                throw new IllegalArgumentException(csv + ":1:1: empty file; expected a header row");
            }
            String[] names = header.split(",");
            return names[names.length - 1].trim().replace("\"", "");
        }
    }
}
