package dev.strata.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A new value for a state weight (a moving statistic), assigned by the training step after the forward pass. */
record StateUpdate(ModelVariable variable, Operand<TFloat32> value) {
}
