"""Golden cases: GaussianNoise, GaussianDropout, SpatialDropout1D/2D/3D, ActivityRegularization, AlphaDropout.

The noise layers are random in training, so only their inference pass (the identity), config, shapes and
checkpoint are compared; ActivityRegularization is deterministic, so its penalty and gradients are too.
"""
import keras
from generate import Case

L = keras.layers

CASES = [
    Case("gaussian_noise", lambda: L.GaussianNoise(0.1), (2, 5), random=True),
    Case("gaussian_noise_seeded_rank3", lambda: L.GaussianNoise(0.5, seed=7), (2, 3, 4), random=True),
    Case("gaussian_dropout", lambda: L.GaussianDropout(0.3), (2, 6), random=True),
    Case("gaussian_dropout_seeded_rank3", lambda: L.GaussianDropout(0.2, seed=3), (2, 3, 4), random=True),
    Case("spatial_dropout1d", lambda: L.SpatialDropout1D(0.25), (2, 5, 3), random=True),
    Case("spatial_dropout1d_seeded", lambda: L.SpatialDropout1D(0.5, seed=11), (3, 4, 2), random=True),
    Case("spatial_dropout2d", lambda: L.SpatialDropout2D(0.3), (2, 4, 4, 3), random=True),
    Case("spatial_dropout2d_channels_first",
         lambda: L.SpatialDropout2D(0.3, data_format="channels_first", seed=5), (2, 3, 4, 4), random=True),
    Case("spatial_dropout3d", lambda: L.SpatialDropout3D(0.2), (2, 3, 3, 3, 2), random=True),
    Case("spatial_dropout3d_channels_first",
         lambda: L.SpatialDropout3D(0.4, data_format="channels_first"), (2, 2, 3, 3, 3), random=True),
    Case("activity_regularization", lambda: L.ActivityRegularization(l1=0.01, l2=0.02), (2, 5)),
    Case("activity_regularization_l1_rank3", lambda: L.ActivityRegularization(l1=0.05), (2, 3, 4)),
    Case("activity_regularization_zero", lambda: L.ActivityRegularization(), (2, 4)),
    Case("alpha_dropout", lambda: L.AlphaDropout(0.1), (2, 6), random=True),
    Case("alpha_dropout_seeded_rank3", lambda: L.AlphaDropout(0.3, seed=42), (2, 3, 4), random=True),
]
