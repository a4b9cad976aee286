package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected values: oracles/life_expectancy.csv, from PHEindicatormethods 2.1.0
 * tests/testthat/testLifeExpectancy.R (inputs df1, df_widecis_plus, df_neg_deaths, df_zero_pop,
 * df_deaths_greater_pops, df_low_pops, df_missing_age; expected literals answer1, df1_cum,
 * answer_widecis). The test rounds to 4 dp, so asserted rows are compared to 1e-4.
 */
class LifeExpectancyTest {

    static List<OracleCsv.Row> cases() {
        return OracleCsv.read("life_expectancy.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(OracleCsv.Row row) {
        double[] ages = row.numbers("startages");
        double[] pops = row.numbers("pops");
        double[] deaths = row.numbers("deaths");
        List<LifeExpectancy.AgeBand> bands = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            bands.add(new LifeExpectancy.AgeBand((int) ages[i], pops[i], deaths[i]));
        }
        LifeExpectancy.Result result = LifeExpectancy.calculate(bands, row.number("confidence"));
        double leAge = row.number("le_age");
        if (Double.isNaN(leAge)) {
            // whole area suppressed: no value for any age
            assertTrue(result.notCalculatedReason().isPresent(), row.id() + " should not be calculated");
            assertTrue(result.rows().isEmpty());
            return;
        }
        var at = result.at((int) leAge);
        if (Double.isNaN(row.number("lowercl")) && Double.isNaN(row.number("value"))) {
            assertFalse(at.isPresent() && at.get().estimate().hasInterval(), row.id() + " should be NA");
            return;
        }
        assertTrue(at.isPresent(), row.id() + " missing row");
        boolean rounded = row.text("tolerance_note").contains("4 dp");
        Estimate e = at.get().estimate();
        compare(row.number("value"), e.value(), rounded, row.id() + " value");
        compare(row.number("lowercl"), e.lower(), rounded, row.id() + " lower");
        compare(row.number("uppercl"), e.upper(), rounded, row.id() + " upper");
        if (!Double.isNaN(row.number("pops_used"))) {
            compare(row.number("pops_used"), at.get().populationUsed(), false, row.id() + " pops_used");
            compare(row.number("dths_used"), at.get().deathsUsed(), false, row.id() + " dths_used");
        }
    }

    private static void compare(double expected, double actual, boolean rounded, String what) {
        if (rounded) {
            Close.absolute(expected, actual, 1e-4, what);
        } else {
            Close.relative(expected, actual, what);
        }
    }
}
