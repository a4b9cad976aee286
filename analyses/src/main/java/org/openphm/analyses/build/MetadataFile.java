package org.openphm.analyses.build;

import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.stats.sdc.DisclosureRule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.model.CanonicalSchema;

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
    public static final List<String> SECTIONS = List.of("Introduction", "Health Outcomes & Disease Burden",
            "Focus on Conditions", "Inequalities", "Long Term Conditions QOF", "Quality & Safety Priorities",
            "Access & Performance Gaps", "Preventable Admissions & Costs", "Data Quality",
            "Contacts & Provider Ratings", "Finance", "Workforce Pressures & Opportunities",
            "Population Health Management", "Impact");

    /**
     * The publication rule and the disclosure class of every column of the indicator files (analysis tables
     * declare theirs with their columns): what {@code phm check-outputs} checks the published files against.
     */
    private static Map<String, Object> disclosure(DisclosureRule rule) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("suppress_at_or_below", rule.suppressAtOrBelow());
        d.put("round_to", rule.roundTo());
        d.put("suppress_zero", rule.suppressZero());
        d.put("policy", "Counts of people or events from patient-level or staff records: 1-"
                + rule.suppressAtOrBelow() + " suppressed, the rest rounded to the nearest " + rule.roundTo()
                + ". Indicator results are also secondarily suppressed across their margins (geography, breakdowns);"
                + " analysis tables rely on rounding (NHS Digital's HES/ECDS method). Crude indicator values and "
                + "their limits, and derived columns that declare their inputs, are computed from the rounded "
                + "counts; age-standardised rates from unrounded age-band counts, which are never published. "
                + "Projections and other modelled figures are marked as such in their descriptions. Columns with "
                + "the class 'reference' are labels, codes or figures from published aggregate sources.");
        d.put("files", IndicatorFiles.disclosureClasses());
        return d;
    }

    public static Path write(Path resultsDir, String population, List<IndicatorSpec> indicators,
                             List<Map<String, Object>> analyses) throws IOException {
        return write(resultsDir, population, indicators, analyses, m -> List.of(), DisclosureRule.nhsDefault());
    }

    /** @param measuredCaveats the data-quality caveats measured on the indicator's inputs (InputCaveats) */
    static Path write(Path resultsDir, String population, List<IndicatorSpec> indicators,
                      List<Map<String, Object>> analyses,
                      java.util.function.Function<IndicatorMetadata, List<String>> measuredCaveats,
                      DisclosureRule rule) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", CanonicalSchema.VERSION);
        root.put("generated_at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("population", population);
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < SECTIONS.size(); i++) {
            sections.add(Map.of("number", i + 1, "title", SECTIONS.get(i)));
        }
        root.put("sections", sections);
        List<Map<String, Object>> list = new ArrayList<>();
        for (IndicatorSpec spec : indicators) {
            IndicatorMetadata m = spec.metadata();
            Map<String, Object> ind = new LinkedHashMap<>();
            ind.put("id", m.id());
            // the integer "Indicator ID" of indicators_fingertips.csv (committed registry, stable across builds)
            org.openphm.analyses.output.IndicatorNumbers.of(m.id())
                    .ifPresent(n -> ind.put("fingertips_indicator_id", n));
            ind.put("name", m.name());
            ind.put("section", m.section());
            ind.put("definition", m.definition());
            ind.put("source", m.source());
            ind.put("method", m.method().description());
            ind.put("value_type", m.valueType());
            ind.put("multiplier", m.multiplier());
            // The output check holds a crude value to count / denominator x multiplier; a DSR it cannot.
            ind.put("standardised", spec.standardised());
            ind.put("polarity", m.polarity().code());
            ind.put("comparator", m.comparator());
            ind.put("breakdowns", m.breakdowns().stream().map(Breakdown::categoryType).toList());
            ind.put("caveats", InputCaveats.combined(m.caveats(), measuredCaveats.apply(m)));
            ind.put("charts", IndicatorCharts.standard(m));
            list.add(ind);
        }
        root.put("indicators", list);
        root.put("analyses", analyses);
        root.put("disclosure", disclosure(rule));
        Path file = resultsDir.resolve("metadata.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), stableOrder(root));
        return file;
    }

    /**
     * The same content with every map in a fixed order: insertion-ordered maps keep their order, and the
     * immutable ones (Map.of, Map.copyOf), which iterate in an order that changes from one JVM run to the next,
     * are sorted by key, so two builds of the same data write the same metadata.json.
     */
    static Object stableOrder(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = m instanceof java.util.LinkedHashMap<?, ?> || m instanceof java.util.SortedMap<?, ?>
                    ? new java.util.LinkedHashMap<>() : new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(k, stableOrder(v)));
            return out;
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(MetadataFile::stableOrder).toList();
        }
        return value;
    }
}
