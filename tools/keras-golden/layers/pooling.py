"""Golden cases: MaxPooling, AveragePooling, GlobalMaxPooling, GlobalAveragePooling (1D, 2D, 3D)."""
import keras
from generate import Case

L = keras.layers
CF = "channels_first"

CASES = [
    # MaxPooling1D: default window, same with an overhang, channels first.
    Case("max_pool1d_default_odd", lambda: L.MaxPooling1D(), (2, 7, 3)),
    Case("max_pool1d_same_pool3_stride2", lambda: L.MaxPooling1D(3, strides=2, padding="same"), (2, 8, 3)),
    Case("max_pool1d_channels_first", lambda: L.MaxPooling1D(2, strides=1, data_format=CF), (2, 3, 5)),
    # AveragePooling1D: same padding excludes the padded entries from the count.
    Case("avg_pool1d_same_uneven", lambda: L.AveragePooling1D(3, strides=2, padding="same"), (2, 7, 2)),
    Case("avg_pool1d_valid_stride1", lambda: L.AveragePooling1D(2, strides=1), (2, 5, 3)),
    Case("avg_pool1d_channels_first_same", lambda: L.AveragePooling1D(2, padding="same", data_format=CF),
         (2, 2, 5)),
    # MaxPooling2D
    Case("max_pool2d_default", lambda: L.MaxPooling2D(), (2, 5, 4, 3)),
    Case("max_pool2d_same_odd_pool3_stride2", lambda: L.MaxPooling2D(3, strides=2, padding="same"), (2, 7, 5, 2)),
    Case("max_pool2d_nonsquare_strides", lambda: L.MaxPooling2D((2, 3), strides=(1, 2)), (2, 5, 7, 2)),
    Case("max_pool2d_channels_first_same", lambda: L.MaxPooling2D(2, padding="same", data_format=CF),
         (2, 3, 5, 5)),
    # AveragePooling2D
    Case("avg_pool2d_same_odd", lambda: L.AveragePooling2D(2, padding="same"), (2, 5, 5, 2)),
    Case("avg_pool2d_same_pool3_stride2", lambda: L.AveragePooling2D((3, 3), strides=(2, 1), padding="same"),
         (2, 6, 5, 2)),
    Case("avg_pool2d_channels_first_valid", lambda: L.AveragePooling2D((2, 2), strides=(1, 2), data_format=CF),
         (2, 2, 4, 5)),
    # MaxPooling3D
    Case("max_pool3d_default_odd", lambda: L.MaxPooling3D(), (2, 5, 4, 3, 2)),
    Case("max_pool3d_same_stride", lambda: L.MaxPooling3D((2, 3, 2), strides=(2, 2, 1), padding="same"),
         (2, 5, 5, 3, 2)),
    Case("max_pool3d_channels_first", lambda: L.MaxPooling3D(2, strides=1, data_format=CF), (2, 2, 3, 3, 3)),
    # AveragePooling3D
    Case("avg_pool3d_same_uneven", lambda: L.AveragePooling3D(3, strides=2, padding="same"), (2, 5, 4, 3, 2)),
    Case("avg_pool3d_channels_first_same", lambda: L.AveragePooling3D(2, padding="same", data_format=CF),
         (2, 2, 3, 3, 3)),
    # Global pooling: mean and max over the spatial axes, keepdims, both layouts.
    Case("global_avg_pool1d", lambda: L.GlobalAveragePooling1D(), (2, 5, 3)),
    Case("global_avg_pool1d_channels_first_keepdims", lambda: L.GlobalAveragePooling1D(data_format=CF,
                                                                                        keepdims=True), (2, 3, 5)),
    Case("global_max_pool1d_keepdims", lambda: L.GlobalMaxPooling1D(keepdims=True), (2, 5, 3)),
    Case("global_max_pool1d_channels_first", lambda: L.GlobalMaxPooling1D(data_format=CF), (2, 3, 5)),
    Case("global_avg_pool2d", lambda: L.GlobalAveragePooling2D(), (2, 4, 3, 3)),
    Case("global_avg_pool2d_channels_first_keepdims", lambda: L.GlobalAveragePooling2D(data_format=CF,
                                                                                        keepdims=True), (2, 3, 4, 3)),
    Case("global_max_pool2d_keepdims", lambda: L.GlobalMaxPooling2D(keepdims=True), (2, 4, 3, 3)),
    Case("global_max_pool2d_channels_first", lambda: L.GlobalMaxPooling2D(data_format=CF), (2, 3, 4, 3)),
    Case("global_avg_pool3d_keepdims", lambda: L.GlobalAveragePooling3D(keepdims=True), (2, 3, 3, 2, 2)),
    Case("global_avg_pool3d_channels_first", lambda: L.GlobalAveragePooling3D(data_format=CF), (2, 2, 3, 3, 2)),
    Case("global_max_pool3d", lambda: L.GlobalMaxPooling3D(), (2, 3, 3, 2, 2)),
    Case("global_max_pool3d_channels_first_keepdims", lambda: L.GlobalMaxPooling3D(data_format=CF, keepdims=True),
         (2, 2, 3, 3, 2)),
]
