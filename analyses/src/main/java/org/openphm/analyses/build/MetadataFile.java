package org.openphm.analyses.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.PackMetadata;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * results/metadata.json: the definitions, methods, sources and caveats behind every published number, and
 * the pack's twelve sections in the seed's order — what publish, the dashboard and the API show beside data.
 */
public final class MetadataFile {
    private MetadataFile() {}

    /**
     * The twelve sections of the users' Data Pack, in its order (seed contents page), then what OpenPHM adds to
     * act on it: population health management (the Case for Change's Priority 2) and impact modelling to 2043
     * (its Next Steps).
     */
    public static final List<String> SECTIONS = List.of(
            "Introduction",
            "Health Outcomes & Disease Burden",
            "Focus on Conditions",
            "Inequalities",
            "Long Term Conditions QOF",
            "Quality & Safety Priorities",
            "Access & Performance Gaps",
            "Preventable Admissions & Costs",
            "Data Quality",
            "Contacts & Provider Ratings",
            "Finance",
            "Workforce Pressures & Opportunities",
            "Population Health Management",
            "Impact");

    /**
     * The publication rule and the disclosure class of every column of the indicator files (analysis tables
     * declare theirs with their columns): what {@code phm check-outputs} checks the published files against.
     */
    private static PackMetadata.DisclosureInfo disclosure(DisclosureRule rule) {
        return new PackMetadata.DisclosureInfo(
                rule.suppressAtOrBelow(),
                rule.roundTo(),
                rule.suppressZero(),
                "Counts of people or events from patient-level or staff records: 1-"
                        + rule.suppressAtOrBelow() + " suppressed, the rest rounded to the nearest " + rule.roundTo()
                        + ". Indicator results are also secondarily suppressed across their margins (geography, breakdowns);"
                        + " analysis tables rely on rounding (NHS Digital's HES/ECDS method). Crude indicator values and "
                        + "their limits, and derived columns that declare their inputs, are computed from the rounded "
                        + "counts; age-standardised rates from unrounded age-band counts, which are never published. "
                        + "Projections and other modelled figures are marked as such in their descriptions. Columns with "
                        + "the class 'reference' are labels, codes or figures from published aggregate sources.",
                IndicatorFiles.disclosureClasses());
    }

    /** Seconds to the millisecond, in the map's order. */
    private static java.util.Map<String, Double> seconds(java.util.Map<String, java.time.Duration> times) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        times.forEach((k, d) -> out.put(k, d.toMillis() / 1000.0));
        return out;
    }

    public static Path write(
            Path resultsDir,
            String population,
            List<IndicatorSpec> indicators,
            List<PackMetadata.AnalysisInfo> analyses)
            throws IOException {
        return write(
                resultsDir,
                population,
                indicators,
                analyses,
                m -> List.of(),
                DisclosureRule.nhsDefault(),
                java.util.Map.of(),
                List.of());
    }

    /**
     * @param measuredCaveats the data-quality caveats measured on the indicator's inputs (InputCaveats)
     * @param runTimes        how long each indicator family and analysis took, in build order, with the total
     * @param reusedFromCache the steps whose results came from the build cache
     */
    static Path write(
            Path resultsDir,
            String population,
            List<IndicatorSpec> indicators,
            List<PackMetadata.AnalysisInfo> analyses,
            java.util.function.Function<IndicatorMetadata, List<String>> measuredCaveats,
            DisclosureRule rule,
            java.util.Map<String, java.time.Duration> runTimes,
            List<String> reusedFromCache)
            throws IOException {
        List<PackMetadata.Section> sections = new ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            sections.add(new PackMetadata.Section(i + 1, SECTIONS.get(i)));
        }
        List<PackMetadata.IndicatorInfo> list = new ArrayList<>();
        for (IndicatorSpec spec : indicators) {
            IndicatorMetadata m = spec.metadata();
            List<ChartSpec> charts = IndicatorCharts.standard(m);
            ChartCheck.require(ChartCheck.indicatorFaults(m.id(), charts));
            list.add(new PackMetadata.IndicatorInfo(
                    m.id(),
                    // the integer "Indicator ID" of indicators_fingertips.csv (committed registry, stable across
                    // builds)
                    org.openphm.analyses.output.IndicatorNumbers.of(m.id()).stream()
                            .boxed()
                            .findFirst()
                            .orElse(null),
                    m.name(),
                    m.section(),
                    m.definition(),
                    m.source(),
                    m.method().description(),
                    m.valueType(),
                    m.multiplier(),
                    // The output check holds a crude value to count / denominator x multiplier; a DSR it cannot.
                    spec.standardised(),
                    m.polarity().code(),
                    m.comparator(),
                    m.breakdowns().stream().map(Breakdown::categoryType).toList(),
                    InputCaveats.combined(m.caveats(), measuredCaveats.apply(m)),
                    charts));
        }
        PackMetadata root = new PackMetadata(
                CanonicalSchema.VERSION,
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                population,
                sections,
                list,
                analyses,
                disclosure(rule),
                seconds(runTimes),
                reusedFromCache);
        Path file = resultsDir.resolve("metadata.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        return file;
    }
}
