package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Dense;
import dev.strata.spec.Initializer;
import dev.strata.spec.Layer;
import dev.strata.spec.Regularizer;

/**
 * Keras {@code Dense}, including Keras 1's spelling ({@code output_dim}, {@code init}, {@code bias},
 * {@code W_regularizer}, {@code b_regularizer}, {@code W_constraint}, {@code b_constraint}).
 */
final class DenseCodec implements LayerCodec {

    @Override
    public Layer read(Fields c) {
        ReadContext ctx = c.ctx();
        LayerCommon.Common common = LayerCommon.read(c);
        String unitsKey = c.contains("units") || !c.contains("output_dim") ? "units" : "output_dim";
        int units = c.requireInt(unitsKey);
        String biasKey = c.contains("use_bias") || !c.contains("bias") ? "use_bias" : "bias";
        boolean useBias = c.bool(biasKey, true);
        String kernelInitKey = c.contains("kernel_initializer") || !c.contains("init") ? "kernel_initializer" : "init";
        Initializer kernelInit = InitializerJson.read(ctx, c.get(kernelInitKey), c.at(kernelInitKey),
                Initializer.glorotUniform());
        Initializer biasInit = InitializerJson.read(ctx, c.get("bias_initializer"), c.at("bias_initializer"),
                Initializer.zeros());
        Regularizer kernelReg = regularizer(c, "kernel_regularizer", "W_regularizer");
        Regularizer biasReg = regularizer(c, "bias_regularizer", "b_regularizer");
        Regularizer activityReg = RegularizerJson.read(ctx, c.get("activity_regularizer"), c.at("activity_regularizer"));
        c.requireNull("kernel_constraint", "weight constraints");
        c.requireNull("bias_constraint", "weight constraints");
        c.requireNull("W_constraint", "weight constraints");
        c.requireNull("b_constraint", "weight constraints");
        c.requireNull("quantization_config", "quantized Dense");
        c.requireNull("lora_rank", "LoRA adapters");
        c.requireNull("lora_alpha", "LoRA adapters");
        Dense dense = new Dense(common.name(), units, ActivationJson.read(ctx, c.get("activation"), c.at("activation")),
                useBias, kernelInit, biasInit, kernelReg, biasReg, activityReg, common.trainable());
        c.rejectUnknown("Dense config");
        return dense;
    }

    private static Regularizer regularizer(Fields c, String key, String keras1Key) {
        String k = c.contains(key) || !c.contains(keras1Key) ? key : keras1Key;
        return RegularizerJson.read(c.ctx(), c.get(k), c.at(k));
    }

    @Override
    public ObjectNode write(Layer layer, Dialect dialect) {
        Dense d = (Dense) layer;
        ObjectNode o = LayerCommon.write(d.name(), d.trainable(), dialect);
        boolean k3 = dialect == Dialect.KERAS3;
        if (k3 && d.activityRegularizer() != null) {
            o.set("activity_regularizer", RegularizerJson.write(d.activityRegularizer(), dialect));
        }
        o.put("units", d.units());
        o.put("activation", d.activation().kerasName());
        o.put("use_bias", d.useBias());
        o.set("kernel_initializer", InitializerJson.write(d.kernelInitializer(), dialect));
        o.set("bias_initializer", InitializerJson.write(d.biasInitializer(), dialect));
        o.set("kernel_regularizer", regularizer(d.kernelRegularizer(), dialect));
        o.set("bias_regularizer", regularizer(d.biasRegularizer(), dialect));
        if (!k3) {
            o.set("activity_regularizer", regularizer(d.activityRegularizer(), dialect));
        }
        o.putNull("kernel_constraint");
        o.putNull("bias_constraint");
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode regularizer(Regularizer r, Dialect dialect) {
        return r == null ? com.fasterxml.jackson.databind.node.NullNode.instance : RegularizerJson.write(r, dialect);
    }
}
