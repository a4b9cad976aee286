package org.openphm.analyses.indicator;

import java.util.List;
import org.openphm.stats.Polarity;

/**
 * What a reader needs to trust an indicator: its declaration, as written to results/metadata.json and shown
 * beside every chart.
 *
 * @param section    data-pack section, e.g. "DP 5.9": how a reader finds the indicator from the pack
 * @param valueType  unit label, e.g. "Proportion %", "DSR per 100"
 * @param multiplier scale of the value (100 for a percentage, 100,000 for a rate per 100,000)
 * @param comparator how significance is judged, in words
 */
public record IndicatorMetadata(
        String id,
        String name,
        String section,
        String definition,
        String source,
        ValueMethod method,
        String valueType,
        double multiplier,
        Polarity polarity,
        String comparator,
        List<Breakdown> breakdowns,
        List<String> caveats) {

    public IndicatorMetadata {
        breakdowns = List.copyOf(breakdowns);
        caveats = List.copyOf(caveats);
    }
}
