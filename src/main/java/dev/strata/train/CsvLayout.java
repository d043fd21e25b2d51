package dev.strata.train;

import dev.strata.spec.Loss;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which CSV columns feed which model input and which become which output's target, for models with several
 * inputs or outputs (what a Keras user passes as {@code fit({"image": df[cols], "scale": df["scale"]}, ...)}).
 * Inputs and targets are listed in the model's order. A column is named by its header; a name ending in
 * {@code *} takes every column starting with the rest, in header order ({@code "px_*"}). Immutable:
 * <pre>{@code
 * CsvLayout.create().input("image", TensorShape.of(12, 12, 1), "px_*").input("scale", TensorShape.of(1), "scale")
 *         .target("shape", CsvOptions.Labels.ONE_HOT, 3, "shape").target("brightness", "brightness")
 * }</pre>
 * {@link #byName} derives the layout from the model's own input and output names.
 */
public record CsvLayout(List<Part> inputs, List<Part> targets, char separator) {

    /**
     * One input or target: its name (for messages), the shape of one example, the column patterns, and how a
     * target's single label column becomes its values ({@code VALUES} for inputs).
     */
    public record Part(String name, TensorShape shape, List<String> columns, CsvOptions.Labels labels, int classes) {
        public Part {
            if (name == null || name.isEmpty() || shape == null || columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("a CSV part needs a name, a shape and at least one column");
            }
            columns = List.copyOf(columns);
            if (labels != CsvOptions.Labels.VALUES && (columns.size() != 1 || columns.get(0).endsWith("*"))) {
                throw new IllegalArgumentException("'" + name + "': class labels come from one column, not "
                        + columns);
            }
            if (labels == CsvOptions.Labels.ONE_HOT && (classes < 2 || shape.size() != classes)) {
                throw new IllegalArgumentException("'" + name + "': one-hot labels need a class count >= 2 equal to "
                        + "the target width " + shape);
            }
            if (labels != CsvOptions.Labels.VALUES && classes > CsvOptions.MAX_CLASSES) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "'%s': %,d classes, more "
                        + "than the %,d a float32 class index can name exactly", name, classes, CsvOptions.MAX_CLASSES));
            }
        }
    }

    public CsvLayout {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
    }

    public static CsvLayout create() {
        return new CsvLayout(List.of(), List.of(), ',');
    }

    /** An input of the given example shape, from these columns (shape.size() values in all). */
    public CsvLayout input(String name, TensorShape shape, String... columns) {
        List<Part> next = new ArrayList<>(inputs);
        next.add(new Part(name, shape, List.of(columns), CsvOptions.Labels.VALUES, 0));
        return new CsvLayout(next, targets, separator);
    }

    /** A target made of the values of these columns, one per entry of the output. */
    public CsvLayout target(String name, String... columns) {
        return target(name, TensorShape.of(columns.length == 1 && !columns[0].endsWith("*") ? 1 : -1),
                CsvOptions.Labels.VALUES, 0, columns);
    }

    /** A target of the given shape from these columns (for a prefix pattern, whose width the shape gives). */
    public CsvLayout target(String name, TensorShape shape, String... columns) {
        return target(name, shape, CsvOptions.Labels.VALUES, 0, columns);
    }

    /** A class-label target: one column of class indices, kept ({@code SPARSE}) or made one-hot. */
    public CsvLayout target(String name, CsvOptions.Labels labels, int classes, String column) {
        TensorShape shape = TensorShape.of(labels == CsvOptions.Labels.ONE_HOT ? classes : 1);
        return target(name, shape, labels, classes, column);
    }

    private CsvLayout target(String name, TensorShape shape, CsvOptions.Labels labels, int classes,
                             String... columns) {
        List<Part> next = new ArrayList<>(targets);
        next.add(new Part(name, shape, List.of(columns), labels, classes));
        return new CsvLayout(inputs, next, separator);
    }

    public CsvLayout separator(char value) {
        return new CsvLayout(inputs, targets, value);
    }

    /**
     * The layout by naming convention: input {@code x} is the column {@code x} when one value wide, else the
     * columns {@code x_*}; output {@code y} likewise, its labels encoded as its loss needs them (class indices for
     * sparse categorical crossentropy, one-hot for categorical crossentropy, values otherwise).
     */
    public static CsvLayout byName(ModelSummary model, TrainingConfig config) {
        CsvLayout layout = create();
        for (var in : model.inputs()) {
            layout = layout.input(in.name(), in.shape(), in.shape().size() == 1 ? in.name() : in.name() + "_*");
        }
        List<String> outputs = model.outputNames();
        Map<String, TrainingConfig.OutputTraining> training = config.resolve(outputs).stream()
                .collect(java.util.stream.Collectors.toMap(TrainingConfig.OutputTraining::output, o -> o));
        for (int k = 0; k < outputs.size(); k++) {
            String name = outputs.get(k);
            TensorShape shape = model.outputShapes().get(k);
            Loss loss = training.get(name).loss();
            if (loss instanceof Loss.SparseCategoricalCrossentropy) {
                layout = layout.target(name, CsvOptions.Labels.SPARSE, 0, name);
            } else if (loss instanceof Loss.CategoricalCrossentropy && shape.size() >= 2) {
                layout = layout.target(name, CsvOptions.Labels.ONE_HOT, (int) shape.size(), name);
            } else {
                layout = layout.target(name, shape, shape.size() == 1 ? name : name + "_*");
            }
        }
        return layout;
    }
}
