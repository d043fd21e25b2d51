"""Golden cases: Dense, Dropout, Activation, Flatten, Identity, Masking.

Masking cases set whole time steps to the mask value (fill_steps); the chain Masking -> SimpleRNN checks that the
mask reaches the recurrent layer, which then carries its state over the masked steps.
"""
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
    Case("identity", lambda: L.Identity(), (2, 3, 2)),
    Case("masking", lambda: L.Masking(), (2, 4, 3), fill_steps=((0, 1, 0.0), (1, 3, 0.0))),
    Case("masking_value", lambda: L.Masking(mask_value=0.5), (2, 3, 2), fill_steps=((0, 0, 0.5), (1, 2, 0.5))),
    Case("masking_simple_rnn_chain", lambda: [L.Masking(), L.SimpleRNN(3, recurrent_initializer="glorot_uniform")],
         (2, 5, 3), fill_steps=((0, 1, 0.0), (0, 4, 0.0), (1, 3, 0.0), (1, 4, 0.0))),
    Case("masking_lstm_sequences_chain",
         lambda: [L.Masking(mask_value=-1.0), L.LSTM(2, recurrent_initializer="glorot_uniform",
                                                     return_sequences=True)],
         (2, 4, 2), fill_steps=((0, 2, -1.0), (1, 0, -1.0))),
]


def _frozen(layer):
    layer.trainable = False
    return layer
