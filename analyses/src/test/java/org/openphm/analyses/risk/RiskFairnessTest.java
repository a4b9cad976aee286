package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fairness audit on 40 people with hand-derived values (issue 11, item 5): 20 women, 8 admitted; 20 men,
 * 2 admitted; everybody predicted 10%. Exact Poisson 95% limits (chi-squared tables: 8 → 3.4538 to 15.7632,
 * 2 → 0.2422 to 7.2247) and Wilson 95% limits (6 of 8 → 0.4093 to 0.9285) worked by hand.
 */
class RiskFairnessTest {
    @Test
    void underPredictionIsFlaggedOnlyWhenItsIntervalExcludesParity() {
        int n = 40;
        double[] risk = new double[n];
        Arrays.fill(risk, 0.1);
        boolean[] admitted = new boolean[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            sex[i] = i < 20 ? "F" : "M";
            admitted[i] = i < 8 || (i >= 20 && i < 22);
        }
        String[] same = new String[n];
        Arrays.fill(same, "X");
        int[] age = new int[n];
        Arrays.fill(age, 50);
        RiskPeople data = new RiskPeople(RiskModel.VALIDATE, admitted, 0, same, same, sex, age, new double[n]);
        List<RiskFairness.Row> rows = RiskFairness.audit(data, risk);
        RiskFairness.Row women = rows.stream()
                .filter(r -> r.dimension().equals("Sex") && r.group().equals("F"))
                .findFirst()
                .orElseThrow();
        RiskFairness.Row men = rows.stream()
                .filter(r -> r.dimension().equals("Sex") && r.group().equals("M"))
                .findFirst()
                .orElseThrow();
        // women: 8 observed against 2.0 expected: O/E 4.0, 95% 3.4538/2 = 1.7269 to 15.7632/2 = 7.8816: flagged
        assertEquals(4.0, women.oe(), 1e-12);
        assertEquals(1.7269, women.oeLower(), 1e-4);
        assertEquals(7.8816, women.oeUpper(), 1e-4);
        assertTrue(women.oeFlag());
        // men: 2 against 2.0: O/E 1.0, 0.1211 to 3.6124: parity inside, not flagged
        assertEquals(1.0, men.oe(), 1e-12);
        assertEquals(0.1211, men.oeLower(), 1e-4);
        assertEquals(3.6124, men.oeUpper(), 1e-4);
        assertFalse(men.oeFlag());
        // the top 5% of 40 is 2 people; all tie, so the first two in person order (two admitted women):
        // women miss 6 of 8 (FNR 0.75, Wilson 0.4093 to 0.9285), everybody misses 8 of 10 (0.8): not flagged
        assertEquals(0.75, women.fnr(), 1e-12);
        assertEquals(0.4093, women.fnrLower(), 1e-4);
        assertEquals(0.9285, women.fnrUpper(), 1e-4);
        assertFalse(women.fnrFlag());
        assertEquals(1.0, women.shareOfList(), 1e-12);
        assertEquals(0.8, women.shareOfAdmissions(), 1e-12);
        // under 10 admissions in the group: no AUC rather than a meaningless one
        assertNull(women.auc());
        assertEquals(
                List.of("Ethnic group", "IMD quintile", "Sex", "Age band"),
                rows.stream().map(RiskFairness.Row::dimension).distinct().toList());
    }
}
