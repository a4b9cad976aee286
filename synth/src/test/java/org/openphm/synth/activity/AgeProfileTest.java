package org.openphm.synth.activity;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Service age profiles are fitted so that 2023/24 age/sex rates applied to the projected population give the
 * data pack's growth (DP 4.7, 4.9: the expected values are the DP's published percentages).
 */
class AgeProfileTest {

    private final ReferencePopulation reference = new ReferencePopulation();

    @Test
    void districtNursingProfileReproducesDp47GrowthWithinThreePoints() {
        // DP 4.7: District Nursing Service 34,297 -> 44,606 (+30%) -> 58,009 (+69%)
        AgeProfile p = AgeProfile.fit(reference, 18, 120, 1.1, false, 0.30, 0.69);
        assertEquals(0.30, p.growth(reference, 1.1, false, ProjectionGrowth.TO_2033_34), 0.03);
        assertEquals(0.69, p.growth(reference, 1.1, false, ProjectionGrowth.TO_2043_44), 0.03);
        assertTrue(p.rate(85) > 5 * p.rate(40), "district nursing is used mostly by the old");
    }

    @Test
    void musculoskeletalProfileIsFlatterThanCrisisResponse() {
        // DP 4.7: MSK +13% / +27%; Crisis Response Intermediate Care +34% / +77%
        AgeProfile msk = AgeProfile.fit(reference, 18, 120, 1.25, false, 0.13, 0.27);
        AgeProfile crisis = AgeProfile.fit(reference, 18, 120, 1.1, false, 0.34, 0.77);
        assertEquals(0.13, msk.growth(reference, 1.25, false, ProjectionGrowth.TO_2033_34), 0.03);
        assertEquals(0.27, msk.growth(reference, 1.25, false, ProjectionGrowth.TO_2043_44), 0.03);
        assertEquals(0.34, crisis.growth(reference, 1.1, false, ProjectionGrowth.TO_2033_34), 0.03);
        assertEquals(0.77, crisis.growth(reference, 1.1, false, ProjectionGrowth.TO_2043_44), 0.03);
        assertTrue(crisis.rate(85) / crisis.rate(40) > msk.rate(85) / msk.rate(40));
    }

    @Test
    void memoryServicesFitDp49AndServeNoOneUnderTheirMinimumAge() {
        // DP 4.9: Memory Services/Clinic/Drop in service 5,337 -> +40% -> +82%
        AgeProfile p = AgeProfile.fit(reference, 50, 120, 1.2, false, 0.40, 0.82);
        assertEquals(0.40, p.growth(reference, 1.2, false, ProjectionGrowth.TO_2033_34), 0.03);
        assertEquals(0.82, p.growth(reference, 1.2, false, ProjectionGrowth.TO_2043_44), 0.03);
        assertEquals(0, p.rate(49));
    }

    @Test
    void projectionGrowthMatchesTheDpHeadlines() {
        // DP 2.2: 1.382m in 2043 from 1.139m in 2025 (+21%); 65+ +53%; 80+ nearly doubles
        double now = 0, then = 0, old = 0, oldThen = 0, oldest = 0, oldestThen = 0;
        for (int a = 0; a <= ReferencePopulation.MAX_AGE; a++) {
            double n = reference.persons(true, a) + reference.persons(false, a);
            double g = ProjectionGrowth.TO_2043_44[ProjectionGrowth.band(a)];
            now += n;
            then += n * g;
            if (a >= 65) {
                old += n;
                oldThen += n * g;
            }
            if (a >= 80) {
                oldest += n;
                oldestThen += n * g;
            }
        }
        // growth is from 2023/24, about 2% before the DP's 2025 base
        assertEquals(1.21 * 1.02, then / now, 0.03);
        assertEquals(1.53 * 1.03, oldThen / old, 0.06);
        assertEquals(2.0, oldestThen / oldest, 0.15);
    }
}
