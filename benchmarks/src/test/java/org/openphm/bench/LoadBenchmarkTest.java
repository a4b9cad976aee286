package org.openphm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;

/** The load benchmark's arithmetic and request mix; its timings are reported by phm bench-api, never asserted. */
class LoadBenchmarkTest {

    @Test
    void percentilesAreNearestRankAsInTheTextbookExample() {
        // Nearest-rank method, worked example (Wikipedia, "Percentile"): for 15, 20, 35, 40, 50 the 30th
        // percentile is 20, the 40th 20, the 50th 35 and the 100th 50. Values here in ms (as nanoseconds).
        List<Long> ms = List.of(15_000_000L, 20_000_000L, 35_000_000L, 40_000_000L, 50_000_000L);
        assertEquals(20, LoadBenchmark.percentile(ms, 0.30), 1e-9);
        assertEquals(20, LoadBenchmark.percentile(ms, 0.40), 1e-9);
        assertEquals(35, LoadBenchmark.percentile(ms, 0.50), 1e-9);
        assertEquals(50, LoadBenchmark.percentile(ms, 1.00), 1e-9);
    }

    @Test
    void theMixCoversEveryKindOfDashboardRequestAndEveryRequestGetsItsExpectedStatus(@TempDir Path dir)
            throws Exception {
        FixtureResults.write(dir);
        List<LoadBenchmark.Kind> kinds = LoadBenchmark.kinds(ResultsDir.load(dir));
        assertEquals(
                List.of(
                        "baseline: static file",
                        "indicator view",
                        "analysis view",
                        "tidy results",
                        "analysis table as CSV",
                        "indicator search",
                        "bad parameter (400)"),
                kinds.stream().map(LoadBenchmark.Kind::name).toList());
        // 3 clients x 14 requests, kinds in turn: every kind is sent 6 times (42 / 7), and run() throws if any
        // request is answered with another status than its kind expects (200, or 400 for the bad parameter).
        LoadBenchmark.Report r = LoadBenchmark.run(dir, 3, 14);
        assertEquals(8, r.kinds().size(), "seven kinds and the API overall");
        for (LoadBenchmark.Latency k : r.kinds().subList(0, 7)) {
            assertEquals(6, k.requests(), k.kind());
            assertTrue(k.p50() <= k.p99() && k.p99() <= k.max(), k.kind());
        }
        assertEquals(36, r.overall().requests(), "the baseline is not an API request");
    }
}
