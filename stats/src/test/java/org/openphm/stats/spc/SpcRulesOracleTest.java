package org.openphm.stats.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule helpers against NHSRplotthedots' own test vectors (spc/spc_rules.csv, all 44 cases
 * test-asserted): tests/testthat/test-ptd_calculate_point_type.R and test-ptd_calculate_assurance_type.R at
 * commit 050b07d7 (v0.2.2). Each case names its R function; the Java helper with the same job is called.
 */
class SpcRulesOracleTest {

    static Stream<Arguments> cases() {
        return OracleCsv.read("/spc/spc_rules.csv").stream().map(row -> Arguments.of(row.get("case_id"), row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesNhsrPlotTheDots(String caseId, Map<String, String> row) {
        String function = row.get("rule_function");
        String in1 = row.get("input_1");
        String in2 = row.get("input_2");
        String expected = row.get("expected_output");
        switch (function) {
            case "ptd_seven_point_one_side_mean" ->
                assertEquals(expected, flags(RunRules.shiftEnds(ints(in1), 7)), row.get("source_ref"));
            case "ptd_part_of_seven_trend" ->
                assertEquals(expected, flags(RunRules.spreadBack(ints(in1), 7)), row.get("source_ref"));
            case "ptd_seven_point_trend" ->
                assertEquals(expected, join(RunRules.trendEnds(doubles(in1), 7)), row.get("source_ref"));
            case "ptd_two_in_three" ->
                assertEquals(expected, flags(RunRules.twoOfThreeWindows(bools(in1), ints(in2))), row.get("source_ref"));
            case "ptd_part_of_two_in_three(ptd_two_in_three(close, rtm), close)" ->
                assertEquals(expected, flags(RunRules.twoOfThree(bools(in1), ints(in2))), row.get("source_ref"));
            case "ptd_calculate_assurance_type" -> assertEquals(expected, assurance(in1, in2));
            default -> throw new AssertionError("unknown rule function " + function);
        }
    }

    /** NHSRplotthedots compares strictly: the oracle is run with targetOnLimitIsConsistent = false. */
    private static String assurance(String limits, String direction) {
        Map<String, Double> v = new HashMap<>();
        for (String kv : limits.split(";")) {
            String[] p = kv.split("=");
            v.put(p[0], Double.parseDouble(p[1]));
        }
        AssuranceIcon icon = AssuranceIcon.judge(
                OracleCsv.direction(direction.split("=")[1]), v.get("target"), v.get("lpl"), v.get("upl"), false);
        return switch (icon) {
            case CONSISTENTLY_PASS -> "consistent_pass";
            case CONSISTENTLY_FAIL -> "consistent_fail";
            case INCONSISTENT -> "inconsistent";
            case NONE -> "NA";
        };
    }

    private static int[] ints(String list) {
        return list.isEmpty()
                ? new int[0]
                : Stream.of(list.split(";")).mapToInt(Integer::parseInt).toArray();
    }

    private static boolean[] bools(String list) {
        int[] v = ints(list);
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] != 0;
        }
        return b;
    }

    private static double[] doubles(String list) {
        List<Double> v = OracleCsv.doubles(list);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String flags(boolean[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            s.append(i == 0 ? "" : ";").append(b[i] ? 1 : 0);
        }
        return s.toString();
    }

    private static String join(int[] v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ";").append(v[i]);
        }
        return s.toString();
    }

    @org.junit.jupiter.api.Test
    void allFortyFourPublishedCasesAreCovered() {
        assertEquals(44, OracleCsv.read("/spc/spc_rules.csv").size());
    }
}
