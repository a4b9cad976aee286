package org.openphm.analyses.catalogue;

import java.util.List;
import org.openphm.model.results.ChartSpec;

/**
 * What an analysis is and how to trust it.
 *
 * @param id      stable id from the DP section, e.g. "dp-4.7-community-referral-projections"; an analysis beyond
 *                the seed's data pack is numbered in OpenPHM's own sections, e.g. "phm-13.1-emergency-admission-risk"
 * @param section the data-pack section, e.g. "DP 4.7" (or "PHM 13.1")
 * @param charts  charts over the analysis's own tables, each naming its table by short name (publish/README.md)
 */
public record AnalysisInfo(
        String id,
        String section,
        String title,
        String definition,
        String method,
        String source,
        List<String> caveats,
        List<ChartSpec> charts) {

    public AnalysisInfo {
        if (!id.matches("(dp|phm|imp)-[0-9]+(\\.[0-9]+)?-[a-z0-9-]+")) {
            throw new IllegalArgumentException(
                    "analysis id must look like dp-4.7-community-referral-projections: " + id);
        }
        caveats = List.copyOf(caveats);
        charts = List.copyOf(charts);
    }

    /** Its charts as metadata.json publishes them: each drawing from its table's file. */
    public List<ChartSpec> publishedCharts() {
        return charts.stream().map(c -> c.withTableFile(file(c.data().table()))).toList();
    }

    /**
     * Its charts over the tables it published this time, each drawing from its table's file: a table withheld on
     * this data (a cohort too small to profile) leaves nothing to draw.
     */
    public List<ChartSpec> publishedCharts(java.util.Collection<String> tables) {
        return charts.stream()
                .filter(c -> tables.contains(c.data().table()))
                .map(c -> c.withTableFile(file(c.data().table())))
                .toList();
    }

    /** The file of one of this analysis's tables, relative to results/. */
    public String file(String table) {
        return id + "-" + table + ".csv";
    }
}
