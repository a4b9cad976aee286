package org.openphm.stats.sdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-worked tables: every expected value is derived in the comments. Rule: 1-7 suppressed, nearest 5. */
class DisclosureControlTest {

    private static final String[] AREAS = {"Luton", "Bedford", "MK", "BLMK"};
    private static final String[] GROUPS = {"Asian", "Black", "White", "All"};

    /**
     * <pre>
     *              Asian  Black  White |  All
     *   Luton        40      5    120  |  165
     *   Bedford      30     12    200  |  242
     *   MK           25     20    150  |  195
     *   BLMK         95     37    470  |  602
     * </pre>
     * Primary: Luton-Black (5). Groupings are rows (breakdown margin "All") then columns (area margin "BLMK").
     * Pass 1: row Luton has one hidden cell, the smallest other is Asian 40 -> hidden; column Asian now has one
     * (Luton 40), smallest other MK 25 -> hidden; column Black has one (Luton 5), smallest other Bedford 12 ->
     * hidden. Pass 2: row Bedford has one (Black 12), smallest other Asian 30 -> hidden; row MK has one (Asian
     * 25), smallest other Black 20 -> hidden. Pass 3: every row and column has 0, 2 or 3 hidden cells: stable.
     * The rest are rounded: 242 -> 240, 37 -> 35, 602 -> 600, others already multiples of 5.
     */
    @Test
    void twoWayTableWithMargins() {
        long[][] counts = {{40, 5, 120, 165}, {30, 12, 200, 242}, {25, 20, 150, 195}, {95, 37, 470, 602}};
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int g = 0; g < 4; g++) {
                cells.add(new Cell(
                        AREAS[a] + "-" + GROUPS[g],
                        counts[a][g],
                        null,
                        Map.of("indicator", "DP 5.1", "area", AREAS[a], "breakdown", GROUPS[g])));
            }
        }
        Map<String, ProtectedCell> out = byId(DisclosureControl.apply(
                cells, List.of(Grouping.margin("breakdown", "All"), Grouping.margin("area", "BLMK"))));

        assertEquals(Protection.PRIMARY, out.get("Luton-Black").reason());
        for (String id : List.of("Luton-Asian", "MK-Asian", "Bedford-Black", "Bedford-Asian", "MK-Black")) {
            assertEquals(Protection.SECONDARY, out.get(id).reason(), id);
            assertNull(out.get(id).publishedCount(), id);
        }
        Map<String, Long> published = new LinkedHashMap<>();
        out.forEach((id, p) -> {
            if (!p.suppressed()) {
                published.put(id, p.publishedCount());
            }
        });
        assertEquals(
                Map.of(
                        "Luton-White",
                        120L,
                        "Luton-All",
                        165L,
                        "Bedford-White",
                        200L,
                        "Bedford-All",
                        240L,
                        "MK-White",
                        150L,
                        "MK-All",
                        195L,
                        "BLMK-Asian",
                        95L,
                        "BLMK-Black",
                        35L,
                        "BLMK-White",
                        470L,
                        "BLMK-All",
                        600L),
                published);
    }

    /**
     * Rates by Place with an ICB total, each with a population denominator:
     * Luton 12/6 (denominator 6 is small), Bedford 30/400, MK 50/500, BLMK 92/906.
     * Counts: nothing is 1-7, all published rounded (10, 30, 50, 90). Denominators: 6 is primary; the area
     * relation then has one hidden denominator, so the smallest other (400) is hidden too. Derived values
     * (rates, CIs) are withheld for Luton and Bedford, whose denominators are hidden, and shown for MK and BLMK.
     */
    @Test
    void smallDenominatorsAreProtectedAndWithholdDerivedValues() {
        List<Cell> cells = List.of(
                new Cell("Luton", 12, 6L, Map.of("area", "Luton")),
                new Cell("Bedford", 30, 400L, Map.of("area", "Bedford")),
                new Cell("MK", 50, 500L, Map.of("area", "MK")),
                new Cell("BLMK", 92, 906L, Map.of("area", "BLMK")));
        Map<String, ProtectedCell> out =
                byId(DisclosureControl.apply(cells, List.of(Grouping.of("area", "BLMK", "Luton", "Bedford", "MK"))));

        assertEquals(10L, out.get("Luton").publishedCount());
        assertEquals(Protection.PRIMARY, out.get("Luton").denominatorProtection());
        assertEquals(Protection.SECONDARY, out.get("Bedford").denominatorProtection());
        assertEquals(500L, out.get("MK").publishedDenominator());
        assertEquals(905L, out.get("BLMK").publishedDenominator());
        assertFalse(out.get("Luton").derivedValuesPublishable());
        assertFalse(out.get("Bedford").derivedValuesPublishable());
        assertTrue(out.get("MK").derivedValuesPublishable());
        assertTrue(out.get("BLMK").derivedValuesPublishable());
    }

    /**
     * A geography hierarchy: BLMK = Luton + Bedford; Luton = Luton North + Luton South. Luton North is 3
     * (primary). In the Luton relation the smallest other member is Luton South 40 -> hidden; the BLMK relation
     * does not contain the neighbourhoods, so nothing else is needed. A neighbourhood-level zero is published
     * and never chosen as a complement while a non-zero cell is available.
     */
    /**
     * A total hidden in another table published beside this one (an area's headline, hidden beside its age bands)
     * starts hidden here: with both its parts published it would be their sum. The smaller part is hidden with it,
     * and a denominator hidden elsewhere likewise.
     */
    @Test
    void aCellHiddenInAnotherTableStartsHidden() {
        List<Cell> cells = List.of(
                new Cell("All", 20, 900L, Map.of("sex", "All")),
                new Cell("Female", 12, 500L, Map.of("sex", "Female")),
                new Cell("Male", 8, 400L, Map.of("sex", "Male")));
        List<Grouping> margin = List.of(Grouping.margin("sex", "All"));
        Map<String, ProtectedCell> alone = byId(DisclosureControl.apply(cells, margin));
        assertTrue(alone.values().stream().noneMatch(ProtectedCell::suppressed), "nothing small: all published");

        Map<String, ProtectedCell> out =
                byId(DisclosureControl.apply(cells, margin, DisclosureRule.nhsDefault(), Set.of("All"), Set.of("All")));
        assertEquals(Protection.SECONDARY, out.get("All").countProtection());
        assertEquals(Protection.SECONDARY, out.get("Male").countProtection(), "8 < 12: the smaller part");
        assertEquals(Protection.ROUNDED, out.get("Female").countProtection());
        assertEquals(Protection.SECONDARY, out.get("All").denominatorProtection());
        assertEquals(Protection.SECONDARY, out.get("Male").denominatorProtection(), "400 < 500");
        assertEquals(10L, out.get("Female").publishedCount());
    }

    @Test
    void hierarchyLevelsAreSeparateGroupings() {
        List<Cell> cells = List.of(
                new Cell("BLMK", 143, null, Map.of("area", "BLMK")),
                new Cell("Luton", 43, null, Map.of("area", "Luton")),
                new Cell("Bedford", 100, null, Map.of("area", "Bedford")),
                new Cell("Luton North", 3, null, Map.of("area", "Luton North")),
                new Cell("Luton South", 40, null, Map.of("area", "Luton South")),
                new Cell("Luton East", 0, null, Map.of("area", "Luton East")));
        Map<String, ProtectedCell> out = byId(DisclosureControl.apply(
                cells,
                List.of(
                        Grouping.of("area", "BLMK", "Luton", "Bedford"),
                        Grouping.of("area", "Luton", "Luton North", "Luton South", "Luton East"))));

        assertEquals(Protection.PRIMARY, out.get("Luton North").reason());
        assertEquals(Protection.SECONDARY, out.get("Luton South").reason());
        assertEquals(0L, out.get("Luton East").publishedCount());
        assertEquals(45L, out.get("Luton").publishedCount());
        assertEquals(145L, out.get("BLMK").publishedCount());
        assertEquals(100L, out.get("Bedford").publishedCount());
    }

    @Test
    void rejectsDuplicateIdsAndTwoTotals() {
        Cell a = new Cell("x", 10, null, Map.of("area", "A"));
        assertThrows(IllegalArgumentException.class, () -> DisclosureControl.apply(List.of(a, a), List.of()));
        List<Cell> twoTotals = List.of(
                new Cell("t1", 10, null, Map.of("area", "T")),
                new Cell("t2", 10, null, Map.of("area", "T")),
                new Cell("p", 10, null, Map.of("area", "P")));
        assertThrows(
                IllegalArgumentException.class,
                () -> DisclosureControl.apply(twoTotals, List.of(Grouping.margin("area", "T"))));
    }

    static Map<String, ProtectedCell> byId(List<ProtectedCell> cells) {
        return cells.stream().collect(Collectors.toMap(p -> p.cell().id(), p -> p, (x, y) -> x, LinkedHashMap::new));
    }
}
