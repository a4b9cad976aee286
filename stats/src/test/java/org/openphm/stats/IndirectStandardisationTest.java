package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/isr.csv, from PHEindicatormethods 2.1.0
 * tests/testthat/testdata_DSR_ISR.xlsx (sheets testdata_multiarea, refdata, testdata_err2,
 * testresults_ISR), testISRatios.R and testISRates.R.
 */
class IndirectStandardisationTest {

    static List<OracleCsv.Row> cases() {
        return OracleCsv.read("isr.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(OracleCsv.Row row) {
        double[] counts = row.numbers("counts");
        double[] pops = row.numbers("pops");
        double[] refCounts = row.numbers("ref_counts");
        double[] refPops = row.numbers("ref_pops");
        List<IndirectStandardisation.Band> bands = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bands.add(new IndirectStandardisation.Band(counts[i], pops[i], refCounts[i], refPops[i]));
        }
        double c = row.number("confidence");
        IndirectStandardisation.Result r = row.text("statistic_type").equals("ratio")
                ? IndirectStandardisation.ratio(bands, row.number("refvalue"), c)
                : IndirectStandardisation.rate(bands, row.number("multiplier"), c);
        assertEquals(row.number("observed"), r.observed());
        Close.relative(row.number("expected"), r.expected(), row.id() + " expected");
        Close.relative(row.number("ref_rate"), r.referenceRate(), row.id() + " ref_rate");
        Close.relative(row.number("value"), r.estimate().value(), row.id() + " value");
        Close.relative(row.number("lowercl"), r.estimate().lower(), row.id() + " lower");
        Close.relative(row.number("uppercl"), r.estimate().upper(), row.id() + " upper");
        assertEquals(row.text("method"), r.estimate().method());
    }
}
