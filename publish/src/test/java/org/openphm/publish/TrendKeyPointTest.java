package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.text.KeyPointWriter;

/** Key points of trend charts, every figure worked by hand in the comments. */
class TrendKeyPointTest {
    private static final KeyPointWriter writer = new KeyPointWriter();
    private static final DataTable NO_ROWS = new DataTable("t", List.of("x"), List.of());

    private static List<String> months(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int m = 3 + i; // from April 2019
            out.add(String.format("%d-%02d", 2019 + m / 12, m % 12 + 1));
        }
        return out;
    }

    private static Chart.Series focus(String name, List<Double> values) {
        List<Double> none = new ArrayList<>(Collections.nCopies(values.size(), (Double) null));
        return new Chart.Series(name, Chart.SeriesRole.FOCUS, values, none, none, null);
    }

    private static Chart.Lines lines(String unit, List<String> x, Chart.Series... series) {
        return new Chart.Lines("t", "", unit, false, "Period", unit, x, List.of(series), null, NO_ROWS);
    }

    /** Discharges: 12 months of 10, 12 of 20, then 12 of 25 with one month (2021-08) of 45. */
    private static List<Double> discharges() {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            v.add(i < 12 ? 10.0 : i < 24 ? 20.0 : i == 28 ? 45.0 : 25.0);
        }
        return v;
    }

    @Test
    void aMonthlyCountComparesTheLastTwelveMonthsWithTheTwelveBefore() {
        // last 12: 11 x 25 + 45 = 320; the 12 before: 12 x 20 = 240; 320 / 240 = 1.333 -> up 33%
        assertEquals(
                List.of("WICU: 320 in the 12 months to 2022-03, up 33% on the 12 months before (240);"
                        + " highest month: 45 in 2021-08."),
                writer.write(lines("", months(36), focus("WICU", discharges()))));
    }

    @Test
    void aSuppressedMonthStopsTheTwelveMonthTotal() {
        List<Double> v = discharges();
        v.set(30, null);
        assertEquals(
                List.of("WICU: the 12-month total to 2022-03 is not shown because some months are suppressed;"
                        + " highest month: 45 in 2021-08."),
                writer.write(lines("", months(36), focus("WICU", v))));
    }

    @Test
    void aMonthlyMeanIsAveragedNotSummed() {
        // 12 months of 20.0 days then 12 of 22.5: mean 22.5 against 20 -> up 12.5%, rounded 13%; first 22.5 2020-04
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            v.add(i < 12 ? 20.0 : 22.5);
        }
        assertEquals(
                List.of("WICU: averaged 22.5 days a month in the 12 months to 2021-03, up 13% on the 12 months"
                        + " before (20 days); highest month: 22.5 days in 2020-04."),
                writer.write(lines("days", months(24), focus("WICU", v))));
    }

    @Test
    void yearlyCountsGiveTheChangeSinceTheFirstYearAndTheLargestYearOnYearMove() {
        // 100 -> 160 is +60%; the moves are +10, +40, -10, +20: the largest is +40, 2020/21 to 2021/22
        List<String> x = List.of("2019/20", "2020/21", "2021/22", "2022/23", "2023/24");
        assertEquals(
                List.of("Memory service: 160 in 2023/24, from 100 in 2019/20 (+60%). Largest year-on-year"
                        + " change: +40 between 2020/21 and 2021/22."),
                writer.write(lines("", x, focus("Memory service", Arrays.asList(100.0, 110.0, 150.0, 140.0, 160.0)))));
    }

    @Test
    void overlappingIntervalsAreReportedAsOverlappingNotAsNoChange() {
        // 12.0% (10.0 to 14.0) in 2019/20 and 13.0% (11.0 to 15.0) in 2020/21: the intervals overlap
        Chart.Series s = new Chart.Series(
                "Luton", Chart.SeriesRole.FOCUS, List.of(12.0, 13.0), List.of(10.0, 11.0), List.of(14.0, 15.0), null);
        assertEquals(
                List.of("Luton: 13.0% in 2020/21, from 12.0% in 2019/20 (+1 percentage point, 95% CIs overlap)."),
                writer.write(lines("%", List.of("2019/20", "2020/21"), s)));
    }

    @Test
    void severalLinesEndWithWhichIsHighestAndLowestAndMoreThanFourAreNotAllDescribed() {
        List<String> x = List.of("2022/23", "2023/24");
        List<String> two = writer.write(lines("", x, focus("A", List.of(5.0, 6.0)), focus("B", List.of(9.0, 8.0))));
        assertEquals(3, two.size());
        assertEquals("In 2023/24, highest: B (8); lowest: A (6).", two.get(2));
        Chart.Series[] six = new Chart.Series[6];
        for (int i = 0; i < 6; i++) {
            six[i] = focus("S" + i, List.of(10.0 + i, 20.0 + i * (i % 2 == 0 ? 1 : -1)));
        }
        // latest values: S0 20, S1 19, S2 22, S3 17, S4 24, S5 15 -> highest S4, lowest S5
        List<String> points = writer.write(lines("", x, six));
        assertEquals(
                List.of(
                        "S4: 24 in 2023/24, from 14 in 2022/23 (+71%).",
                        "S5: 15 in 2023/24, from 15 in 2022/23 (0%).",
                        "In 2023/24, highest: S4 (24); lowest: S5 (15)."),
                points);
    }

    @Test
    void aRankedTableNamesItsTopRowByTheNameThatVaries() {
        // DP 3.1: every row is the ICB, so the ICB's code and name name nothing; the condition's name does.
        DataTable t = new DataTable(
                "dp-3.1",
                List.of("area_code", "area_name", "condition", "condition_name", "change_pct"),
                List.of(
                        List.of("QHG", "NHS BLMK ICB", "DEM", "Dementia", "69.78"),
                        List.of("QHG", "NHS BLMK ICB", "OST", "Osteoporosis", "59.76")));
        assertEquals(
                List.of("Highest change: Dementia (69.8%)."),
                writer.write(new Chart.Table(
                        "Relative rise by 2043",
                        "",
                        "%",
                        true,
                        "change_pct",
                        org.openphm.publish.chart.ChartResolver.labelColumn(t),
                        t)));
    }

    @Test
    void barsWithTheSameVerdictShareOneSentenceAndMoreThanFourAreNamedWithoutValues() {
        List<Chart.Bar> bars = new ArrayList<>();
        for (String band : List.of("0-4", "5-9", "10-14", "15-19", "20-24")) {
            bars.add(new Chart.Bar(band, 1.0, 0.8, 1.2, org.openphm.model.Comparison.LOWER, null));
        }
        bars.add(new Chart.Bar("85+", 9.0, 8.0, 10.0, org.openphm.model.Comparison.HIGHER, null));
        Chart.Bars b = new Chart.Bars("t", "", "%", "", "%", bars, List.of(), "BLMK as a whole", "95%", NO_ROWS);
        List<String> points = writer.write(b);
        assertEquals(
                List.of(
                        "Highest: 85+ (9.0%); lowest: 0-4, 5-9, 10-14, 15-19 and 20-24 (1.0%).",
                        "Significantly higher than BLMK as a whole (95% CI): 85+ (9.0%).",
                        "Significantly lower than BLMK as a whole (95% CI): 0-4, 5-9, 10-14, 15-19 and 20-24."),
                points);
    }

    @Test
    void theSecondFigureOfASentenceKeepsTheDigitsOfTheFirstWithoutRepeatingTheUnit() {
        assertEquals("3.2", org.openphm.publish.text.ValueFormat.sameDigits(3.24, "DSR per 100"));
        assertEquals("4.7 DSR per 100", org.openphm.publish.text.ValueFormat.withUnit(4.7, "DSR per 100"));
        assertEquals("8.6%", org.openphm.publish.text.ValueFormat.sameDigits(8.6, "%"));
        assertEquals("1,480", org.openphm.publish.text.ValueFormat.sameDigits(1480.0, "per 100,000"));
        assertEquals("515 referrals", org.openphm.publish.text.ValueFormat.withUnit(515.0, "referrals"));
        assertEquals("80.0 years", org.openphm.publish.text.ValueFormat.withUnit(80.0, "years"));
        assertEquals("410", org.openphm.publish.text.ValueFormat.withUnit(410.0, "count"));
        assertEquals("\u00a330,840,000", org.openphm.publish.text.ValueFormat.withUnit(30_840_000.0, "\u00a3"));
        assertEquals("366", org.openphm.publish.text.ValueFormat.sameDigits(366.0, ""));
    }

    @Test
    void referralsAddUpOverAYearButPeopleWaitingAreAveraged() {
        // the discharges series again: as "referrals" a flow (total 320), as "people" a level (mean 320 / 12)
        assertEquals(
                "WICU: 320 referrals in the 12 months to 2022-03, up 33% on the 12 months before (240"
                        + " referrals); highest month: 45 referrals in 2021-08.",
                writer.write(lines("referrals", months(36), focus("WICU", discharges())))
                        .get(0));
        // 320 / 12 = 26.67, written to one decimal above 10 -> "26.7"; 240 / 12 = 20
        assertEquals(
                "WICU: averaged 26.7 people a month in the 12 months to 2022-03, up 33% on the 12 months before"
                        + " (20 people); highest month: 45 people in 2021-08.",
                writer.write(lines("people", months(36), focus("WICU", discharges())))
                        .get(0));
    }
}
