package org.openphm.synth.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.SyntheticIcbDefinition;

class PopulationFlowTest {

    /** The leaver and joiner counts are the integrals of a growing population's leaving and joining rates. */
    @Test
    void kindsPartitionTheIndices() {
        PopulationFlow f = new PopulationFlow(1_139_000);
        assertEquals(1_139_000, f.residents());
        assertEquals(f.total(), f.residents() + f.leavers() + f.joiners());
        assertEquals(PopulationFlow.Kind.RESIDENT, f.kindOf(1_138_999));
        assertEquals(PopulationFlow.Kind.LEAVER, f.kindOf(1_139_000));
        assertEquals(PopulationFlow.Kind.JOINER, f.kindOf(f.total() - 1));
        // deaths among the leavers of 2024/25 reproduce DP 4.5's 7,652 by construction of the rate
        double r = PopulationFlow.GROWTH;
        double deaths2024 = 1_139_000 * PopulationFlow.DEATH_RATE * (1 - Math.exp(-r)) / r;
        assertEquals(7_652, deaths2024, 0.5);
    }

    @Test
    void growthWeightedTimesStayInTheirInterval() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            double t = PopulationFlow.growthWeightedTime(rng.nextDouble(), -6, 0);
            assertTrue(t >= -6 && t < 0);
        }
        assertEquals(-6, PopulationFlow.growthWeightedTime(0, -6, 0), 1e-12);
    }

    @Test
    void geographyHasTheBlmkShape() {
        Geography g = Geography.of(SyntheticIcbDefinition.defaultIcb());
        assertEquals(94, g.practices().size());
        assertEquals(
                19,
                g.practices().stream()
                        .map(Geography.Practice::neighbourhoodCode)
                        .distinct()
                        .count());
        Map<String, Integer> count = new HashMap<>();
        g.practices().forEach(p -> count.merge(p.place().code(), 1, Integer::sum));
        assertEquals(4, count.size());
        // every PCN and neighbourhood lies in one Place
        assertTrue(g.practices().stream()
                .allMatch(p -> g.practices().stream()
                        .filter(q -> q.neighbourhoodCode().equals(p.neighbourhoodCode())
                                || q.pcnCode().equals(p.pcnCode()))
                        .allMatch(q -> q.place() == p.place())));
        assertTrue(g.lsoas().stream().allMatch(l -> l.code().matches("E01[0-9]{6}")));
        // Luton the most deprived Place (share of residents in IMD quintiles 1-2)
        double[] lutonDeciles = g.icb().place("E06000032").imdDeciles();
        double luton = lutonDeciles[0] + lutonDeciles[1] + lutonDeciles[2] + lutonDeciles[3];
        for (Place p : g.icb().places()) {
            double[] d = p.imdDeciles();
            double q12 = d[0] + d[1] + d[2] + d[3];
            assertTrue(q12 <= luton);
        }
    }
}
