package org.openphm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.model.AreaType;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * The R data.table pipeline and ours give the same QOF prevalence cells on a small synthetic ICB, and the check
 * would say so if they did not. Timings are reported by phm bench and phm bench-r, never asserted.
 */
class RComparisonTest {

    @TempDir
    static Path dir;

    static RComparison.Result result;

    @BeforeAll
    static void runBothOnASmallSyntheticIcb() throws Exception {
        Optional<String> noR = RPipeline.unavailable();
        Assumptions.assumeTrue(noR.isEmpty(), () -> RPipeline.skipMessage(noR.orElse("")));
        Path raw = dir.resolve("raw");
        SyntheticIcb.generate(raw, new SynthOptions(3_000, 20250331, true), QofRegisters.ageLabels(), Progress.SILENT);
        result = RComparison.run(raw, dir.resolve("work"), Progress.SILENT);
    }

    @Test
    void rAndOursGiveTheSameCellsForEveryRegisterLevelAndBreakdown() throws Exception {
        assertEquals(List.of(), result.differences().stream().limit(5).toList(), "R and ours differ");
        Map<CellKey, QofCells.Cell> cells = result.ours().cells();
        assertEquals(cells.size(), QofCells.read(result.rCells()).size());
        // every register, every year, every area level; breakdowns only where the family breaks down
        assertEquals(
                QofRegisters.ALL.size(),
                cells.keySet().stream().map(CellKey::indicatorId).distinct().count());
        assertEquals(
                result.ours().years().size(),
                cells.keySet().stream().map(CellKey::period).distinct().count());
        assertEquals(
                EnumSet.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN, AreaType.PRACTICE),
                cells.keySet().stream().map(CellKey::areaType).collect(Collectors.toSet()));
        Set<AreaType> brokenDown = cells.keySet().stream()
                .filter(k -> k.breakdown() != Breakdown.NONE)
                .map(CellKey::areaType)
                .collect(Collectors.toSet());
        assertEquals(EnumSet.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD), brokenDown);
        assertTrue(cells.values().stream().anyMatch(c -> c.numerator() > 0), "some people are on a register");
    }

    @Test
    void aCountOffByOneInOneRCellIsReportedAsThatCell() throws Exception {
        Map<CellKey, QofCells.Cell> r = QofCells.read(result.rCells());
        CellKey key = r.keySet().stream()
                .filter(k -> k.areaType() == AreaType.PLACE && k.breakdown() == Breakdown.SEX)
                .findFirst()
                .orElseThrow();
        QofCells.Cell c = r.get(key);
        Path perturbed = dir.resolve("r-perturbed.csv");
        Map<CellKey, QofCells.Cell> changed = new HashMap<>(r);
        changed.put(key, new QofCells.Cell(c.numerator() + 1, c.denominator(), c.value(), c.lower95(), c.upper95()));
        QofCells.write(perturbed, changed);
        List<String> d = QofCells.differences(result.ours().cells(), QofCells.read(perturbed));
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("differs: " + key), d.get(0));
    }

    @Test
    void aMissingCellAndALimitBeyondTheToleranceAreReportedButRoundingIsNot() {
        Map<CellKey, QofCells.Cell> ours = result.ours().cells();
        Map<CellKey, QofCells.Cell> r = new HashMap<>(ours);
        List<CellKey> keys = ours.keySet().stream()
                .filter(k -> ours.get(k).upper95() > 1)
                .limit(3)
                .toList();
        r.remove(keys.get(0));
        QofCells.Cell far = r.get(keys.get(1));
        r.put(
                keys.get(1),
                new QofCells.Cell(
                        far.numerator(), far.denominator(), far.value(), far.lower95(), far.upper95() * (1 + 1e-6)));
        QofCells.Cell near = r.get(keys.get(2));
        r.put(
                keys.get(2),
                new QofCells.Cell(
                        near.numerator(),
                        near.denominator(),
                        near.value(),
                        near.lower95(),
                        near.upper95() * (1 + 1e-13)));
        List<String> d = QofCells.differences(ours, r);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.contains("only ours: " + keys.get(0)), d.toString());
        assertTrue(d.stream().anyMatch(x -> x.startsWith("differs: " + keys.get(1))), d.toString());
        assertFalse(d.stream().anyMatch(x -> x.contains(keys.get(2).toString())), d.toString());
    }

    @Test
    void theReportSaysTheRatioAndWhetherTheCellsAgree() throws Exception {
        String section = result.section();
        assertTrue(section.contains("| R / ours |"), section);
        assertTrue(section.contains(String.format("| %,d | yes |", result.cells())), section);
        assertTrue(Files.isRegularFile(result.ourCells()), "our cells are written beside R's");
    }
}
