package dev.strata.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A model used as a layer, as Keras allows: a {@link Sequential} or {@link Functional} inside another model (an
 * encoder inside an autoencoder, a pretrained backbone inside a classifier). Its weights are the inner layers'
 * weights, named {@code inner_layer/weight} under the model's name ({@code encoder/dense/kernel}); its penalties are
 * the inner layers' ({@code encoder/dense/kernel_regularizer}); {@code trainable=false} freezes all of them. Calling it
 * on tensors of its inputs' shapes gives its outputs.
 */
public record NestedModel(String name, ModelSpec model, boolean trainable) implements Layer {

    public static final ConfigField<ModelSpec> MODEL = ConfigField.model("model");

    /** Not registered under a Keras class name: the JSON reader recognizes model classes itself. */
    public static final LayerType<NestedModel> TYPE = LayerType.of(NestedModel.class, "Functional", "functional",
            MODEL);

    public NestedModel {
        Checks.notNull("nested model", "model", model);
        if (name != null && !name.equals(model.name())) {
            model = renamed(model, name);
        }
        name = model.name();
    }

    public static NestedModel of(ModelSpec model) {
        return new NestedModel(model.name(), model, true);
    }

    @Override
    public LayerType<NestedModel> type() {
        return TYPE;
    }

    @Override
    public String kerasClassName() {
        return model instanceof Sequential ? "Sequential" : "Functional";
    }

    @Override
    public String namePrefix() {
        return model instanceof Sequential ? "sequential" : "functional";
    }

    @Override
    public NestedModel withName(String newName) {
        return new NestedModel(newName, model, trainable);
    }

    public NestedModel trainable(boolean value) {
        return new NestedModel(name, model, value);
    }

    @Override
    public void validate(String where) {
        if (!model.penalties().isEmpty()) {
            // Keras has no model-wide penalties; Strata's apply to the model they are given to, not to a model that
            // contains it, so rather than silently dropping them, ask for them on the outer model.
            throw new InvalidSpecException(where, "penalties", "a nested model's model-wide penalties would not be "
                    + "applied; give them to the outer model");
        }
        model.summary(); // the inner model is valid once it exists; this checks it is complete
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        List<TensorShape> out = outputShapes(List.of(input), where);
        if (out.size() != 1) {
            throw new InvalidSpecException(where, "outputs", "model '" + name + "' gives " + out.size()
                    + " tensors; a Sequential layer must give one (use a functional model)");
        }
        return out.get(0);
    }

    /** The inner model's output shapes, for inputs of the shapes its own inputs declare. */
    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        ModelSummary inner = model.summary();
        if (inputs.size() != inner.inputs().size()) {
            throw new InvalidSpecException(where, "inbound_nodes", "model '" + name + "' takes "
                    + inner.inputs().size() + " inputs. Received " + inputs.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            TensorShape want = inner.inputs().get(i).shape();
            if (!fits(inputs.get(i), want)) {
                throw new InvalidSpecException(where, "inbound_nodes", "model '" + name + "' takes input "
                        + inner.inputs().get(i).name() + " of shape " + want + ". Received " + inputs.get(i));
            }
        }
        return inner.outputShapes();
    }

    /** Equal ranks, and every dimension equal or unknown on the model's side. */
    private static boolean fits(TensorShape given, TensorShape want) {
        if (given.rank() != want.rank()) {
            return false;
        }
        for (int d = 0; d < want.rank(); d++) {
            if (want.dim(d) != TensorShape.UNKNOWN && want.dim(d) != given.dim(d)) {
                return false;
            }
        }
        return true;
    }

    /** Every inner weight, named {@code layer/weight} within the nested model; frozen when the model is. */
    @Override
    public List<WeightSpec> weights(List<TensorShape> inputs) {
        List<WeightSpec> out = new ArrayList<>();
        for (LayerSummary row : model.summary().layers()) {
            String prefix = row.layer().name() + "/";
            for (WeightSpec w : row.weights()) {
                WeightSpec.Kind kind = trainable || w.kind() == WeightSpec.Kind.STATE ? w.kind()
                        : WeightSpec.Kind.FROZEN;
                out.add(new WeightSpec(prefix + w.name(), w.role(), kind, w.shape(), w.initializer(),
                        w.regularizer(), w.regularizerKey() == null ? null : prefix + w.regularizerKey(),
                        w.constraint()));
            }
        }
        return out;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        return weights(List.of(input));
    }

    private static ModelSpec renamed(ModelSpec m, String newName) {
        if (m instanceof Sequential s) {
            return new Sequential(newName, s.inputShape(), s.layers(), s.penalties());
        }
        Functional f = (Functional) m;
        return new Functional(newName, f.inputs(), f.nodes(), f.outputs(), f.penalties());
    }
}
