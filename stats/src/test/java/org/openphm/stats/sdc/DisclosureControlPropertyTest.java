package org.openphm.stats.sdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random two-way tables with both margins and a grand total, and a random population denominator per
 * cell, no hidden count or denominator can be recovered as (group total − sum of the other published cells),
 * nor a hidden total as the sum of its published parts: in every row and column relation the number of hidden
 * members is never exactly one. The relations are rebuilt here from the table's shape, independently of
 * {@link Grouping}. Also checked: every 1-7 value is hidden, published values are multiples of 5 within 2 of
 * the truth, and derived values are shown exactly when count and denominator both are.
 */
class DisclosureControlPropertyTest {

    private static final int TABLES = 400;

    @Test
    void noHiddenValueCanBeRecoveredByDifferencing() {
        Random random = new Random(20261122L);
        int secondaryTotal = 0;
        for (int t = 0; t < TABLES; t++) {
            int rows = 2 + random.nextInt(5);
            int cols = 2 + random.nextInt(5);
            long[][] count = new long[rows + 1][cols + 1];
            long[][] denominator = new long[rows + 1][cols + 1];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    count[r][c] = smallishCount(random);
                    denominator[r][c] = count[r][c] + smallishCount(random) * (random.nextBoolean() ? 1 : 20);
                }
            }
            addMargins(count, rows, cols);
            addMargins(denominator, rows, cols);

            List<Cell> cells = new ArrayList<>();
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= cols; c++) {
                    cells.add(new Cell(
                            r + "," + c,
                            count[r][c],
                            denominator[r][c],
                            Map.of("row", r == rows ? "All" : "r" + r, "col", c == cols ? "All" : "c" + c)));
                }
            }
            List<ProtectedCell> out = DisclosureControl.apply(
                    cells, List.of(Grouping.margin("col", "All"), Grouping.margin("row", "All")));

            boolean[][] countHidden = new boolean[rows + 1][cols + 1];
            boolean[][] denominatorHidden = new boolean[rows + 1][cols + 1];
            for (int i = 0; i < out.size(); i++) {
                ProtectedCell p = out.get(i);
                int r = i / (cols + 1);
                int c = i % (cols + 1);
                countHidden[r][c] = p.suppressed();
                denominatorHidden[r][c] = p.denominatorProtection().hidden();
                checkCell(p, count[r][c], denominator[r][c]);
                secondaryTotal += p.reason() == Protection.SECONDARY ? 1 : 0;
            }
            checkNoSingleHidden(countHidden, rows, cols, "table " + t + " counts");
            checkNoSingleHidden(denominatorHidden, rows, cols, "table " + t + " denominators");
        }
        assertTrue(secondaryTotal > TABLES, "the random tables should exercise secondary suppression");
    }

    private static void checkCell(ProtectedCell p, long count, long denominator) {
        if (count >= 1 && count <= 7) {
            assertEquals(Protection.PRIMARY, p.reason(), p.cell().id());
        }
        if (!p.suppressed()) {
            assertEquals(0, p.publishedCount() % 5, p.cell().id());
            assertTrue(Math.abs(p.publishedCount() - count) <= 2, p.cell().id());
        }
        if (denominator >= 1 && denominator <= 7) {
            assertEquals(Protection.PRIMARY, p.denominatorProtection(), p.cell().id());
        }
        assertEquals(!p.suppressed() && !p.denominatorProtection().hidden(), p.derivedValuesPublishable());
    }

    /** Each row (with its total column) and each column (with its total row) is one additive relation. */
    private static void checkNoSingleHidden(boolean[][] hidden, int rows, int cols, String what) {
        for (int r = 0; r <= rows; r++) {
            int n = 0;
            for (int c = 0; c <= cols; c++) {
                n += hidden[r][c] ? 1 : 0;
            }
            assertNotEquals(1, n, what + ": row " + r + " has a single hidden cell, recoverable by differencing");
        }
        for (int c = 0; c <= cols; c++) {
            int n = 0;
            for (int r = 0; r <= rows; r++) {
                n += hidden[r][c] ? 1 : 0;
            }
            assertNotEquals(1, n, what + ": column " + c + " has a single hidden cell, recoverable by differencing");
        }
    }

    /** Mostly small counts (so primary suppression is common), sometimes zero, sometimes large. */
    private static long smallishCount(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return 0;
        }
        if (kind < 4) {
            return 1 + random.nextInt(7);
        }
        return 8 + random.nextInt(kind < 8 ? 30 : 500);
    }

    private static void addMargins(long[][] table, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                table[r][cols] += table[r][c];
                table[rows][c] += table[r][c];
                table[rows][cols] += table[r][c];
            }
        }
    }
}
