package org.openphm.publish.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.results.DataTable;

/** The key points of an impact model's waterfall, against figures worked by hand. */
class KeyPointWaterfallTest {
    private static Chart.Step total(String label, double value) {
        return new Chart.Step(label, Chart.StepKind.TOTAL, value, 0, value);
    }

    private static Chart.Step change(String label, double value, double base) {
        return new Chart.Step(label, Chart.StepKind.CHANGE, value, base, base + value);
    }

    @Test
    void startEndAndTheLargestStepEachWay() {
        // 102,800 + 24,100 + 11,500 − 6,900 − 2,000 = 129,500: 129,500 / 102,800 = 1.2597, +26%
        Chart.Waterfall w = new Chart.Waterfall(
                "Emergency admissions",
                "",
                "",
                "",
                "",
                List.of(
                        total("2024/25 baseline", 102_800),
                        change("Demographic growth", 24_100, 102_800),
                        change("Non-demographic growth", 11_500, 126_900),
                        change("ACSC admission avoidance", -6_900, 138_400),
                        change("Frailty virtual wards", -2_000, 131_500),
                        total("2036/37 scenario", 129_500)),
                new DataTable("t", List.of(), List.of()));
        assertEquals(
                List.of(
                        "From 102,800 (2024/25 baseline) to 129,500 (2036/37 scenario): +26%.",
                        "Largest step up: Demographic growth (+24,100); largest step down: ACSC admission avoidance "
                                + "(\u22126,900)."),
                new KeyPointWriter().write(w));
    }

    @Test
    void stepsPrintedAlikeAreNamedTogetherAndALoneStepIsTheOnlyOne() {
        // £40 + £10 + £10 − £5 = £55: +38% (37.5 rounds up)
        Chart.Waterfall w = new Chart.Waterfall(
                "Spend",
                "",
                "\u00a3",
                "",
                "",
                List.of(
                        total("Now", 40),
                        change("Prices", 10, 40),
                        change("Volume", 10, 50),
                        change("Savings", -5, 60),
                        total("Then", 55)),
                new DataTable("t", List.of(), List.of()));
        assertEquals(
                List.of(
                        "From \u00a340 (Now) to \u00a355 (Then): +38%.",
                        "Largest step up: Prices and Volume (+\u00a310); only step down: Savings (\u2212\u00a35)."),
                new KeyPointWriter().write(w));
    }
}
