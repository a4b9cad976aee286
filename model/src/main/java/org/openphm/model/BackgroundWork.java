package org.openphm.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Work handed to another thread, and its outcome taken back as if it had been done on this one. */
public final class BackgroundWork {
    private BackgroundWork() {}

    /**
     * The work's value. Its failure is rethrown as it was thrown (an {@link UncheckedIOException} as the
     * {@link IOException} it carries), so a caller reports the same error whichever thread met it.
     *
     * @param what what the work is, for the message when this thread is interrupted while waiting
     */
    public static <T> T result(Future<T> work, String what) throws IOException {
        try {
            return value(work, what);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The value of work that declares no checked exception: its failure is rethrown as it was thrown (an
     * {@link IOException} it could still meet, wrapped as an {@link UncheckedIOException}).
     */
    public static <T> T value(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
