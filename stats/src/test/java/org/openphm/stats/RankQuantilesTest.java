package org.openphm.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Expected values: PHEindicatormethods' own test data for {@code phe_quantile}
 * (ukhsa-collaboration/PHEindicatormethods, commit 093fd288d8f8949dbcfbed70049dbbf385b6141d,
 * tests/testthat/testdata_Quantiles.xlsx, column QuantileInGrp; see oracles/quantiles/SOURCE.md),
 * selected as tests/testthat/testQuantiles.R selects them (df1 ... df6).
 */
class RankQuantilesTest {

    private static final List<OracleCsv.Row> ALL = OracleCsv.read("quantiles/quantiles.csv");
    /** LoadTestdata.R's test_quantiles_ug: rows whose Test starts "Good". */
    private static final List<OracleCsv.Row> GOOD =
            ALL.stream().filter(r -> r.text("Test").startsWith("Good")).toList();

    /** LoadTestdata.R maps polarity to invert: low is good → TRUE, high is good → FALSE (also written 1 / 0). */
    private static final Predicate<OracleCsv.Row> POLARITY = r -> switch (r.text("Polarity")) {
        case "RAG - Low is good", "1" -> true;
        case "RAG - High is good", "0" -> false;
        default -> throw new IllegalArgumentException("polarity " + r.text("Polarity"));
    };

    private static final Function<OracleCsv.Row, List<String>> INDICATOR_AND_REGION =
            r -> List.of(r.text("IndSexRef"), r.text("ParentCode"));

    @Test
    void decilesWithinRegionsWithPolarityPerIndicator() {
        // df1: "test grouped df field" — GroupSet IndSexReg, grouped by indicator and region
        List<OracleCsv.Row> df1 = set(GOOD, "IndSexReg");
        assertQuantiles(
                df1,
                RankQuantiles.withinGroups(
                        df1, INDICATOR_AND_REGION, RankQuantilesTest::value, RankQuantiles.DECILES, POLARITY));
    }

    @Test
    void decilesWithinRegionsNotInverted() {
        // df2: "test grouped df logical" — one indicator (90366Female), invert = FALSE
        List<OracleCsv.Row> df2 = set(GOOD, "IndSexReg").stream()
                .filter(r -> r.text("IndSexRef").equals("90366Female"))
                .toList();
        List<RankQuantiles.Assignment<OracleCsv.Row>> result =
                RankQuantiles.withinGroups(df2, INDICATOR_AND_REGION, RankQuantilesTest::value, 10, r -> false);
        assertQuantiles(df2, result);
        // the package warns "too few small areas" here: the East Midlands has 9 areas for 10 deciles
        assertTrue(result.stream()
                .filter(a -> a.area().text("ParentCode").equals("E12000004"))
                .allMatch(a -> !a.hasQuantile() && a.note().contains("fewer than 10 quantiles")));
    }

    @Test
    void septilesWithinIndicators() {
        // df3: "test ungrouped df field" — GroupSet IndSex, grouped by indicator, nquantiles = 7
        List<OracleCsv.Row> df3 = set(GOOD, "IndSex");
        assertQuantiles(
                df3, RankQuantiles.withinGroups(df3, r -> r.text("IndSexRef"), RankQuantilesTest::value, 7, POLARITY));
    }

    @Test
    void quartilesOfAllAreasHighestFirst() {
        // df4/df5: "test nquantiles" and "test ungrouped df logical nohighergeog" — one group,
        // nquantiles = 4, invert = TRUE (the default), including duplicated values
        List<OracleCsv.Row> df4 = set(GOOD, "None");
        assertQuantiles(df4, RankQuantiles.withinGroups(df4, r -> "all", RankQuantilesTest::value, 4, r -> true));
        int[] direct = RankQuantiles.assign(
                df4.stream().mapToDouble(RankQuantilesTest::value).toArray(), 4, true);
        assertArrayEquals(df4.stream().mapToInt(RankQuantilesTest::expected).toArray(), direct);
    }

    @Test
    void groupWithNoValuesGetsNoQuantiles() {
        // df6: df2 without E06000053 and E09000001, with every value in E12000006 missing
        Set<String> dropped = Set.of("E06000053", "E09000001");
        List<OracleCsv.Row> df6 = set(GOOD, "IndSexReg").stream()
                .filter(r -> r.text("IndSexRef").equals("90366Female") && !dropped.contains(r.text("AreaCode")))
                .toList();
        List<RankQuantiles.Assignment<OracleCsv.Row>> result = RankQuantiles.withinGroups(
                df6,
                INDICATOR_AND_REGION,
                r -> r.text("ParentCode").equals("E12000006") ? Double.NaN : value(r),
                10,
                r -> false);
        for (RankQuantiles.Assignment<OracleCsv.Row> a : result) {
            if (a.area().text("ParentCode").equals("E12000006")) {
                assertEquals(0, a.quantile());
                assertEquals("no value", a.note());
            } else {
                assertEquals(expected(a.area()), a.quantile(), a.area().text("AreaCode"));
            }
        }
    }

    @Test
    void invertMustBeTheSameWithinAGroup() {
        // "error invert varies": BadPolarity rows mix polarities within 11111Female
        List<OracleCsv.Row> bad =
                ALL.stream().filter(r -> r.text("Test").equals("BadPolarity")).toList();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RankQuantiles.withinGroups(bad, r -> r.text("IndSexRef"), RankQuantilesTest::value, 7, POLARITY));
        assertEquals("invert field values must take the same logical value for each data grouping set", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankQuantiles.assign(new double[] {1}, 0, true));
    }

    private static List<OracleCsv.Row> set(List<OracleCsv.Row> rows, String groupSet) {
        return rows.stream().filter(r -> r.text("GroupSet").equals(groupSet)).toList();
    }

    private static double value(OracleCsv.Row r) {
        return r.number("Value");
    }

    /** QuantileInGrp; an empty cell (no quantile) is 0. */
    private static int expected(OracleCsv.Row r) {
        double q = r.number("QuantileInGrp");
        return Double.isNaN(q) ? 0 : (int) q;
    }

    private static void assertQuantiles(
            List<OracleCsv.Row> rows, List<RankQuantiles.Assignment<OracleCsv.Row>> actual) {
        assertEquals(rows.size(), actual.size());
        for (int i = 0; i < rows.size(); i++) {
            OracleCsv.Row r = rows.get(i);
            assertEquals(r, actual.get(i).area());
            assertEquals(
                    expected(r),
                    actual.get(i).quantile(),
                    r.text("IndSexRef") + " " + r.text("ParentCode") + " " + r.text("AreaCode") + " value "
                            + r.text("Value"));
        }
    }
}
