"""Golden cases: Reshape, Permute, RepeatVector, ZeroPadding, Cropping, UpSampling (1D, 2D, 3D)."""
import keras
from generate import Case

L = keras.layers
CF = "channels_first"

CASES = [
    Case("reshape_minus1", lambda: L.Reshape((3, -1)), (2, 12)),
    Case("reshape_rank3_to_rank2", lambda: L.Reshape((-1, 6)), (2, 3, 2, 2)),
    Case("reshape_known", lambda: L.Reshape((2, 3, 2)), (2, 4, 3)),
    Case("permute_swap", lambda: L.Permute((2, 1)), (2, 3, 4)),
    Case("permute_rank3", lambda: L.Permute((3, 1, 2)), (2, 2, 3, 4)),
    Case("repeat_vector", lambda: L.RepeatVector(3), (2, 4)),
    # ZeroPadding: an int, one int per axis, (before, after) pairs; both layouts.
    Case("zero_padding1d_default", lambda: L.ZeroPadding1D(), (2, 3, 2)),
    Case("zero_padding1d_pair", lambda: L.ZeroPadding1D((1, 2)), (2, 3, 2)),
    Case("zero_padding1d_channels_first", lambda: L.ZeroPadding1D((0, 2), data_format=CF), (2, 2, 3)),
    Case("zero_padding2d_int", lambda: L.ZeroPadding2D(2), (2, 3, 2, 2)),
    Case("zero_padding2d_per_axis", lambda: L.ZeroPadding2D((1, 2)), (2, 3, 2, 2)),
    Case("zero_padding2d_pairs_channels_first", lambda: L.ZeroPadding2D(((1, 0), (2, 3)), data_format=CF),
         (2, 2, 3, 2)),
    Case("zero_padding3d_default", lambda: L.ZeroPadding3D(), (2, 2, 2, 2, 2)),
    Case("zero_padding3d_per_axis", lambda: L.ZeroPadding3D((1, 2, 0)), (2, 2, 2, 2, 2)),
    Case("zero_padding3d_pairs_channels_first",
         lambda: L.ZeroPadding3D(((1, 0), (0, 2), (1, 1)), data_format=CF), (2, 2, 2, 3, 2)),
    # Cropping: the same forms, with a zero "after" (an open-ended slice) in some.
    Case("cropping1d_default", lambda: L.Cropping1D(), (2, 5, 2)),
    Case("cropping1d_before_only", lambda: L.Cropping1D((2, 0)), (2, 5, 2)),
    Case("cropping2d_default_nothing", lambda: L.Cropping2D(), (2, 3, 3, 2)),
    Case("cropping2d_int", lambda: L.Cropping2D(1), (2, 4, 5, 2)),
    Case("cropping2d_per_axis", lambda: L.Cropping2D((1, 2)), (2, 4, 6, 2)),
    Case("cropping2d_pairs", lambda: L.Cropping2D(((1, 0), (2, 1))), (2, 4, 5, 2)),
    Case("cropping2d_pairs_channels_first", lambda: L.Cropping2D(((0, 2), (1, 0)), data_format=CF), (2, 2, 5, 4)),
    Case("cropping3d_default", lambda: L.Cropping3D(), (2, 4, 3, 4, 2)),
    Case("cropping3d_per_axis", lambda: L.Cropping3D((1, 0, 2)), (2, 4, 3, 5, 2)),
    Case("cropping3d_pairs_channels_first", lambda: L.Cropping3D(((1, 0), (0, 2), (1, 1)), data_format=CF),
         (2, 2, 3, 4, 4)),
    # UpSampling: nearest repeats (non-square factors), bilinear is tf.image.resize with half-pixel centers.
    Case("up_sampling1d_default", lambda: L.UpSampling1D(), (2, 3, 2)),
    Case("up_sampling1d_size3", lambda: L.UpSampling1D(3), (2, 3, 2)),
    Case("up_sampling2d_nearest_default", lambda: L.UpSampling2D(), (2, 2, 3, 2)),
    Case("up_sampling2d_nearest_nonsquare", lambda: L.UpSampling2D((2, 3)), (2, 3, 2, 2)),
    Case("up_sampling2d_nearest_channels_first", lambda: L.UpSampling2D((3, 2), data_format=CF), (2, 2, 2, 3)),
    Case("up_sampling2d_bilinear", lambda: L.UpSampling2D((2, 2), interpolation="bilinear"), (2, 3, 3, 2)),
    Case("up_sampling2d_bilinear_nonsquare", lambda: L.UpSampling2D((2, 3), interpolation="bilinear"), (2, 3, 4, 2)),
    Case("up_sampling2d_bilinear_channels_first", lambda: L.UpSampling2D((3, 2), data_format=CF,
                                                                          interpolation="bilinear"), (2, 2, 3, 3)),
    Case("up_sampling3d_default", lambda: L.UpSampling3D(), (2, 2, 2, 2, 2)),
    Case("up_sampling3d_channels_first", lambda: L.UpSampling3D((1, 2, 3), data_format=CF), (2, 2, 2, 2, 2)),
]
