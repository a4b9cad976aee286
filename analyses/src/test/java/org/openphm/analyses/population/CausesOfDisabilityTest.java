package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;

/** DP 2.6: the published GBD 2021 East of England shares, as the data pack quotes them, plus the remainder. */
class CausesOfDisabilityTest {

    @Test
    void theQuotedSharesAndTheirRemainder() {
        AnalysisTable t = CausesOfDisability.shares();
        // DP 2.6: MSK 21%, mental 18%, neurological 9%, diabetes and kidney 7%, sensory 7%, injuries 6%
        assertEquals(List.of("Musculoskeletal disorders", 21.0, true), t.rows().get(0));
        assertEquals(List.of("Mental disorders", 18.0, true), t.rows().get(1));
        assertEquals(List.of("Unintentional injuries", 6.0, true), t.rows().get(5));
        double quoted = t.rows().stream()
                .filter(r -> (Boolean) r.get(2))
                .mapToDouble(r -> (Double) r.get(1))
                .sum();
        assertEquals(68.0, quoted, 1e-9);
        assertEquals(List.of("All other causes", 100.0 - 68.0, false), t.rows().get(6));
    }
}
