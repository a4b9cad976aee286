package org.openphm.analyses.acute;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.indicator.IndicatorSource;

/**
 * DP 8.4-8.16, 11.6: avoidable admissions and acute flow. Registered in the Catalogue.
 *
 * <p>DP 8.16 (rehabilitation pathway 2: discharges, 28-day readmissions and mean length of stay by month) is
 * {@link RehabilitationPathway2}: stays in bed-based rehabilitation units are spells with treatment function 314
 * admitted by transfer; the data hold no bed capacity (the data pack's unit has 19 beds), so occupancy is given as
 * mean occupied beds, not a percentage. DP 8.1 is the section's summary of 8.4-8.11; DP 8.2/8.3 (CAMHS), 8.12
 * (primary care access) and 8.17 (ambulance conveyances) belong to the performance and referral analyses.
 */
public final class AcuteFlowAnalyses {
    private AcuteFlowAnalyses() {}

    public static List<IndicatorSource> indicatorSources() {
        return List.of(new AcscAdmissionRates(AcscClassification.ccgOis26()));
    }

    public static List<Analysis> all() {
        AcscClassification acsc = AcscClassification.ccgOis26();
        List<Analysis> all = new ArrayList<>();
        all.add(new AcscAdmissions(acsc));
        all.addAll(AcscCohortProfile.dataPackPages(acsc));
        all.add(new AcscCost(acsc));
        all.add(new AcscLengthOfStay(acsc));
        all.add(new ClinicallyReadyForDischarge(UnitCosts.load()));
        all.add(LengthOfStayByFunction.elective());
        all.add(LengthOfStayByFunction.nonElective());
        all.add(new ClinicallyReadyShare());
        all.add(new RehabilitationPathway2());
        return List.copyOf(all);
    }
}
