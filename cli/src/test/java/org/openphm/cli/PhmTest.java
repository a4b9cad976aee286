package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the user sees when a command fails: one line saying what is wrong and what to do, never a stack trace. */
class PhmTest {
    private final StringWriter err = new StringWriter();

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error e) {
                throw e;
            }
            throw (Exception) failure;
        }
    }

    private int run(Throwable failure) {
        CommandLine cl = Phm.commandLine();
        cl.addSubcommand("boom", new Boom(failure));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("boom");
    }

    /** As DuckDB fails when it cannot unpack its native library into the temp folder. */
    private static ExceptionInInitializerError duckDbNativeLibraryFailure() {
        ExceptionInInitializerError e =
                new ExceptionInInitializerError(new RuntimeException(new IOException("No space left on device")));
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.duckdb.DuckDBNative", "<clinit>", "DuckDBNative.java", 60)
        });
        return e;
    }

    private static final String DUCKDB_LINE = "phm boom: DuckDB's native library could not be loaded"
            + " (java.io.IOException: No space left on device): check that the temp folder (java.io.tmpdir="
            + System.getProperty("java.io.tmpdir") + ") is writable and has space, or choose another with"
            + " PHM_JAVA_OPTS=-Djava.io.tmpdir=DIR" + System.lineSeparator() + "(set PHM_DEBUG=1 for details)"
            + System.lineSeparator();

    @Test
    void anErrorLoadingDuckDbIsOneLineSayingWhatToDo() {
        assertEquals(1, run(duckDbNativeLibraryFailure()));
        assertEquals(DUCKDB_LINE, err.toString());
    }

    @Test
    void theSameErrorWrappedInAnExceptionIsExplainedTheSameWay() {
        assertEquals(1, run(new IllegalStateException("startup failed", duckDbNativeLibraryFailure())));
        assertEquals(DUCKDB_LINE, err.toString());
    }

    @Test
    void runningOutOfMemorySaysHowToGiveJavaMore() {
        assertEquals(1, run(new OutOfMemoryError("Java heap space")));
        assertTrue(
                err.toString().startsWith("phm boom: Java ran out of memory (Java heap space; the limit is "),
                err.toString());
        assertTrue(err.toString().contains("PHM_JAVA_OPTS=-Xmx"), err.toString());
    }

    @Test
    void aLibraryThatCannotBeLinkedIsNotAStackTrace() {
        assertEquals(1, run(new UnsatisfiedLinkError("no awt in java.library.path")));
        assertTrue(
                err.toString()
                        .startsWith("phm boom: a library could not be loaded (java.lang.UnsatisfiedLinkError:"
                                + " no awt in java.library.path)"),
                err.toString());
        assertEquals(2, err.toString().lines().count(), err.toString());
    }

    @Test
    void anExceptionKeepsItsOwnMessage() {
        assertEquals(1, run(new IllegalStateException("the pack folder is missing: run phm build first")));
        assertEquals(
                "phm boom: the pack folder is missing: run phm build first" + System.lineSeparator()
                        + "(set PHM_DEBUG=1 for details)" + System.lineSeparator(),
                err.toString());
    }

    /** A library's message that quotes a value (here a DuckDB conversion error) never prints an NHS number. */
    @Test
    void aMessageQuotingAnNhsNumberPrintsItMasked() {
        assertEquals(
                1,
                run(new IllegalStateException("Conversion Error: could not convert string '943 476 5919' to INT64")));
        assertTrue(!err.toString().contains("943 476 5919") && !err.toString().contains("9434765919"), err.toString());
        assertTrue(err.toString().startsWith("phm boom: Conversion Error: could not convert string '"), err.toString());
    }
}
