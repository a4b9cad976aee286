package org.openphm.synth;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.openphm.model.BackgroundWork;

/**
 * Runs work over the people 0..total in fixed-size chunks on several threads and hands each chunk's result to
 * the calling thread strictly in chunk order. Chunk boundaries do not depend on the number of threads, so
 * whatever the caller builds by taking results in order (files, sums) is the same for any number of threads;
 * at most two chunks per thread are in flight, so memory does not grow with the population.
 */
final class OrderedChunks {
    /** People per chunk: enough to make a chunk's hand-over negligible, few enough to keep buffers small. */
    static final int CHUNK = 1_024;

    private OrderedChunks() {}

    /** The work on people from (inclusive) to to (exclusive), run on a worker thread. */
    interface Work<T> {
        T run(long from, long to) throws IOException;
    }

    /** Takes a chunk's result on the calling thread; to is the number of people done so far. */
    interface Taker<T> {
        void take(T result, long from, long to) throws IOException;
    }

    static <T> void run(long total, int chunk, int threads, Work<T> work, Taker<T> taker) throws IOException {
        if (chunk < 1 || threads < 1) {
            throw new IllegalArgumentException("chunk and threads must be positive: " + chunk + ", " + threads);
        }
        if (threads == 1) {
            for (long from = 0; from < total; from += chunk) {
                long to = Math.min(total, from + chunk);
                taker.take(work.run(from, to), from, to);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        try {
            Deque<Future<T>> inFlight = new ArrayDeque<>();
            long submitted = 0;
            for (long from = 0; from < total; from += chunk) {
                while (submitted < total && inFlight.size() < 2 * threads) {
                    long f = submitted, t = Math.min(total, submitted + chunk);
                    inFlight.add(pool.submit(() -> work.run(f, t)));
                    submitted = t;
                }
                taker.take(BackgroundWork.result(inFlight.poll(), "generating"), from, Math.min(total, from + chunk));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Daemon threads, so a failed run that leaves a worker busy never keeps the JVM alive. */
    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "synth-chunk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
