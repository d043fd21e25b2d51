"""Golden cases: Dense, Dropout, Activation, Flatten."""
import keras
from generate import Case

L = keras.layers
R = keras.regularizers

CASES = [
    Case("dense_relu_l2", lambda: L.Dense(3, activation="relu", kernel_regularizer=R.L2(0.01),
                                          bias_regularizer=R.L1(0.02), activity_regularizer=R.L2(0.003)), (2, 4)),
    Case("dense_rank3_no_bias", lambda: L.Dense(5, use_bias=False), (2, 3, 4)),
    Case("dense_frozen", lambda: _frozen(L.Dense(2, activation="tanh", kernel_regularizer=R.L2(0.1))), (2, 3)),
    Case("dropout", lambda: L.Dropout(0.3), (2, 6), random=True),
    Case("activation_softmax", lambda: L.Activation("softmax"), (2, 5)),
    Case("flatten", lambda: L.Flatten(), (2, 3, 2, 2)),
    Case("flatten_channels_first", lambda: L.Flatten(data_format="channels_first"), (2, 3, 2, 2)),
]


def _frozen(layer):
    layer.trainable = False
    return layer
