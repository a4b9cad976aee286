package org.openphm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.qof.QofPrevalenceSource;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * The yardstick phm bench holds QOF prevalence against must count what our family counts: on a small synthetic
 * ICB, the hand-written statement and the family's engine query give the same cells, every register, year, area
 * level and breakdown, band for band, and the comparison notices a changed count. Timings belong to phm bench.
 */
class HandWrittenCountsTest {

    @TempDir
    static Path dir;

    static Path workspace;
    static List<FinancialYear> years;
    static Map<CellKey, AgeBandCounts> ours;

    @BeforeAll
    static void countASmallSyntheticIcb() throws Exception {
        Path raw = dir.resolve("raw");
        SyntheticIcb.generate(raw, new SynthOptions(3_000, 20250331, true), QofRegisters.ageLabels(), Progress.SILENT);
        workspace = dir.resolve("workspace.duckdb");
        Ingest.run(IngestOptions.of(raw, workspace, null), Progress.SILENT);
        try (DuckDbEngine engine = DuckDbEngine.open(workspace)) {
            years = Periods.of(engine);
            ours = new QofPrevalenceSource().count(engine, years);
        }
    }

    @Test
    void theHandWrittenQofStatementGivesOurCells() throws Exception {
        Map<CellKey, AgeBandCounts> hand;
        try (Connection c = BenchCommand.readOnly(workspace)) {
            hand = HandWrittenCounts.run(c, HandWrittenCounts.qofPrevalence(years));
        }
        assertTrue(years.size() > 1, "several years, so the year indexes are exercised: " + years);
        assertEquals(
                List.of(),
                HandWrittenCounts.differences(ours, hand).stream().limit(5).toList());
        assertEquals(ours.size(), hand.size());
        assertTrue(ours.size() > 1000, "cells for every register, year, level and breakdown: " + ours.size());
    }

    @Test
    void aChangedBandIsReportedAsThatCell() {
        Map<CellKey, AgeBandCounts> changed = new HashMap<>(ours);
        CellKey key = ours.keySet().iterator().next();
        AgeBandCounts copy = new AgeBandCounts();
        AgeBandCounts original = ours.get(key);
        for (int b = 0; b < AgeBandCounts.BANDS; b++) {
            copy.add(b, original.numerators()[b] + (b == 3 ? 1 : 0), original.denominators()[b]);
        }
        changed.put(key, copy);
        List<String> differences = HandWrittenCounts.differences(ours, changed);
        assertEquals(1, differences.size());
        assertFalse(differences.get(0).isEmpty());
        assertTrue(differences.get(0).startsWith("differs: " + key), differences.get(0));
    }
}
