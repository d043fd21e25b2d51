package dev.strata.train;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The lock behind {@link Model}'s thread-safety contract. TensorFlow sessions run concurrently once built, so calls
 * that only read a graph's variables (predict, evaluate, weights) share the lock; whatever changes variables or
 * builds a graph (a training step, setWeights, the first predict's INFER graph, the weight copy into it, close)
 * holds it alone, so no read ever sees half a weight update and close never frees a graph a run still uses (a
 * session closed under a running predict made {@code Graph.close} wait forever). After close every call throws
 * {@link IllegalStateException} instead of reaching a freed native handle.
 */
final class ModelGuard {
    private final String model;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // written under the write lock, read under either

    ModelGuard(String model) {
        this.model = model;
    }

    /** Runs {@code body} alongside other shared calls, never alongside an exclusive one. */
    <T> T shared(Supplier<T> body) {
        lock.readLock().lock();
        try {
            requireOpen();
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code body} with the model to itself; reentrant, so a callback inside {@code fit} may call in. */
    <T> T exclusive(Supplier<T> body) {
        // A read lock cannot be upgraded: waiting for the write lock while holding it would wait forever.
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("model '" + model + "': a call that changes weights cannot run inside "
                    + "one that reads them");
        }
        lock.writeLock().lock();
        try {
            requireOpen();
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void change(Runnable body) {
        exclusive(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code release} once, after every call in flight has returned; later closes return at once. Calls that
     * wait for the lock meanwhile then find the model closed.
     */
    void close(Runnable release) {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                release.run();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("model '" + model + "' is closed");
        }
    }
}
