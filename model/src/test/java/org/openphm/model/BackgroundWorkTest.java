package org.openphm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A failure on another thread reaches the caller as the exception the work threw, not wrapped. */
class BackgroundWorkTest {
    private static <T> CompletableFuture<T> failed(Throwable t) {
        CompletableFuture<T> f = new CompletableFuture<>();
        f.completeExceptionally(t);
        return f;
    }

    @Test
    void theValueIsReturned() throws IOException {
        assertEquals("done", BackgroundWork.result(CompletableFuture.completedFuture("done"), "testing"));
    }

    @Test
    void failuresAreRethrownAsThrown() {
        IOException io = new IOException("disk full");
        assertSame(io, assertThrows(IOException.class, () -> BackgroundWork.result(failed(io), "testing")));
        IOException inner = new IOException("cannot write");
        assertSame(
                inner,
                assertThrows(
                        IOException.class,
                        () -> BackgroundWork.result(failed(new UncheckedIOException(inner)), "testing")));
        IllegalArgumentException bad = new IllegalArgumentException("bad input");
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> BackgroundWork.result(failed(bad), "x")));
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> BackgroundWork.result(failed(oom), "x")));
        Exception checked = new Exception("other");
        assertSame(
                checked,
                assertThrows(IllegalStateException.class, () -> BackgroundWork.result(failed(checked), "x"))
                        .getCause());
    }

    @Test
    void workDeclaringNoCheckedExceptionGivesItsFailureUnchecked() {
        assertEquals(7, BackgroundWork.value(CompletableFuture.completedFuture(7), "testing"));
        IOException io = new IOException("disk full");
        assertSame(
                io,
                assertThrows(UncheckedIOException.class, () -> BackgroundWork.value(failed(io), "testing"))
                        .getCause());
        IllegalArgumentException bad = new IllegalArgumentException("bad input");
        assertSame(bad, assertThrows(IllegalArgumentException.class, () -> BackgroundWork.value(failed(bad), "x")));
    }
}
