package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.pack.Catalogue;

class IndicatorNumbersTest {
    private static List<String> catalogueSlugs() {
        List<String> slugs = new ArrayList<>();
        for (IndicatorSource source : Catalogue.indicatorSources()) {
            for (IndicatorSpec spec : source.indicators()) {
                slugs.add(spec.metadata().id());
            }
        }
        return slugs;
    }

    @Test
    void everyIndicatorInTheCatalogueHasANumber() {
        List<String> missing = catalogueSlugs().stream()
                .filter(s -> IndicatorNumbers.of(s).isEmpty())
                .toList();
        assertEquals(List.of(), missing, "add these to " + IndicatorNumbers.REGISTRY);
    }

    @Test
    void noTwoIndicatorsShareANumberAndNumbersAreOutsideOhidsRange() {
        Set<Integer> seen = new HashSet<>();
        for (var e : IndicatorNumbers.all().entrySet()) {
            assertTrue(seen.add(e.getValue()), "number " + e.getValue() + " used twice (" + e.getKey() + ")");
            assertTrue(e.getValue() > 900_000, e.getKey() + ": numbers start at 900001");
        }
        List<String> slugs = catalogueSlugs();
        assertEquals(slugs.size(), new HashSet<>(slugs).size(), "a slug appears twice in the catalogue");
    }

    @Test
    void aMissingIndicatorIsAnErrorNotAGuess() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> IndicatorNumbers.require("no-such-indicator"));
    }
}
