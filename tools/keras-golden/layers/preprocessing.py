"""Golden cases: Rescaling, Normalization, CenterCrop.

Normalization's statistics are either weights (mean, variance and the int64 count, all non-trainable; generate.py
sets them to random values and calls finalize_state, which Keras runs after adapt() or loading, so the layer reads
them) or constants from the config: a scalar, or a list placed on the last kept axes and broadcast.
"""
import keras
from generate import Case

L = keras.layers

CASES = [
    Case("rescaling_scalar", lambda: L.Rescaling(1.0 / 255), (2, 3, 2, 3), x_scale=100.0),
    Case("rescaling_offset", lambda: L.Rescaling(1.0 / 127.5, offset=-1.0), (2, 4), x_scale=100.0),
    Case("rescaling_per_channel", lambda: L.Rescaling([0.5, 2.0, -1.0], offset=[0.1, 0.0, 0.3]), (2, 2, 3)),
    Case("rescaling_rank2_list", lambda: L.Rescaling([[2.0], [0.5]], offset=0.25), (2, 2, 3)),
    Case("normalization_weights_last", lambda: L.Normalization(), (3, 4)),
    Case("normalization_weights_channels", lambda: L.Normalization(axis=[3]), (2, 2, 2, 3)),
    Case("normalization_weights_two_axes", lambda: L.Normalization(axis=(1, -1)), (2, 3, 2)),
    Case("normalization_weights_no_axis", lambda: L.Normalization(axis=None), (2, 3)),
    Case("normalization_weights_middle_invert", lambda: L.Normalization(axis=1, invert=True), (2, 3, 2)),
    Case("normalization_fixed_scalar", lambda: L.Normalization(axis=None, mean=2.0, variance=4.0), (2, 3)),
    Case("normalization_fixed_list", lambda: L.Normalization(mean=[0.5, -1.0, 2.0], variance=[1.0, 0.25, 9.0]),
         (2, 2, 3)),
    Case("normalization_fixed_broadcast", lambda: L.Normalization(axis=(1, 2), mean=[[1.0, 2.0]],
                                                                  variance=[[4.0, 0.0]]), (2, 3, 2)),
    Case("normalization_fixed_invert", lambda: L.Normalization(mean=[1.0, -2.0], variance=[0.5, 2.0], invert=True),
         (2, 2)),
    Case("center_crop", lambda: L.CenterCrop(2, 3), (2, 4, 5, 2)),
    Case("center_crop_odd_margins", lambda: L.CenterCrop(1, 2), (2, 4, 5, 1)),
    Case("center_crop_channels_first", lambda: L.CenterCrop(2, 2, data_format="channels_first"), (2, 2, 5, 3)),
    Case("center_crop_same_size", lambda: L.CenterCrop(3, 2), (2, 3, 2, 2)),
]
