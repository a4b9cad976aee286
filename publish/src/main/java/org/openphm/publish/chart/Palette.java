package org.openphm.publish.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Colours shared by the print and browser renderers, so a Place is the same colour in the PDF and the
 * dashboard. A colour-blind-safe qualitative palette (Okabe–Ito) for focus series; comparators are neutral.
 */
public final class Palette {
    private Palette() {}

    static final String[] SERIES = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
    };
    static final String ENGLAND = "#222222";
    static final String PARENT = "#7f7f7f";
    /** Benchmarks (threshold, regional, national): muted, distinct from the focus palette and from each other. */
    static final String[] BENCHMARKS = {"#d9534f", "#8c564b", "#7f7f7f", "#bcbd22"};

    static final String MALE = "#0072B2";
    static final String FEMALE = "#CC79A7";
    /** Heat map from white to deep blue. */
    static final String HEAT_LOW = "#f7fbff";

    static final String HEAT_HIGH = "#08306b";
    static final String TARGET = "#d9534f";
    /** An SPC chart's line is the common-cause grey of its points (Making Data Count); mean solid, limits dashed. */
    static final String SPC_LINE = SpcPointType.COMMON_CAUSE.colour();

    static final String SPC_MEAN = "#000000";
    static final String SPC_LIMIT = "#7f7f7f";

    /**
     * Waterfall steps: increases and decreases in the colour-blind-safe blue and vermillion, not the significance
     * greens and reds (whether a rise is good depends on what is counted); totals neutral.
     */
    static final String STEP_UP = "#0072B2";

    static final String STEP_DOWN = "#D55E00";
    static final String STEP_TOTAL = "#7f7f7f";

    public static String series(int i) {
        return SERIES[i % SERIES.length];
    }

    /** @param index the series' position among those of its role (focus series, benchmarks) */
    static String colour(Chart.Series s, int index) {
        return switch (s.role()) {
            case ENGLAND -> ENGLAND;
            case PARENT -> PARENT;
            case BENCHMARK -> BENCHMARKS[index % BENCHMARKS.length];
            case FOCUS -> series(index);
        };
    }

    static String step(Chart.Step s) {
        return s.kind() == Chart.StepKind.TOTAL ? STEP_TOTAL : s.value() < 0 ? STEP_DOWN : STEP_UP;
    }

    /** A waterfall's legend, name → colour, for the step colours it uses: one order for print and browser. */
    static Map<String, String> stepLegend(List<Chart.Step> steps) {
        Set<String> used = steps.stream().map(Palette::step).collect(Collectors.toSet());
        Map<String, String> out = new LinkedHashMap<>();
        if (used.contains(STEP_UP)) {
            out.put("Increase", STEP_UP);
        }
        if (used.contains(STEP_DOWN)) {
            out.put("Decrease", STEP_DOWN);
        }
        if (used.contains(STEP_TOTAL)) {
            out.put("Total", STEP_TOTAL);
        }
        return out;
    }

    /**
     * The name drawn on a chart: an ICB's statutory name ("NHS Bedfordshire, Luton and Milton Keynes Integrated
     * Care Board") is too long for a reference line label, so it is drawn as "Bedfordshire, Luton and Milton
     * Keynes ICB". Tables and tooltips keep the full name.
     */
    static String shortAreaName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.startsWith("NHS ") ? name.substring(4) : name;
        return s.replace(" Integrated Care Board", " ICB");
    }

    static Color awt(String hex) {
        return Color.decode(hex);
    }

    /** Linear blend for the heat map scale. */
    static Color heat(double fraction) {
        Color a = awt(HEAT_LOW);
        Color b = awt(HEAT_HIGH);
        double f = Math.max(0, Math.min(1, fraction));
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
