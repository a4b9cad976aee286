package org.openphm.analyses.pack;

import java.util.List;
import java.util.Optional;
import org.openphm.analyses.acute.AcuteFlowAnalyses;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.conditions.ConditionAnalyses;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.performance.PerformanceAnalyses;
import org.openphm.analyses.population.PopulationAnalyses;
import org.openphm.analyses.qof.QofPrevalenceSource;
import org.openphm.analyses.quality.QualityAnalyses;
import org.openphm.analyses.resources.ResourceAnalyses;

/**
 * Every analysis of the data pack, in section order: the place a reader starts from a section number
 * ("DP 5.9") to find its definition, its test and its chart.
 */
public final class Catalogue {
    private Catalogue() {}

    /** Indicator families, each counted together. */
    public static List<IndicatorSource> indicatorSources() {
        List<IndicatorSource> sources = new java.util.ArrayList<>();
        sources.add(new QofPrevalenceSource());
        sources.addAll(PopulationAnalyses.indicatorSources());
        sources.addAll(ConditionAnalyses.indicatorSources());
        sources.addAll(AcuteFlowAnalyses.indicatorSources());
        sources.addAll(PerformanceAnalyses.indicatorSources());
        sources.addAll(QualityAnalyses.indicatorSources());
        sources.addAll(ResourceAnalyses.indicatorSources());
        return sources;
    }

    /** Analyses with their own tables. */
    public static List<Analysis> analyses() {
        List<Analysis> all = new java.util.ArrayList<>();
        all.addAll(PopulationAnalyses.all());
        all.addAll(ConditionAnalyses.all());
        all.addAll(AcuteFlowAnalyses.all());
        all.addAll(PerformanceAnalyses.all());
        all.addAll(QualityAnalyses.all());
        all.addAll(ResourceAnalyses.all());
        // population health management, beyond the seed's twelve sections (issue 11)
        all.add(new org.openphm.analyses.risk.RiskStratification());
        // issue 13: need segments
        all.add(new org.openphm.analyses.phm.Segmentation());
        // issue 12: impact modelling, the shipped scenarios
        all.addAll(org.openphm.analyses.impact.ImpactAnalysis.shipped());
        return all;
    }

    public static Optional<IndicatorSpec> indicator(String id) {
        return indicatorSources().stream()
                .flatMap(s -> s.indicators().stream())
                .filter(s -> s.id().equals(id))
                .findFirst();
    }

    /** Everything filed under a data-pack section, e.g. "DP 5.9". */
    public static List<String> section(String section) {
        List<String> ids = new java.util.ArrayList<>();
        indicatorSources()
                .forEach(s -> s.indicators().stream()
                        .filter(i -> i.metadata().section().equals(section))
                        .forEach(i -> ids.add(i.id())));
        analyses().stream()
                .filter(a -> a.info().section().equals(section))
                .forEach(a -> ids.add(a.info().id()));
        return ids;
    }
}
