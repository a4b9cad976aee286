package org.openphm.analyses.population;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.bool;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.model.ReferenceCsv;
import org.openphm.model.results.ChartSpec;

/**
 * DP 2.6: what causes the years lived with disability, from the Global Burden of Disease. Not computable from
 * patient records (it needs GBD's disability weights and prevalence models), and GBD publishes no ICB level, so
 * the pack shows the region's published shares as an external reference, labelled as such.
 */
final class CausesOfDisability implements Analysis {

    static final String ID = "dp-2.6-causes-of-disability";
    static final String RESOURCE = "causes_of_disability.csv";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 2.6",
                "Causes of disability and poor health (external reference)",
                "Share of all years lived with disability (YLDs) in the East of England in 2021 by cause group, "
                        + "as the Global Burden of Disease study estimates it.",
                "Published figures, not computed from the workspace: the six cause groups the data pack quotes, "
                        + "and the remainder (100% minus them) as 'All other causes'.",
                "IHME Global Burden of Disease 2021 (GBD Compare), East of England, all ages, both sexes, as quoted "
                        + "in DP 2.6 (analyses resources population/SOURCES.md)",
                List.of(
                        "An external reference for the region, not "
                                + IcbProfile.current().shortName() + ": GBD publishes no ICB-level results, and "
                                + "nothing here changes with the workspace.",
                        "'All other causes' is the remainder of the six quoted shares, not a published figure."),
                List.of(ChartSpec.ofTable(
                        "ranked_table",
                        "Share of years lived with disability by cause, East " + "of England 2021 (GBD)",
                        "External reference",
                        "shares",
                        Map.of(),
                        Map.of("y", "share_of_yld_pct"),
                        "%")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        return List.of(shares());
    }

    static AnalysisTable shares() {
        List<List<Object>> rows = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(CausesOfDisability.class, RESOURCE)) {
            rows.add(Arrays.asList(
                    r.get("cause_group"), r.number("share_of_yld_pct"), "yes".equals(r.get("listed_in_source"))));
        }
        return new AnalysisTable(
                "shares",
                "Share of years lived with disability by cause group",
                List.of(
                        text("cause_group", "GBD cause group"),
                        number("share_of_yld_pct", "Percentage of all YLDs"),
                        bool("published", "Quoted in the source (false = the remainder)")),
                rows);
    }
}
