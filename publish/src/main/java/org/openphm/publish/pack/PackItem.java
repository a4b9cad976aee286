package org.openphm.publish.pack;

import java.util.List;
import org.openphm.model.results.ChartSpec;

/**
 * One entry of a pack section: an indicator or an analysis, with what is printed around its charts.
 *
 * @param section "DP 5.9": places the item in the seed's order
 */
public record PackItem(
        String id,
        String section,
        String title,
        String definition,
        String method,
        String source,
        List<String> caveats,
        List<ChartSpec> charts) {

    public PackItem {
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }

    /** The seed section number of "DP 5.9" (5), or -1 when the item names no DP section. */
    public int sectionNumber() {
        return SectionNumber.major(section);
    }
}
