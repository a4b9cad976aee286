package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/dsr_dobson.csv and dsr_dobson_nonindependent.csv, from PHEindicatormethods
 * 2.1.0 tests/testthat/testdata_DSR_ISR.xlsx (sheets testdata_multiarea, testdata_1976,
 * testdata_nonindepe, testresults_DSR) and testDSRs.R.
 */
class DirectStandardisationTest {

    static List<OracleCsv.Row> independentCases() {
        return OracleCsv.read("dsr_dobson.csv");
    }

    static List<OracleCsv.Row> nonIndependentCases() {
        return OracleCsv.read("dsr_dobson_nonindependent.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("independentCases")
    void matchesReference(OracleCsv.Row row) {
        double[] counts = row.numbers("counts");
        double[] pops = row.numbers("pops");
        double[] std = row.numbers("stdpop");
        List<DirectStandardisation.Band> bands = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bands.add(new DirectStandardisation.Band(counts[i], pops[i], std[i]));
        }
        DirectStandardisation.Result r =
                DirectStandardisation.dsr(bands, row.number("multiplier"), row.number("confidence"));
        assertEquals(row.number("total_count"), r.totalCount());
        assertEquals(row.number("total_pop"), r.totalPopulation());
        Close.relative(row.number("value"), r.estimate().value(), row.id() + " value");
        Close.relative(row.number("lowercl"), r.estimate().lower(), row.id() + " lower");
        Close.relative(row.number("uppercl"), r.estimate().upper(), row.id() + " upper");
        assertEquals(row.text("method"), r.estimate().method());
        if (row.text("statistic").startsWith("dsr NA")) {
            assertEquals(row.text("statistic"), r.estimate().note());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonIndependentCases")
    void matchesReferenceForNonIndependentEvents(OracleCsv.Row row) {
        double[] pops = row.numbers("pops");
        double[] std = row.numbers("stdpop");
        List<Map<Integer, Double>> persons = new ArrayList<>();
        for (int i = 0; i < pops.length; i++) {
            persons.add(new HashMap<>());
        }
        for (int k = 1; k <= 4; k++) {
            double[] freq = row.numbers("persons_freq" + k);
            for (int i = 0; i < freq.length; i++) {
                persons.get(i).put(k, freq[i]);
            }
        }
        List<DirectStandardisation.EventFrequencyBand> bands = new ArrayList<>();
        for (int i = 0; i < pops.length; i++) {
            bands.add(new DirectStandardisation.EventFrequencyBand(pops[i], std[i], persons.get(i)));
        }
        DirectStandardisation.Result r =
                DirectStandardisation.dsrNonIndependent(bands, row.number("multiplier"), row.number("confidence"));
        assertEquals(row.number("total_count"), r.totalCount());
        // expected values are published to 8 decimal places
        Close.absolute(row.number("value"), r.estimate().value(), 1e-8, row.id() + " value");
        Close.absolute(row.number("lowercl"), r.estimate().lower(), 1e-8, row.id() + " lower");
        Close.absolute(row.number("uppercl"), r.estimate().upper(), 1e-8, row.id() + " upper");
        assertEquals(row.text("method"), r.estimate().method());
    }

    @Test
    void esp2013WeightsAreTheReferenceWeights() {
        // PHEindicatormethods R/data.R esp2013 (Eurostat 2013): 19 bands, sum 100,000
        double[] w = EuropeanStandardPopulation.weights();
        assertEquals(19, w.length);
        assertEquals(100_000, java.util.Arrays.stream(w).sum());
        assertEquals(5000, w[0]);
        assertEquals(1000, w[18]);
        assertEquals(18, EuropeanStandardPopulation.bandIndex(97));
        assertEquals(13, EuropeanStandardPopulation.bandIndex(65));
    }

    @Test
    void esp2013ShortcutEqualsExplicitWeights() {
        // inputs and expected value of oracle case DSR_big_m100000_c95 (testdata_DSR_ISR.xlsx)
        double[] counts = {127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91};
        double[] pops = {636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207};
        DirectStandardisation.Result r = DirectStandardisation.esp2013(counts, pops, 100_000, 0.95);
        Close.relative(10430.2479914694, r.estimate().value(), "value");
        Close.relative(9717.70906798568, r.estimate().lower(), "lower");
    }

    @Test
    void invalidInputsAreErrors() {
        // calculate_dsr: negative counts, populations <= 0 and negative standard populations are errors
        assertThrows(
                IllegalArgumentException.class,
                () -> DirectStandardisation.dsr(List.of(new DirectStandardisation.Band(-1, 10, 1)), 100_000, 0.95));
        assertThrows(
                IllegalArgumentException.class,
                () -> DirectStandardisation.dsr(List.of(new DirectStandardisation.Band(1, 0, 1)), 100_000, 0.95));
        assertThrows(
                IllegalArgumentException.class,
                () -> DirectStandardisation.dsr(List.of(new DirectStandardisation.Band(1, 10, -1)), 100_000, 0.95));
    }
}
