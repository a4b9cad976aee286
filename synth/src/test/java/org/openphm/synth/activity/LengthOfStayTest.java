package org.openphm.synth.activity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openphm.model.FinancialYear;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/** Stays follow DP 8.14 (elective) and DP 8.15 (non-elective) by treatment function, site and year. */
class LengthOfStayTest {

    private static final SyntheticIcbDefinition ICB = SyntheticIcbDefinition.defaultIcb();
    private final LengthOfStay stays = new LengthOfStay(ICB.sites());

    /** A site of the default ICB by its key: its site code, or an out-of-area trust's code. */
    private static Site site(String key) {
        return ICB.sites().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void tableMeansAreTheDataPacksByYear() {
        // DP 8.15: non-elective elderly medicine at MK 20.9 (2023/24) -> 21.56 (2024/25)
        assertEquals(20.9, stays.mean("emergency", "430", site("RD816"), new FinancialYear(2023)));
        assertEquals(21.56, stays.mean("emergency", "430", site("RD816"), new FinancialYear(2024)));
        // earlier years carry 2023/24, the last year 2024/25
        assertEquals(20.9, stays.mean("emergency", "430", site("RD816"), new FinancialYear(2019)));
        assertEquals(21.56, stays.mean("emergency", "430", site("RD816"), new FinancialYear(2025)));
        // DP 8.14: elective general internal medicine at MK 10 -> 21.5
        assertEquals(21.5, stays.mean("elective", "300", site("RD816"), new FinancialYear(2024)));
    }

    @Test
    void outOfAreaSitesUseTheMeanOfTheLocalSites() {
        // DP 8.15 2024/25 general surgery: BH 4.47, L&D 4.33, MK 5.17
        assertEquals(
                (4.47 + 4.33 + 5.17) / 3, stays.mean("emergency", "100", site("RTH"), new FinancialYear(2024)), 1e-9);
    }

    @Test
    void anotherIcbsSitesUseTheMeanOfEveryTableSite() {
        // the second synthetic ICB's sites are not in the DP's table: DP 8.15 2024/25 general surgery, mean of the
        // three sites it has (BH 4.47, L&D 4.33, MK 5.17); a function no site has falls to the assumed default
        SyntheticIcbDefinition northmoor = SyntheticIcbDefinition.load("northmoor");
        LengthOfStay other = new LengthOfStay(northmoor.sites());
        for (Site s : northmoor.sites()) {
            assertEquals((4.47 + 4.33 + 5.17) / 3, other.mean("emergency", "100", s, new FinancialYear(2024)), 1e-9);
            assertEquals(6.0, other.mean("emergency", "711", s, new FinancialYear(2024)));
        }
    }

    @Test
    void drawnStaysHaveTheTableMeanAndSomeZeroDayStays() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 200_000, zero = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int d = LengthOfStay.draw(rng, 21.56, LengthOfStay.EMERGENCY_SHAPE);
            assertTrue(d >= 0);
            sum += d;
            zero += d == 0 ? 1 : 0;
        }
        assertEquals(21.56, sum / n, 0.2);
        assertTrue(zero > 0);
        double elective = 0;
        int dayCases = 0;
        for (int i = 0; i < n; i++) {
            int d = LengthOfStay.draw(rng, 1.41, LengthOfStay.ELECTIVE_SHAPE);
            elective += d;
            dayCases += d == 0 ? 1 : 0;
        }
        assertEquals(1.41, elective / n, 0.02);
        assertTrue(dayCases > n / 3, "most electives are day cases");
    }
}
