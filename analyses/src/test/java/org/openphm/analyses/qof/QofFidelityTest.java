package org.openphm.analyses.qof;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;

/**
 * DP 5 and DP 3.10 on the synthetic BLMK workspace: the QOF prevalence patterns the data pack states must be
 * found by the indicator framework (crude prevalence on each register's age base, 2023/24, the DP's latest
 * year), compared with the England comparator.
 */
class QofFidelityTest {

    static final String BEDFORD = "E06000055";
    static final String CENTRAL_BEDS = "E06000056";
    static final String LUTON = "E06000032";
    static final String MK = "E06000042";
    static final String YEAR = "2023/24";

    static Map<String, IndicatorRow> headline = new HashMap<>();
    static Map<String, Double> england = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        try (Engine engine = SyntheticBlmk.engine()) {
            Geography geography = Geography.load(engine);
            EnglandComparator comparator = EnglandComparator.load(engine);
            QofPrevalenceSource source = new QofPrevalenceSource();
            Map<CellKey, AgeBandCounts> cells = source.count(engine, FinancialYear.parse(YEAR));
            IndicatorCalculator calculator = new IndicatorCalculator(geography, comparator);
            for (IndicatorSpec spec : source.indicators()) {
                for (IndicatorRow r : calculator.rows(spec, cells)) {
                    if (r.isHeadline()) {
                        headline.put(r.indicatorId() + "|" + r.areaCode(), r);
                    }
                }
                comparator.get(spec.id(), YEAR).ifPresent(v -> england.put(spec.id(), v.value()));
            }
        }
    }

    static double value(String register, String area) {
        IndicatorRow r = headline.get("qof-prevalence-" + register.toLowerCase() + "|" + area);
        assertNotNull(r, "no " + register + " row for " + area);
        return r.value();
    }

    static double england(String register) {
        Double v = england.get("qof-prevalence-" + register.toLowerCase());
        assertNotNull(v, "no England comparator for " + register);
        return v;
    }

    @Test
    void dp5_9_diabetesHigherInLutonAndBedfordThanEngland() {
        assertTrue(value("DM", LUTON) > england("DM"), "Luton " + value("DM", LUTON) + " vs England " + england("DM"));
        assertTrue(
                value("DM", BEDFORD) > england("DM"),
                "Bedford " + value("DM", BEDFORD) + " vs England " + england("DM"));
    }

    @Test
    void dp5_afCkdCopdStrokePadLowerThanEnglandInEveryPlace() {
        for (String register : List.of("AF", "CKD", "COPD", "STIA", "PAD")) {
            for (String place : List.of(BEDFORD, CENTRAL_BEDS, LUTON, MK)) {
                assertTrue(
                        value(register, place) < england(register),
                        register + " in " + place + ": " + value(register, place) + " vs England " + england(register));
            }
        }
    }

    @Test
    void dp5_15_osteoporosisLowestInMiltonKeynes() {
        for (String place : List.of(BEDFORD, CENTRAL_BEDS, LUTON)) {
            assertTrue(
                    value("OST", MK) < value("OST", place),
                    "MK " + value("OST", MK) + " vs " + place + " " + value("OST", place));
        }
    }

    @Test
    void dp3_10_prevalenceGapsAgainstEngland() {
        // Cancer is lower too in DP 3.10, but DP 3.7 puts cancer at 4.1% of all patients while England's
        // published 2019/20 figure is 3.1%: the seeds conflict, the synthetic population follows DP 3.7, and
        // the cancer gap is listed as an unmet target rather than asserted.
        for (String lower : List.of("HYP", "CKD", "AF")) {
            assertTrue(value(lower, "QHG") < england(lower), "BLMK " + lower + " should be below England");
        }
        // NDH is higher too in the DP, but the project holds no published England NDH figure to compare with.
        for (String higher : List.of("DM")) {
            assertTrue(
                    value(higher, "QHG") > england(higher),
                    "BLMK " + higher + " should be above England: " + value(higher, "QHG") + " vs " + england(higher));
        }
    }

    @Test
    void dp5_1_lutonIsYoungerSoItsAgeStandardisedDementiaIsHigherThanItsCrude() {
        // "dementia in Luton is less common than in Central Beds, but this is probably at least in part
        // because the Luton population is younger overall" (DP 5.1): standardising must narrow the gap.
        double crudeGap = value("DEM", CENTRAL_BEDS) - value("DEM", LUTON);
        IndicatorRow lutonDsr = headline.get("qof-prevalence-dem-dsr|" + LUTON);
        IndicatorRow cbDsr = headline.get("qof-prevalence-dem-dsr|" + CENTRAL_BEDS);
        assertNotNull(lutonDsr);
        assertTrue(crudeGap > 0, "crude dementia lower in Luton than Central Beds");
        assertTrue(cbDsr.value() - lutonDsr.value() < crudeGap, "age-standardising narrows the Luton gap");
    }
}
