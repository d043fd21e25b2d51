"""Golden cases: BatchNormalization, LayerNormalization, GroupNormalization and UnitNormalization.

Every BatchNormalization case records its moving statistics after one training=True call (state_after), so the
harness checks Keras's momentum rule; the frozen case checks that a trainable=False layer normalizes with its
moving statistics in training too and leaves them alone.
"""
import keras
from generate import Case

L = keras.layers
R = keras.regularizers

CASES = [
    Case("bn_rank2", lambda: L.BatchNormalization(), (4, 5), x_scale=2.0),
    Case("bn_rank4_last", lambda: L.BatchNormalization(axis=-1), (3, 4, 3, 2)),
    Case("bn_rank4_channels_first", lambda: L.BatchNormalization(axis=1), (3, 3, 4, 2)),
    Case("bn_rank3_middle", lambda: L.BatchNormalization(axis=-2, momentum=0.9), (2, 3, 4)),
    Case("bn_no_center_no_scale", lambda: L.BatchNormalization(center=False, scale=False), (4, 3)),
    Case("bn_no_center", lambda: L.BatchNormalization(center=False, epsilon=0.01), (4, 3)),
    Case("bn_no_scale", lambda: L.BatchNormalization(scale=False), (4, 3)),
    Case("bn_frozen", lambda: _frozen(L.BatchNormalization(gamma_regularizer=R.L2(0.1))), (4, 3)),
    Case("bn_regularized", lambda: L.BatchNormalization(gamma_regularizer=R.L2(0.01), beta_regularizer=R.L1(0.02),
                                                        momentum=0.7, epsilon=1e-5), (4, 3)),
    Case("bn_initializers", lambda: L.BatchNormalization(beta_initializer="ones", gamma_initializer="zeros",
                                                         moving_mean_initializer="ones",
                                                         moving_variance_initializer="zeros"), (3, 2)),
    Case("ln_last", lambda: L.LayerNormalization(), (2, 5), x_scale=2.0),
    Case("ln_rank3_last", lambda: L.LayerNormalization(axis=-1, epsilon=1e-5), (2, 3, 4)),
    Case("ln_rank3_middle", lambda: L.LayerNormalization(axis=1), (2, 3, 4)),
    Case("ln_two_axes", lambda: L.LayerNormalization(axis=[1, 2]), (2, 3, 4)),
    Case("ln_two_axes_mixed_signs", lambda: L.LayerNormalization(axis=[-1, 1]), (2, 3, 4)),
    Case("ln_rank4_three_axes", lambda: L.LayerNormalization(axis=[1, 2, 3]), (2, 2, 3, 2)),
    Case("ln_no_center_no_scale", lambda: L.LayerNormalization(center=False, scale=False), (2, 4)),
    Case("ln_rms_scaling", lambda: L.LayerNormalization(rms_scaling=True), (2, 3, 4)),
    Case("ln_regularized", lambda: L.LayerNormalization(gamma_regularizer=R.L2(0.05),
                                                        beta_regularizer=R.L1L2(0.01, 0.02)), (2, 4)),
    Case("ln_frozen", lambda: _frozen(L.LayerNormalization(axis=[1, 2])), (2, 2, 3)),
    Case("gn_two_groups", lambda: L.GroupNormalization(groups=2), (2, 4), x_scale=2.0),
    Case("gn_rank4_last", lambda: L.GroupNormalization(groups=2, epsilon=1e-5), (2, 3, 2, 6)),
    Case("gn_channels_first", lambda: L.GroupNormalization(groups=3, axis=1), (2, 6, 2, 2)),
    Case("gn_rank3_middle_negative_axis", lambda: L.GroupNormalization(groups=2, axis=-2), (2, 4, 3)),
    Case("gn_instance", lambda: L.GroupNormalization(groups=-1), (2, 3, 3)),
    Case("gn_one_group_no_center", lambda: L.GroupNormalization(groups=1, center=False), (2, 3, 4)),
    Case("gn_no_scale", lambda: L.GroupNormalization(groups=2, scale=False), (2, 2, 4)),
    Case("gn_regularized", lambda: L.GroupNormalization(groups=2, gamma_regularizer=R.L2(0.05),
                                                        beta_regularizer=R.L1(0.02), gamma_initializer="zeros",
                                                        beta_initializer="ones"), (2, 3, 4)),
    Case("gn_frozen", lambda: _frozen(L.GroupNormalization(groups=2)), (2, 4)),
    Case("unit_norm_last", lambda: L.UnitNormalization(), (2, 5)),
    Case("unit_norm_middle", lambda: L.UnitNormalization(axis=1), (2, 3, 4)),
    Case("unit_norm_two_axes", lambda: L.UnitNormalization(axis=[1, -1]), (2, 3, 2)),
]


def _frozen(layer):
    layer.trainable = False
    return layer
