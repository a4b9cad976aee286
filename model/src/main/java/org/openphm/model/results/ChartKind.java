package org.openphm.model.results;

import java.util.Locale;

/** The kinds of chart the pack and dashboard draw; {@link #TABLE} is the fallback for anything unknown. */
public enum ChartKind {
    PYRAMID,
    TREND,
    BAR_CI,
    HEATMAP,
    COMORBIDITY,
    SPC,
    PROJECTION,
    RANKED_TABLE,
    SANKEY,
    WATERFALL,
    TABLE;

    /** Strict, for a declaration: an unknown kind is a programming error, not a table. */
    public static ChartKind declared(String kind) {
        ChartKind k = parse(kind);
        if (k == TABLE && !"table".equals(kind)) {
            throw new IllegalArgumentException("no chart kind '" + kind + "' (kinds: "
                    + java.util.Arrays.stream(values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .toList() + ")");
        }
        return k;
    }

    /** Tolerant: unknown or missing kinds are tables, so nothing an analysis declares is ever dropped. */
    public static ChartKind parse(String kind) {
        if (kind == null) {
            return TABLE;
        }
        try {
            return valueOf(kind.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return TABLE;
        }
    }
}
