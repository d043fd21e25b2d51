package dev.strata.custom;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Initializer;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;

/**
 * A user's layer, as a Strata user would write it for a custom Keras class: DEC-Keras's {@code ClusteringLayer}
 * (Xie et al., Unsupervised Deep Embedding for Clustering, 2016). It holds {@code output_dim} cluster centres and
 * gives each example's soft assignment to them, Student's t kernel normalised over the clusters:
 * {@code q_ij = (1 + |z_i - mu_j|^2 / alpha)^(-(alpha + 1) / 2) / sum_j'(...)}. The config keys are the ones
 * DEC-Keras's {@code get_config} writes ({@code output_dim}, {@code input_dim}, {@code alpha}).
 */
public record ClusteringLayer(String name, int outputDim, Integer inputDim, double alpha, boolean trainable)
        implements Layer {

    public static final ConfigField<Integer> OUTPUT_DIM = ConfigField.integer("output_dim").required().positive();
    public static final ConfigField<Integer> INPUT_DIM = ConfigField.integer("input_dim").nullable();
    public static final ConfigField<Double> ALPHA = ConfigField.number("alpha").defaultsTo(1.0).positive();

    public static final LayerType<ClusteringLayer> TYPE = LayerType.of(ClusteringLayer.class, "ClusteringLayer",
            "clustering", OUTPUT_DIM, INPUT_DIM, ALPHA);

    public static ClusteringLayer clusters(int n) {
        return TYPE.make(OUTPUT_DIM, n);
    }

    @Override
    public LayerType<ClusteringLayer> type() {
        return TYPE;
    }

    @Override
    public ClusteringLayer withName(String newName) {
        return TYPE.renamed(this, newName);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        if (input.rank() != 1 || input.dim(0) == TensorShape.UNKNOWN) {
            throw new InvalidSpecException(where, "input", "ClusteringLayer takes (batch, features) with known "
                    + "features. Received " + input);
        }
        if (inputDim != null && inputDim != input.dim(0)) {
            throw new InvalidSpecException(where, "input_dim", "is " + inputDim + " but the input has "
                    + input.dim(0) + " features");
        }
        return TensorShape.of(outputDim);
    }

    /** The cluster centres, (clusters, features): trainable, as DEC refines them by gradient descent. */
    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return List.of(new WeightSpec("clusters", WeightSpec.Role.KERNEL, trainable ? WeightSpec.Kind.TRAINABLE
                : WeightSpec.Kind.FROZEN, new int[] {outputDim, input.dim(0)}, Initializer.glorotUniform(), null,
                null, null));
    }
}
