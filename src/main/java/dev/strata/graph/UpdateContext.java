package dev.strata.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What every update rule of {@link OptimizerOps} shares: the learning rate and step of this run, per-weight scopes
 * whose ops wait for every gradient (and for weight decay), and optimizer slots registered with the training
 * state, so checkpoints hold them as they hold Adam's moments.
 *
 * <p>Constants are made as Keras makes them: a Python float hyperparameter becomes float32 once
 * ({@link #c(Ops, double)}); {@code 1 - beta} written in Python on a float is computed in double first (pass
 * {@code 1 - beta}), while {@code 1 - beta} on a tensor cast is computed in float32 ({@code 1f - (float) beta}).
 */
final class UpdateContext {
    private final ModelScopes scopes;
    private final VariableIo io;
    private final Operand<TFloat32> learningRate;
    private final Operand<TInt64> step;
    private final List<Op> deps;
    private Operand<TFloat32> localStep;

    /**
     * @param deps what every update waits on: the gradients barrier, and the weight decay when there is one
     */
    UpdateContext(ModelScopes scopes, VariableIo io, Operand<TFloat32> learningRate, Operand<TInt64> step,
                  List<Op> deps) {
        this.scopes = scopes;
        this.io = io;
        this.learningRate = learningRate;
        this.step = step;
        this.deps = deps;
    }

    /** The {@code optimizer} scope, for per-step values shared by every weight. */
    Ops root() {
        return scopes.optimizer.root();
    }

    Operand<TFloat32> learningRate() {
        return learningRate;
    }

    /** Keras's {@code iterations + 1} as float32 (the step being taken, counted from 1). */
    Operand<TFloat32> localStep() {
        if (localStep == null) {
            Ops s = root().withName("local_step");
            localStep = s.dtypes.cast(root().math.add(step, root().constant(1L)), TFloat32.class);
        }
        return localStep;
    }

    /** Keras's {@code iterations} (this step's count before it is taken). */
    Operand<TInt64> step() {
        return step;
    }

    List<Op> deps() {
        return deps;
    }

    /** The scope of one weight's update ops; every op made in it waits for the gradients (and decay). */
    Ops of(ModelVariable v) {
        return scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name())).withControlDependencies(deps);
    }

    /** The same scope without the wait, for ops that run outside a training step. */
    Ops unordered(ModelVariable v) {
        return scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name()));
    }

    /** A slot shaped like the weight, named {@code optimizer/<weight>/<kind>}, starting at {@code initial}. */
    Operand<?> slot(ModelVariable v, String kind, float initial) {
        return slot(v, kind, OptimizerOps.toLong(v.spec().shape()), initial);
    }

    Operand<?> slot(ModelVariable v, String kind, long[] shape, float initial) {
        String name = "optimizer/" + v.name() + "/" + kind;
        Ops scope = scopes.optimizer.of(scopes.variableScope(v.layerName(), v.spec().name()));
        Operand<?> handle = scope.withName(kind).varHandleOp(TFloat32.class, Shape.of(shape),
                VarHandleOp.sharedName(name));
        io.add(name, shape, handle, scope.withName(kind + "_read").readVariableOp(handle, TFloat32.class), initial);
        return handle;
    }

    /** A scalar slot of the optimizer itself, named {@code optimizer/<kind>} (Nadam's momentum product). */
    Operand<?> scalarSlot(String kind, float initial) {
        String name = "optimizer/" + kind;
        Operand<?> handle = root().withName(kind).varHandleOp(TFloat32.class, Shape.scalar(),
                VarHandleOp.sharedName(name));
        io.add(name, new long[0], handle, root().withName(kind + "_read").readVariableOp(handle, TFloat32.class),
                initial);
        return handle;
    }

    static Operand<TFloat32> read(Ops s, Operand<?> handle) {
        return s.readVariableOp(handle, TFloat32.class);
    }

    /** A Python float hyperparameter as Keras's float32 constant. */
    static Operand<TFloat32> c(Ops s, double value) {
        return s.constant((float) value);
    }

    /** The same scope, its ops also waiting on {@code ops}. */
    static Ops after(Ops s, Op... ops) {
        return s.withControlDependencies(List.of(ops));
    }
}
