package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;
import org.openphm.model.Totals;
import org.openphm.stats.Comparison;
import org.openphm.stats.Confidence;
import org.openphm.stats.DirectStandardisation;
import org.openphm.stats.Estimate;
import org.openphm.stats.EuropeanStandardPopulation;
import org.openphm.stats.Proportions;
import org.openphm.stats.RecentTrend;
import org.openphm.stats.Significance;

/**
 * Turns counted cells into tidy indicator rows: value and 95% / 99.8% limits by the indicator's method,
 * significance against England and against the parent area (Fingertips: the comparator's value against the
 * area's confidence interval; for a breakdown category, compared_to_parent is against the area as a whole), and the recent trend over the last five periods (Fingertips' chi-square test
 * for trend). Statistics come from the stats module; this class only decides which numbers meet which method.
 */
public final class IndicatorCalculator {

    public static final String NOT_COMPARED = org.openphm.model.Comparison.NOT_COMPARED.label();

    private final Geography geography;
    private final EnglandComparator england;

    public IndicatorCalculator(Geography geography, EnglandComparator england) {
        this.geography = geography;
        this.england = england;
    }

    /** One estimate per confidence level. */
    record Estimates(Estimate ci95, Estimate ci998) {}

    public List<IndicatorRow> rows(IndicatorSpec spec, Map<CellKey, AgeBandCounts> cells) {
        return keyedRows(spec, cells).stream().map(Keyed::row).toList();
    }

    /** A row and the cell it was computed from. */
    public record Keyed(CellKey key, IndicatorRow row) {}

    /** {@link #rows}, each with its cell: disclosure control decides per cell. */
    public List<Keyed> keyedRows(IndicatorSpec spec, Map<CellKey, AgeBandCounts> cells) {
        Map<CellKey, Estimates> estimates = new HashMap<>();
        String baseId = baseId(spec);
        for (Map.Entry<CellKey, AgeBandCounts> e : cells.entrySet()) {
            if (!e.getKey().indicatorId().equals(baseId) || !computable(spec, e.getKey())) {
                continue;
            }
            estimates.put(e.getKey(), estimate(spec, e.getValue()));
        }
        List<Keyed> rows = new ArrayList<>();
        estimates.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<CellKey, Estimates> e) -> e.getKey().areaType())
                        .thenComparing(e -> e.getKey().areaCode())
                        .thenComparing(e -> e.getKey().breakdown())
                        .thenComparing(e -> String.valueOf(e.getKey().category()))
                        .thenComparing(e -> e.getKey().period()))
                .forEach(e -> rows.add(
                        new Keyed(e.getKey(), row(spec, e.getKey(), cells.get(e.getKey()), e.getValue(), estimates))));
        return rows;
    }

    /**
     * England's rows, for the indicators and periods the england_comparator table holds a value for: published
     * beside the local rows so that charts draw England as a comparator line. They are reference figures, not
     * computed here, so they carry no counts or limits and never pass through disclosure control.
     */
    public List<IndicatorRow> englandRows(List<IndicatorRow> rows) {
        Geography.Area eng = geography.area(Geography.ENGLAND_CODE);
        List<IndicatorRow> out = new ArrayList<>();
        // one England row beside each ICB headline row whose indicator and period England has a value for
        for (IndicatorRow icb : rows) {
            if (!icb.isHeadline() || !AreaType.ICB.label().equals(icb.areaType())) {
                continue;
            }
            england.published(icb.indicatorId(), icb.period())
                    .ifPresent(v -> out.add(new IndicatorRow(
                            icb.indicatorId(),
                            icb.indicatorName(),
                            icb.section(),
                            eng.code(),
                            eng.name(),
                            AreaType.ENGLAND.label(),
                            null,
                            icb.period(),
                            icb.sex(),
                            icb.age(),
                            icb.categoryType(),
                            null,
                            null,
                            null,
                            v.value(),
                            null,
                            null,
                            null,
                            null,
                            NOT_COMPARED,
                            NOT_COMPARED,
                            null,
                            "England value from reference data, not computed" + " here: " + v.source()
                                    + (v.synthetic() ? " (synthetic)" : ""),
                            NOT_COMPARED,
                            NOT_COMPARED)));
        }
        return out;
    }

    /** DSR indicators share the cells of their crude twin. */
    public static String baseId(IndicatorSpec spec) {
        return spec.standardised() ? spec.id().replaceFirst("-dsr$", "") : spec.id();
    }

    /** DSRs need every band populated: computed down to neighbourhoods, and not by age band. */
    private static boolean computable(IndicatorSpec spec, CellKey key) {
        if (!spec.standardised()) {
            return true;
        }
        return key.breakdown() != Breakdown.AGE_BAND
                && (key.areaType() == AreaType.ENGLAND
                        || key.areaType() == AreaType.REGION
                        || key.areaType() == AreaType.ICB
                        || key.areaType() == AreaType.PLACE
                        || key.areaType() == AreaType.NEIGHBOURHOOD);
    }

    Estimates estimate(IndicatorSpec spec, AgeBandCounts counts) {
        return new Estimates(estimate(spec, counts, Confidence.P95), estimate(spec, counts, Confidence.P998));
    }

    private Estimate estimate(IndicatorSpec spec, AgeBandCounts counts, double confidence) {
        double multiplier = spec.metadata().multiplier();
        if (spec.metadata().method() != ValueMethod.DSR && counts.denominator() <= 0) {
            // Events counted where nobody is in the denominator (a small area's admissions in a year its practice
            // list had no one of that group): no rate, rather than the statistics' refusal of a zero denominator.
            return Estimate.missing(confidence, "", "no denominator: nobody of this area and group in the period");
        }
        return switch (spec.metadata().method()) {
            case PROPORTION -> Proportions.proportion(counts.numerator(), counts.denominator(), multiplier, confidence);
            case DSR -> dsr(spec, counts, multiplier, confidence);
            case CRUDE_RATE ->
                org.openphm.stats.Rates.crude(counts.numerator(), counts.denominator(), multiplier, confidence);
        };
    }

    /** DSR over the ESP2013 bands from the indicator's youngest age up (weights of younger bands dropped). */
    private static Estimate dsr(IndicatorSpec spec, AgeBandCounts counts, double multiplier, double confidence) {
        double[] num = counts.numerators();
        double[] den = counts.denominators();
        double[] weights = EuropeanStandardPopulation.weights();
        List<DirectStandardisation.Band> bands = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (RegisteredPopulation.ESP_BAND_STARTS.get(i) + 4 < spec.minAge()
                    || RegisteredPopulation.ESP_BAND_STARTS.get(i) > spec.maxAge()) {
                continue;
            }
            if (den[i] <= 0) {
                return Estimate.missing(
                        confidence,
                        DirectStandardisation.METHOD,
                        "no population in age band " + i + ": a DSR needs every band");
            }
            bands.add(new DirectStandardisation.Band(num[i], den[i], weights[i]));
        }
        return DirectStandardisation.dsr(bands, multiplier, confidence).estimate();
    }

    private IndicatorRow row(
            IndicatorSpec spec, CellKey key, AgeBandCounts counts, Estimates est, Map<CellKey, Estimates> all) {
        IndicatorMetadata m = spec.metadata();
        Geography.Area area = geography.area(key.areaCode());
        String vsEngland = NOT_COMPARED;
        String vsEngland998 = NOT_COMPARED;
        // England computed from its ICBs (phm build-england) is the comparator, never compared with itself
        Optional<EnglandComparator.Value> eng = key.breakdown() == Breakdown.NONE && area.type() != AreaType.ENGLAND
                ? england.published(m.id(), key.period())
                : Optional.empty();
        if (eng.isPresent()) {
            vsEngland = label(m, Comparison.benchmarkValue(est.ci95(), eng.get().value()));
            vsEngland998 =
                    label(m, Comparison.benchmarkValue(est.ci998(), eng.get().value()));
        }
        String vsParent = NOT_COMPARED;
        String vsParent998 = NOT_COMPARED;
        if (key.breakdown() != Breakdown.NONE) {
            // As Fingertips' inequality breakdowns: a sex, age, ethnic or deprivation group is compared with its
            // own area as a whole (the headline value), which is the question "is this group different here?".
            Estimates whole = all.get(
                    new CellKey(key.indicatorId(), key.areaCode(), key.areaType(), key.period(), Breakdown.NONE, null));
            if (whole != null && whole.ci95().hasValue()) {
                vsParent = label(
                        m, Comparison.benchmarkValue(est.ci95(), whole.ci95().value()));
                vsParent998 = label(
                        m, Comparison.benchmarkValue(est.ci998(), whole.ci95().value()));
            }
        } else if (area.type() == AreaType.ENGLAND) {
            // the widest area has no parent to be compared with
        } else if (Geography.ENGLAND_CODE.equals(area.parentCode())) {
            // an ICB built alone, or a region: the parent is England, the comparator
            vsParent = vsEngland;
            vsParent998 = vsEngland998;
        } else {
            // the parent as the geography has it: a Place's ICB, or an ICB's region when built with England
            Estimates parent = all.get(new CellKey(
                    key.indicatorId(),
                    area.parentCode(),
                    geography
                            .find(area.parentCode())
                            .map(Geography.Area::type)
                            .orElse(area.type().parent()),
                    key.period(),
                    key.breakdown(),
                    key.category()));
            if (parent != null && parent.ci95().hasValue()) {
                vsParent = label(
                        m, Comparison.benchmarkValue(est.ci95(), parent.ci95().value()));
                vsParent998 = label(
                        m, Comparison.benchmarkValue(est.ci998(), parent.ci95().value()));
            }
        }
        String note = est.ci95().note();
        if (key.breakdown() == Breakdown.NONE
                && eng.isEmpty()
                && england.get(m.id(), key.period())
                        .filter(EnglandComparator.Value::synthetic)
                        .isPresent()) {
            note = join(note, "not compared with England: England's value for this period is not a published figure");
        }
        return new IndicatorRow(
                m.id(),
                m.name(),
                m.section(),
                area.code(),
                area.name(),
                area.type().label(),
                area.parentCode(),
                key.period(),
                sexLabel(key),
                ageLabel(spec, key),
                key.breakdown().categoryType(),
                categoryLabel(key),
                counts.numerator(),
                counts.denominator(),
                nan(est.ci95().value()),
                nan(est.ci95().lower()),
                nan(est.ci95().upper()),
                nan(est.ci998().lower()),
                nan(est.ci998().upper()),
                vsEngland,
                vsParent,
                trend(spec, key, all),
                note,
                vsEngland998,
                vsParent998);
    }

    /** Fingertips recent trend: the chi-square test over this period and the four before it. */
    private String trend(IndicatorSpec spec, CellKey key, Map<CellKey, Estimates> all) {
        FinancialYear year = FinancialYear.parse(key.period());
        List<RecentTrend.Point> points = new ArrayList<>();
        for (int back = RecentTrend.POINTS - 1; back >= 0; back--) {
            FinancialYear y = new FinancialYear(year.startYear() - back);
            Estimates e = all.get(new CellKey(
                    key.indicatorId(), key.areaCode(), key.areaType(), y.label(), key.breakdown(), key.category()));
            if (e == null || !e.ci95().hasValue()) {
                continue;
            }
            points.add(RecentTrend.Point.withInterval(
                    y.startYear(), e.ci95().value(), e.ci95().lower(), e.ci95().upper()));
        }
        RecentTrend.Result r = RecentTrend.fromIntervals(points);
        return switch (r.direction()) {
            case INCREASING -> "Increasing";
            case DECREASING -> "Decreasing";
            case NO_SIGNIFICANT_CHANGE -> "No significant change";
            case CANNOT_BE_CALCULATED -> "Could not be calculated";
        };
    }

    static String label(IndicatorMetadata m, Significance s) {
        return m.polarity().assess(s).label();
    }

    private static String sexLabel(CellKey key) {
        if (key.breakdown() != Breakdown.SEX) {
            return Totals.PERSONS;
        }
        return switch (key.category()) {
            case "F" -> "Female";
            case "M" -> "Male";
            default -> "Unknown";
        };
    }

    private static String ageLabel(IndicatorSpec spec, CellKey key) {
        if (key.breakdown() == Breakdown.AGE_BAND) {
            return key.category();
        }
        return ageRange(spec.minAge(), spec.maxAge());
    }

    /** Fingertips' age labels: "All ages", "17+ yrs", "10-24 yrs". */
    static String ageRange(int minAge, int maxAge) {
        if (maxAge != Integer.MAX_VALUE) {
            return minAge + "-" + maxAge + " yrs";
        }
        return minAge == 0 ? Totals.ALL_AGES : minAge + "+ yrs";
    }

    private static String categoryLabel(CellKey key) {
        return switch (key.breakdown()) {
            case NONE -> "";
            case SEX -> sexLabel(key);
            case DEPRIVATION_QUINTILE -> quintileLabel(key.category());
            default -> key.category();
        };
    }

    /** Fingertips words deprivation quintiles this way; 1 is the most deprived fifth of England. */
    static String quintileLabel(String q) {
        return switch (q) {
            case "1" -> "Most deprived quintile (IMD2019)";
            case "2" -> "Second most deprived quintile (IMD2019)";
            case "3" -> "Third more deprived quintile (IMD2019)";
            case "4" -> "Second least deprived quintile (IMD2019)";
            case "5" -> "Least deprived quintile (IMD2019)";
            default -> "Deprivation not known";
        };
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
