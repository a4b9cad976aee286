package org.openphm.publish.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results column's name as a printed table's header: {@code spend_gbp} → "Spend (£)",
 * {@code change_pct_2033_34} → "Change to 2033/34 (%)", {@code lower_ci95} → "Lower 95% CI". The results
 * files keep the machine names (analysts join on them); a commissioner reading the PDF should not have to
 * decode them. The unit suffixes are the project's column naming convention (see analyses' AnalysisTable).
 */
public final class ColumnLabel {
    private ColumnLabel() {}

    /** A unit suffix and how it is printed after the label. */
    private static final Map<String, String> UNITS = Map.of(
            "gbp",
            "(\u00a3)",
            "pct",
            "(%)",
            "pp",
            "(percentage points)",
            "wte",
            "(WTE)",
            "fte",
            "(FTE)",
            "days",
            "(days)",
            "weeks",
            "(weeks)");

    /** Abbreviations printed as a reader knows them. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("dsr", "DSR"),
            Map.entry("sii", "SII"),
            Map.entry("acsc", "ACSC"),
            Map.entry("yld", "YLD"),
            Map.entry("imd", "IMD"),
            Map.entry("spc", "SPC"),
            Map.entry("ytd", "year to date"),
            Map.entry("ld", "LD"),
            Map.entry("smi", "SMI"),
            Map.entry("ci95", "95% CI"),
            Map.entry("ci998", "99.8% CI"),
            Map.entry("95", "95% limit"),
            Map.entry("pct", "%"),
            Map.entry("gbp", "\u00a3"),
            Map.entry("wte", "WTE"),
            Map.entry("fte", "FTE"),
            Map.entry("dft", "DFT"),
            Map.entry("cqc", "CQC"),
            Map.entry("org", "organisation"),
            Map.entry("pod", "point of delivery"),
            Map.entry("mh", "mental health"),
            Map.entry("28d", "28 days"),
            Map.entry("icb", "ICB"),
            Map.entry("gp", "GP"),
            Map.entry("nhs", "NHS"));

    /** A financial year written as two numbers: 2033_34 → 2033/34. */
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})_(\\d{2})");

    /** The label in a sentence: "share of YLD" for {@code share_of_yld_pct} (the unit goes with the figure). */
    public static String inSentence(String column) {
        String label = of(column).replaceAll(" \\([^)]*\\)$", "");
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        return acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    public static String of(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        String year = null;
        Matcher fy = FINANCIAL_YEAR.matcher(name);
        if (fy.find()) {
            year = fy.group(1) + "/" + fy.group(2);
            name = (name.substring(0, fy.start()) + name.substring(fy.end()))
                    .replaceAll("__+", "_")
                    .replaceAll("^_|_$", "");
        }
        List<String> words = new ArrayList<>(List.of(name.split("_")));
        String unit = null;
        // "bed days" and "bed days change" are a measure, not beds counted in days
        boolean bedDays = words.size() >= 2 && words.get(words.size() - 2).equals("bed");
        if (words.size() > 1 && !bedDays && UNITS.containsKey(words.get(words.size() - 1))) {
            unit = UNITS.get(words.remove(words.size() - 1));
        }
        StringBuilder label = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (label.length() > 0) {
                label.append(' ');
            }
            label.append(WORDS.getOrDefault(w, w));
        }
        if (year != null) {
            // a change or a growth is "to" a year; a count, a need or an index is "in" it
            boolean toYear = words.contains("change") || words.contains("growth") || words.contains("extra");
            label.append(toYear ? " to " : " in ").append(year);
        }
        if (unit != null) {
            label.append(' ').append(unit);
        }
        String s = label.toString();
        return s.isEmpty() ? column : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
