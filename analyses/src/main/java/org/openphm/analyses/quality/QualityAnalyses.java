package org.openphm.analyses.quality;

import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 6.x, 9.x, 10.x and CfC Parts B and C: quality, safety and feedback registers, data quality, provider and
 * service maps. Registered in the Catalogue. These are registers and summaries, not rates by area, so there
 * are no indicator sources.
 */
public final class QualityAnalyses {
    private QualityAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of();
    }

    public static List<Analysis> all() {
        return List.of(
                new PatientSafetyIncidents(),
                new BoardAssuranceFramework(),
                new DataQuality(),
                new ComplaintsAndFeedback(),
                new CqcRatings(),
                new Contracts(),
                new ServiceProvisionMap());
    }
}
