"""Golden cases: the activation layers, and one Activation layer per activation name Strata supports.

Inputs have x_scale 3 so both sides of every kink are exercised; the "*_at_zero" cases use x_scale 1e-4, so most
inputs round to exactly 0 (rnd rounds to 4 decimals) and the fixture holds TensorFlow's gradient at the kink.
glu, sparsemax and threshold are refused by Strata (see Activation.java) and have no case here. Two cases the
harness cannot take are tested in Java instead: linear (its output is the input placeholder, which the probe
cannot fetch) and PReLU at exactly 0 (TensorFlow's gradient there is 0 for both relu branches, outside the
one-sided slopes 1 and alpha that the finite-difference check accepts).

ThresholdedReLU no longer exists in Keras 3. Its case runs a port of tf.keras 2.15's class (the same call and
get_config, under the module name keras.layers, so it serializes as tf.keras 2 wrote it): TensorFlow computes
the Keras 2 formula, and the Java side also checks hand-computed values.
"""
import keras
import tensorflow as tf
from generate import Case

L = keras.layers
R = keras.regularizers
C = keras.constraints


class ThresholdedReLU(L.Layer):
    """tf.keras 2.15's ThresholdedReLU: inputs * cast(inputs > theta)."""

    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        if theta is None or theta < 0:
            raise ValueError(f"theta must be non-negative. Received: theta={theta}")
        self.theta = theta

    def call(self, inputs):
        dtype = self.compute_dtype
        return inputs * tf.cast(tf.greater(inputs, self.theta), dtype)

    def get_config(self):
        return {**super().get_config(), "theta": float(self.theta)}

    def compute_output_shape(self, input_shape):
        return input_shape


ThresholdedReLU.__module__ = "keras.layers"

NAMES = ["relu", "leaky_relu", "relu6", "softmax", "celu", "elu", "selu", "softplus", "softsign", "squareplus",
         "soft_shrink", "sparse_plus", "silu", "swish", "gelu", "tanh", "tanh_shrink", "sigmoid", "sparse_sigmoid",
         "exponential", "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "hard_shrink", "mish",
         "log_softmax", "log_sigmoid"]
AT_ZERO = ["relu", "leaky_relu", "relu6", "elu", "selu", "softsign", "soft_shrink", "hard_silu", "hard_tanh",
           "hard_shrink", "sparse_plus", "gelu", "silu"]

CASES = [
    Case("relu_layer", lambda: L.ReLU(), (2, 6), x_scale=3.0),
    Case("relu_layer_at_zero", lambda: L.ReLU(), (2, 6), x_scale=1e-4),
    Case("relu_max_value", lambda: L.ReLU(max_value=2.5), (2, 6), x_scale=3.0),
    Case("relu_max_value_6", lambda: L.ReLU(max_value=6.0), (2, 8), x_scale=5.0),
    Case("relu_negative_slope", lambda: L.ReLU(negative_slope=0.1), (2, 6), x_scale=3.0),
    Case("relu_threshold", lambda: L.ReLU(threshold=0.5), (2, 6), x_scale=3.0),
    Case("relu_all_options", lambda: L.ReLU(max_value=3.0, negative_slope=0.2, threshold=1.0), (2, 8), x_scale=3.0),
    Case("relu_slope_and_cap", lambda: L.ReLU(max_value=6.0, negative_slope=0.05), (2, 8), x_scale=5.0),
    Case("relu_slope_and_threshold_at_zero", lambda: L.ReLU(negative_slope=0.3, threshold=0.5), (2, 6),
         x_scale=1e-4),
    Case("leaky_relu_layer", lambda: L.LeakyReLU(), (2, 6), x_scale=3.0),
    Case("leaky_relu_slope", lambda: L.LeakyReLU(negative_slope=0.01), (2, 3, 2), x_scale=3.0),
    Case("leaky_relu_layer_at_zero", lambda: L.LeakyReLU(negative_slope=0.2), (2, 6), x_scale=1e-4),
    Case("prelu", lambda: L.PReLU(), (2, 5), x_scale=3.0),
    Case("prelu_shared_axes", lambda: L.PReLU(shared_axes=[1, 2], alpha_regularizer=R.L2(0.1)), (2, 3, 2, 4),
         x_scale=3.0),
    Case("prelu_constrained", lambda: L.PReLU(alpha_initializer="ones", alpha_constraint=C.NonNeg(),
                                              shared_axes=2), (2, 3, 2), x_scale=3.0),
    Case("elu_layer", lambda: L.ELU(), (2, 6), x_scale=3.0),
    Case("elu_alpha", lambda: L.ELU(alpha=0.5), (2, 6), x_scale=3.0),
    Case("elu_alpha_at_zero", lambda: L.ELU(alpha=2.0), (2, 6), x_scale=1e-4),
    Case("softmax_layer", lambda: L.Softmax(), (2, 5), x_scale=3.0),
    Case("softmax_middle_axis", lambda: L.Softmax(axis=1), (2, 3, 4), x_scale=3.0),
    Case("softmax_one_axis_list", lambda: L.Softmax(axis=[-2]), (2, 3, 4), x_scale=3.0),
    Case("softmax_two_axes", lambda: L.Softmax(axis=[1, 2]), (2, 3, 4), x_scale=3.0),
    Case("softmax_rank4_two_axes", lambda: L.Softmax(axis=[-1, 1]), (2, 2, 3, 2), x_scale=3.0),
    Case("thresholded_relu_keras2_port", lambda: ThresholdedReLU(theta=0.7), (2, 6), x_scale=3.0),
]
CASES += [Case("string_" + n, (lambda n=n: L.Activation(n)), (2, 6), x_scale=3.0) for n in NAMES]
CASES += [Case("string_" + n + "_at_zero", (lambda n=n: L.Activation(n)), (2, 6), x_scale=1e-4)
          for n in AT_ZERO]
