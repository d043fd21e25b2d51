"""Golden cases: Conv1D/2D/3D, their transposes, DepthwiseConv1D/2D, SeparableConv1D/2D.

Every padding mode (valid, same, causal), strides, dilation (with same and valid padding, and combined with strides
where Keras allows it), groups, channels_first, use_bias=False, a regularizer on every slot, constraints,
depth_multiplier and output_padding. Shapes are small and odd-sized, so that 'same' padding is uneven.

No channels_first case has an output whose last axis is as long as its channel axis: Keras 3.15.1's TensorFlow
`ops.add` takes a (1, C, 1, ...) bias for an NHWC one when the last axis has C entries, and adds it along the wrong
axis (tensorflow/numpy.py, "Special case of `tf.add`: `tf.nn.bias_add`"); Strata adds it along the channels.
"""
import keras
import tensorflow as tf
from generate import Case

L = keras.layers
R = keras.regularizers
C = keras.constraints

CASES = [
    # Conv1D
    Case("conv1d_valid", lambda: L.Conv1D(3, 3), (2, 7, 4)),
    Case("conv1d_same_strides_relu", lambda: L.Conv1D(2, 3, strides=2, padding="same", activation="relu"),
         (2, 8, 3)),
    Case("conv1d_causal", lambda: L.Conv1D(2, 3, padding="causal"), (2, 6, 3)),
    Case("conv1d_causal_dilated", lambda: L.Conv1D(2, 3, padding="causal", dilation_rate=2), (2, 9, 3)),
    Case("conv1d_causal_strides", lambda: L.Conv1D(2, 2, strides=2, padding="causal"), (2, 9, 3)),
    Case("conv1d_dilated_same", lambda: L.Conv1D(2, 3, padding="same", dilation_rate=2), (2, 8, 3)),
    Case("conv1d_dilated_valid", lambda: L.Conv1D(2, 2, dilation_rate=3), (2, 9, 2)),
    Case("conv1d_groups", lambda: L.Conv1D(4, 3, groups=2), (2, 7, 4)),
    Case("conv1d_channels_first", lambda: _xla(L.Conv1D(3, 2, strides=2, data_format="channels_first")), (2, 3, 9)),
    Case("conv1d_regularized", lambda: L.Conv1D(
        2, 3, kernel_regularizer=R.L2(0.01), bias_regularizer=R.L1(0.02), activity_regularizer=R.L1L2(0.01, 0.02),
        kernel_constraint=C.MaxNorm(2.0, axis=[0, 1]), bias_constraint=C.NonNeg()), (2, 5, 3)),
    # Conv2D
    Case("conv2d_valid_relu", lambda: L.Conv2D(3, 3, activation="relu"), (2, 5, 5, 2)),
    Case("conv2d_same_strides", lambda: L.Conv2D(2, (3, 2), strides=2, padding="same"), (2, 6, 5, 3)),
    Case("conv2d_valid_strides", lambda: L.Conv2D(2, 3, strides=(2, 1)), (2, 7, 6, 2)),
    Case("conv2d_dilated_valid", lambda: L.Conv2D(2, 3, dilation_rate=2), (2, 7, 7, 2)),
    Case("conv2d_dilated_same", lambda: L.Conv2D(2, 3, padding="same", dilation_rate=(2, 3)), (2, 7, 6, 2)),
    Case("conv2d_groups", lambda: L.Conv2D(6, 3, groups=2, padding="same"), (2, 5, 4, 4)),
    Case("conv2d_groups_dilated_channels_first", lambda: L.Conv2D(
        4, 2, groups=2, dilation_rate=2, data_format="channels_first"), (2, 4, 6, 5)),
    Case("conv2d_channels_first_strides", lambda: _xla(L.Conv2D(
        3, 3, strides=2, padding="same", data_format="channels_first")), (2, 2, 7, 8)),
    Case("conv2d_channels_first_softmax", lambda: _xla(L.Conv2D(
        2, 2, activation="softmax", use_bias=False, data_format="channels_first")), (2, 3, 4, 4)),
    Case("conv2d_no_bias", lambda: L.Conv2D(2, 2, use_bias=False, activation="tanh"), (2, 4, 4, 3)),
    Case("conv2d_regularized", lambda: L.Conv2D(
        2, 3, kernel_regularizer=R.L1L2(0.01, 0.02), bias_regularizer=R.L2(0.05), activity_regularizer=R.L2(0.003),
        kernel_constraint=C.UnitNorm(axis=[0, 1, 2]), bias_constraint=C.MaxNorm(1.0)), (2, 5, 5, 2)),
    Case("conv2d_frozen", lambda: _frozen(L.Conv2D(2, 2, kernel_regularizer=R.L2(0.1))), (2, 4, 4, 2)),
    # Conv3D
    Case("conv3d_valid_strides", lambda: L.Conv3D(2, 2, strides=2), (2, 5, 5, 4, 2)),
    Case("conv3d_same", lambda: L.Conv3D(2, (3, 2, 3), padding="same", activation="relu"), (2, 4, 3, 4, 2)),
    Case("conv3d_same_strides_channels_first", lambda: L.Conv3D(
        2, 3, strides=(2, 1, 2), padding="same", data_format="channels_first"), (2, 2, 5, 3, 5)),
    Case("conv3d_dilated", lambda: L.Conv3D(2, 2, dilation_rate=2, padding="same"), (2, 5, 4, 4, 2)),
    Case("conv3d_groups", lambda: L.Conv3D(4, 2, groups=2), (2, 3, 4, 3, 4)),
    Case("conv3d_regularized", lambda: L.Conv3D(
        2, 2, kernel_regularizer=R.L2(0.02), bias_regularizer=R.L1(0.01), activity_regularizer=R.L1(0.001),
        kernel_constraint=C.NonNeg()), (2, 3, 3, 3, 2)),
    # Conv1DTranspose / Conv2DTranspose / Conv3DTranspose
    Case("conv1d_transpose_same_strides", lambda: L.Conv1DTranspose(2, 3, strides=2, padding="same"), (2, 4, 3)),
    Case("conv1d_transpose_valid_output_padding", lambda: _xla(L.Conv1DTranspose(
        3, 3, strides=3, output_padding=2, data_format="channels_first")), (2, 2, 4)),
    Case("conv2d_transpose_valid_strides", lambda: L.Conv2DTranspose(2, 3, strides=2), (2, 3, 3, 2)),
    Case("conv2d_transpose_valid_small_kernel", lambda: L.Conv2DTranspose(2, 2, strides=3), (2, 3, 2, 2)),
    Case("conv2d_transpose_same_strides", lambda: L.Conv2DTranspose(3, (3, 4), strides=2, padding="same"),
         (2, 3, 4, 2)),
    Case("conv2d_transpose_valid_output_padding", lambda: L.Conv2DTranspose(
        2, 3, strides=2, output_padding=1, activation="relu"), (2, 3, 3, 2)),
    Case("conv2d_transpose_same_output_padding", lambda: L.Conv2DTranspose(
        2, (3, 4), strides=(2, 3), padding="same", output_padding=(1, 2)), (2, 3, 3, 2)),
    Case("conv2d_transpose_channels_first", lambda: _xla(L.Conv2DTranspose(
        2, 2, strides=2, data_format="channels_first", use_bias=False)), (2, 3, 3, 2)),
    Case("conv2d_transpose_regularized", lambda: L.Conv2DTranspose(
        2, 3, kernel_regularizer=R.L2(0.01), bias_regularizer=R.L1L2(0.01, 0.01), activity_regularizer=R.L2(0.01),
        kernel_constraint=C.MinMaxNorm(0.5, 1.5, axis=[0, 1, 2]), bias_constraint=C.NonNeg()), (2, 3, 3, 2)),
    Case("conv3d_transpose_valid_strides", lambda: L.Conv3DTranspose(2, 2, strides=2), (2, 2, 3, 2, 2)),
    Case("conv3d_transpose_same_output_padding", lambda: L.Conv3DTranspose(
        2, 3, strides=2, padding="same", output_padding=1, kernel_regularizer=R.L2(0.01)), (2, 2, 2, 3, 2)),
    # DepthwiseConv1D / DepthwiseConv2D
    Case("depthwise_conv1d_same_strides", lambda: L.DepthwiseConv1D(3, strides=2, padding="same",
                                                                    depth_multiplier=2), (2, 9, 3)),
    Case("depthwise_conv1d_dilated_channels_first", lambda: L.DepthwiseConv1D(
        3, dilation_rate=2, data_format="channels_first"), (2, 3, 9)),
    Case("depthwise_conv2d_valid_multiplier", lambda: L.DepthwiseConv2D(3, depth_multiplier=2), (2, 5, 5, 3)),
    Case("depthwise_conv2d_same_strides", lambda: L.DepthwiseConv2D(3, strides=2, padding="same",
                                                                    activation="relu"), (2, 6, 7, 2)),
    Case("depthwise_conv2d_dilated_same", lambda: L.DepthwiseConv2D(3, dilation_rate=2, padding="same"),
         (2, 7, 6, 2)),
    Case("depthwise_conv2d_dilated_strides_same", lambda: L.DepthwiseConv2D(
        3, strides=2, dilation_rate=2, padding="same"), (2, 9, 8, 2)),
    Case("depthwise_conv2d_dilated_strides_valid", lambda: L.DepthwiseConv2D(
        2, strides=(2, 3), dilation_rate=(2, 1), depth_multiplier=2), (2, 8, 9, 2)),
    Case("depthwise_conv2d_channels_first_dilated", lambda: L.DepthwiseConv2D(
        2, dilation_rate=2, data_format="channels_first"), (2, 3, 6, 6)),
    Case("depthwise_conv2d_unequal_strides_same", lambda: _xla(L.DepthwiseConv2D(
        3, strides=(1, 2), padding="same", depth_multiplier=2)), (2, 5, 7, 2)),
    Case("depthwise_conv2d_regularized", lambda: L.DepthwiseConv2D(
        3, depth_multiplier=2, depthwise_regularizer=R.L2(0.01), bias_regularizer=R.L1(0.02),
        activity_regularizer=R.L1L2(0.001, 0.002), depthwise_constraint=C.MaxNorm(1.5),
        bias_constraint=C.NonNeg()), (2, 4, 4, 2)),
    Case("depthwise_conv2d_no_bias", lambda: L.DepthwiseConv2D(2, use_bias=False), (2, 4, 4, 3)),
    # SeparableConv1D / SeparableConv2D
    Case("separable_conv1d_same_strides", lambda: L.SeparableConv1D(3, 3, strides=2, padding="same",
                                                                    depth_multiplier=2), (2, 9, 2)),
    Case("separable_conv1d_dilated", lambda: L.SeparableConv1D(2, 3, dilation_rate=2, use_bias=False), (2, 9, 3)),
    Case("separable_conv2d_valid_multiplier", lambda: L.SeparableConv2D(3, 3, depth_multiplier=2), (2, 5, 5, 2)),
    Case("separable_conv2d_same_strides", lambda: L.SeparableConv2D(2, 3, strides=2, padding="same",
                                                                    activation="relu"), (2, 7, 6, 3)),
    Case("separable_conv2d_dilated_same", lambda: L.SeparableConv2D(2, 3, dilation_rate=2, padding="same"),
         (2, 7, 7, 2)),
    Case("separable_conv2d_dilated_strides_same", lambda: L.SeparableConv2D(
        2, 3, strides=2, dilation_rate=2, padding="same"), (2, 9, 8, 2)),
    Case("separable_conv2d_unequal_strides_valid", lambda: _xla(L.SeparableConv2D(
        2, (2, 3), strides=(3, 2))), (2, 7, 8, 2)),
    Case("separable_conv2d_channels_first", lambda: L.SeparableConv2D(
        3, 2, strides=2, data_format="channels_first"), (2, 2, 6, 5)),
    Case("separable_conv2d_regularized", lambda: L.SeparableConv2D(
        2, 3, depthwise_regularizer=R.L2(0.01), pointwise_regularizer=R.L1(0.02), bias_regularizer=R.L2(0.03),
        activity_regularizer=R.L2(0.004), depthwise_constraint=C.UnitNorm(axis=[0, 1]),
        pointwise_constraint=C.MaxNorm(2.0, axis=[0, 1, 2]), bias_constraint=C.NonNeg()), (2, 4, 4, 2)),
]


def _xla(layer):
    """Keras's TensorFlow backend runs channels_first 1D/2D convolutions and their transposes with NHWC-only CPU
    kernels, and depthwise windows with unequal strides with a CPU kernel that wants them equal; both refuse. The
    layer's own call is compiled with XLA instead, as Keras itself does for groups and for 3D channels_first. The
    config and the math stay Keras's."""
    layer.call = tf.function(layer.call, jit_compile=True)
    return layer


def _frozen(layer):
    layer.trainable = False
    return layer
