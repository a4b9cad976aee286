package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.Headlines;

/** The pack's opening summary, from the fixture's comparisons (worked out by hand in the comments). */
class HeadlinesTest {

    @Test
    void theCoverSummarisesTheIcbAgainstEnglandEachPlaceAgainstTheIcbAndSignificantTrends(@TempDir Path dir)
            throws Exception {
        List<String> lines = Headlines.of(ResultsDir.load(FixtureResults.write(dir)));
        assertEquals(
                List.of(
                        "Bedfordshire, Luton and Milton Keynes, latest period of each of 3 indicators: 3 can be compared with England:",
                        // CYP admissions 2023/24: 123 per 100,000 (308 of 250,000), Byar lower limit about 110 >
                        // England's 80
                        "Significantly worse than England (1): Hospital admissions for mental health conditions (<18).",
                        // diabetes 2024/25: 8.0% of 918,000, Wilson 95% about 7.94-8.06, above England's 7.9%
                        "Significantly higher than England (1): Diabetes: QOF prevalence (17+).",
                        // hypertension 2024/25: 13.4% against England's 15.0%
                        "Significantly lower than England (1): Hypertension: QOF prevalence (all ages).",
                        // against the ICB's 8.0% and 13.4%: Bedford 8.4% and 14.5% (n 153,000: both intervals above)
                        "Bedford against the ICB: significantly higher on 2 indicators.",
                        // Central Bedfordshire 6.8% (below), 14.3% (above)
                        "Central Bedfordshire against the ICB: significantly higher on 1 and lower on 1 indicators.",
                        // Luton 9.4% (above), 12.1% (below)
                        "Luton against the ICB: significantly higher on 1 and lower on 1 indicators.",
                        // Milton Keynes 7.8% (n 244,800, interval about 7.69-7.91) and 12.9%: both below
                        "Milton Keynes against the ICB: significantly lower on 2 indicators.",
                        // the fixture's diabetes recent trend is "Increasing"; hypertension "No significant change"
                        "Rising significantly in the ICB (Fingertips recent trend, 1): Diabetes: QOF prevalence (17+)."),
                lines);
    }
}
