"""Golden cases: Embedding, SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed.

Every recurrent layer gets recurrent_initializer="glorot_uniform" (written before Strata read Orthogonal; the weights
are set explicitly anyway). Masks reach a layer only from an
Embedding(mask_zero=True), so masked cases are short chains (see generate.py); their token rows are right-padded,
and one has a masked step inside the sequence too. On CPU Keras runs its generic loop (no cuDNN), whose masking
is what these fixtures record. Dropout cases are random: their behaviour is tested in Java.
"""
import keras
from generate import Case

L = keras.layers
R = keras.regularizers
GU = "glorot_uniform"


def lstm(units, **kw):
    return L.LSTM(units, recurrent_initializer=GU, **kw)


def gru(units, **kw):
    return L.GRU(units, recurrent_initializer=GU, **kw)


def rnn(units, **kw):
    return L.SimpleRNN(units, recurrent_initializer=GU, **kw)


def regs(**kw):
    return dict(kernel_regularizer=R.L2(0.01), recurrent_regularizer=R.L1(0.02), bias_regularizer=R.L1L2(0.01, 0.03),
                **kw)


CASES = [
    # LSTM
    Case("lstm_last", lambda: lstm(3), (2, 4, 5)),
    Case("lstm_sequences_regularized", lambda: lstm(3, return_sequences=True, activity_regularizer=R.L2(0.01),
                                                    **regs()), (2, 4, 3)),
    Case("lstm_go_backwards_sequences", lambda: lstm(2, return_sequences=True, go_backwards=True), (2, 5, 3)),
    Case("lstm_go_backwards_last", lambda: lstm(3, go_backwards=True, unroll=True), (2, 4, 2)),
    Case("lstm_relu_hard_sigmoid_no_bias", lambda: lstm(3, activation="relu", recurrent_activation="hard_sigmoid",
                                                        use_bias=False, unit_forget_bias=False), (2, 4, 3)),
    Case("lstm_dropout", lambda: lstm(3, dropout=0.3, recurrent_dropout=0.2, return_sequences=True), (2, 4, 3),
         random=True),
    # GRU
    Case("gru_reset_after", lambda: gru(3), (2, 4, 5)),
    Case("gru_reset_before_sequences", lambda: gru(3, reset_after=False, return_sequences=True), (2, 4, 3)),
    Case("gru_regularized_backwards", lambda: gru(2, go_backwards=True, activity_regularizer=R.L1(0.01), **regs()),
         (2, 5, 3)),
    Case("gru_reset_before_regularized", lambda: gru(2, reset_after=False, **regs()), (2, 3, 3)),
    Case("gru_no_bias_sequences", lambda: gru(3, use_bias=False, return_sequences=True), (2, 3, 2)),
    Case("gru_dropout", lambda: gru(3, dropout=0.25), (2, 4, 3), random=True),
    # SimpleRNN
    Case("simple_rnn_regularized", lambda: rnn(3, activity_regularizer=R.L2(0.02), **regs()), (2, 4, 3)),
    Case("simple_rnn_sequences_backwards_relu", lambda: rnn(3, activation="relu", return_sequences=True,
                                                            go_backwards=True), (2, 4, 2)),
    Case("simple_rnn_dropout", lambda: rnn(2, dropout=0.5, recurrent_dropout=0.5), (2, 3, 2), random=True),
    # Embedding
    Case("embedding", lambda: L.Embedding(7, 3), (2, 5), tokens=7),
    Case("embedding_regularized", lambda: L.Embedding(6, 4, embeddings_regularizer=R.L2(0.05),
                                                      activity_regularizer=R.L1(0.01)), (3, 4), tokens=6),
    # Masks, from Embedding(mask_zero=True)
    Case("mask_lstm_sequences", lambda: [L.Embedding(9, 3, mask_zero=True), lstm(4, return_sequences=True)],
         (3, 5), tokens=9, padded=True),
    Case("mask_lstm_last", lambda: [L.Embedding(9, 3, mask_zero=True), lstm(4, **regs())], (3, 5), tokens=9,
         padded=True),
    Case("mask_gru_backwards_sequences", lambda: [L.Embedding(8, 3, mask_zero=True),
                                                  gru(3, go_backwards=True, return_sequences=True)],
         (3, 5), tokens=8, padded=True),
    Case("mask_simple_rnn_last_backwards", lambda: [L.Embedding(8, 2, mask_zero=True), rnn(3, go_backwards=True)],
         (3, 4), tokens=8, padded=True),
    Case("mask_bidirectional_lstm_sequences", lambda: [L.Embedding(9, 3, mask_zero=True),
                                                       L.Bidirectional(lstm(2, return_sequences=True))],
         (3, 5), tokens=9, padded=True),
    Case("mask_bidirectional_gru_last", lambda: [L.Embedding(9, 3, mask_zero=True),
                                                 L.Bidirectional(gru(2), merge_mode="sum")],
         (3, 5), tokens=9, padded=True),
    Case("mask_lstm_time_distributed", lambda: [L.Embedding(9, 3, mask_zero=True), lstm(3, return_sequences=True),
                                                L.TimeDistributed(L.Dense(2))], (3, 4), tokens=9, padded=True),
    # Bidirectional, every merge mode
    Case("bidirectional_lstm_concat", lambda: L.Bidirectional(lstm(3)), (2, 4, 3)),
    Case("bidirectional_gru_sum_sequences", lambda: L.Bidirectional(gru(2, return_sequences=True),
                                                                    merge_mode="sum"), (2, 4, 3)),
    Case("bidirectional_simple_rnn_mul", lambda: L.Bidirectional(rnn(3), merge_mode="mul"), (2, 3, 2)),
    Case("bidirectional_lstm_ave_sequences_regularized", lambda: L.Bidirectional(
        lstm(2, return_sequences=True, **regs()), merge_mode="ave"), (2, 3, 3)),
    Case("bidirectional_backward_layer", lambda: L.Bidirectional(
        gru(2, return_sequences=True), backward_layer=gru(2, return_sequences=True, go_backwards=True,
                                                          reset_after=False)), (2, 4, 3)),
    # TimeDistributed
    Case("time_distributed_dense", lambda: L.TimeDistributed(L.Dense(3, activation="relu")), (2, 4, 5)),
    Case("time_distributed_dense_regularized", lambda: L.TimeDistributed(L.Dense(
        2, kernel_regularizer=R.L2(0.01), bias_regularizer=R.L1(0.02))), (2, 3, 4)),
    # TimeDistributed over layers that need the steps folded into the batch axis
    Case("time_distributed_conv2d_regularized", lambda: L.TimeDistributed(L.Conv2D(
        2, 3, activation="relu", kernel_regularizer=R.L2(0.01))), (2, 3, 5, 5, 1)),
    Case("time_distributed_max_pooling2d", lambda: L.TimeDistributed(L.MaxPooling2D(2)), (2, 3, 4, 4, 2)),
    Case("time_distributed_flatten", lambda: L.TimeDistributed(L.Flatten()), (2, 3, 2, 2, 2)),
    Case("time_distributed_lstm", lambda: L.TimeDistributed(lstm(2)), (2, 3, 4, 2)),
    Case("time_distributed_dense_softmax", lambda: L.TimeDistributed(L.Dense(3, activation="softmax")),
         (2, 4, 5)),
]
