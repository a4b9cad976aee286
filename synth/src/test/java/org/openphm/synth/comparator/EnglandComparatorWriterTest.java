package org.openphm.synth.comparator;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnglandComparatorWriterTest {

    @Test
    void publishedYearCarriesThePublicFigureAndLaterYearsAreFlaggedSynthetic(@TempDir Path dir) throws Exception {
        long rows = EnglandComparatorWriter.write(dir, Map.of("DM", "17+ yrs", "SMI", "All ages"));
        assertEquals(2 * 7, rows, "two registers, seven financial years 2019/20..2025/26");
        List<String> lines = Files.readAllLines(dir.resolve("england_comparator.csv"));
        // House of Commons Library modelled QOF 2019/20, England: DM 3,451,332.4 on a 17+ list of 48,801,065.4
        // = 7.072% (houseofcommonslibrary/local-health-data-from-QOF, output_region_prevalence.csv summed over
        // the nine English regions; synth's resources/comparator/england_qof_2019_20.csv).
        String dm2019 = lines.stream()
                .filter(l -> l.startsWith("qof-prevalence-dm,2019/20,"))
                .findFirst()
                .orElseThrow();
        assertTrue(dm2019.startsWith("qof-prevalence-dm,2019/20,Persons,17+ yrs,7.072,"), dm2019);
        assertTrue(dm2019.contains(",false,"), "a published figure is not synthetic: " + dm2019);
        // The QOF MH register is the data pack's SMI (DP 3.3): 0.93% in 2019/20.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("qof-prevalence-smi,2019/20,Persons,All ages,0.93,")));
        assertTrue(lines.stream().filter(l -> l.contains(",2024/25,")).allMatch(l -> l.contains(",true,SYNTHETIC")));
    }

    /** The note is printed beside the England value in the pack: 0.035 × 100 must read 3.5, not 3.5000000000000004. */
    @Test
    void theAssumedChangeIsWrittenAsAPersonWouldWriteIt(@TempDir Path dir) throws Exception {
        EnglandComparatorWriter.write(dir, Map.of("CAN", "All ages"));
        String can2020 = Files.readAllLines(dir.resolve("england_comparator.csv")).stream()
                .filter(l -> l.startsWith("qof-prevalence-can,2020/21,"))
                .findFirst()
                .orElseThrow();
        assertTrue(can2020.endsWith("projected at an assumed 3.5% a year; not a published figure"), can2020);
    }
}
