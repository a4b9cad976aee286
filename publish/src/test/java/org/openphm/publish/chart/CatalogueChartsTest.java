package org.openphm.publish.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.pack.Catalogue;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.fixture.CataloguePack;
import org.openphm.publish.pack.PackContents;
import org.openphm.publish.pack.PackItem;
import org.openphm.publish.results.ResultsDir;

/**
 * Every chart the real catalogue declares, for every indicator and analysis, goes through the chart resolver the
 * pack and dashboard draw with and resolves: a chart naming a column its data lacks (including a role left to
 * the resolver's default) fails here rather than printing as a "could not be drawn" note.
 */
class CatalogueChartsTest {

    @Test
    void everyDeclaredChartResolvesAgainstTheRealResults() {
        ResultsDir results = CataloguePack.results();
        ChartResolver resolver = new ChartResolver(results);
        List<String> failures = new ArrayList<>();
        int charts = 0;
        for (PackItem item : PackContents.of(results).allItems()) {
            for (ChartSpec spec : item.charts()) {
                charts++;
                try {
                    resolver.resolve(spec);
                } catch (IllegalArgumentException e) {
                    failures.add(item.section() + " " + item.id() + " '" + spec.title() + "': " + e.getMessage());
                }
            }
        }
        assertTrue(charts > 300, "the catalogue declares hundreds of charts, found " + charts);
        assertEquals(List.of(), failures);
    }

    /**
     * The build leaves out a chart whose table an analysis withheld on its data; on the catalogue build every
     * analysis publishes its tables, so every declared chart must be published: a misspelt table name fails here.
     */
    @Test
    void everyChartTheCatalogueDeclaresIsPublished() {
        ResultsDir results = CataloguePack.results();
        List<String> missing = new ArrayList<>();
        for (Analysis a : Catalogue.analyses()) {
            var published = results.analysis(a.info().id()).orElseThrow().charts();
            for (ChartSpec declared : a.info().charts()) {
                String file = a.info().file(declared.data().table());
                if (published.stream()
                        .noneMatch(p -> file.equals(p.data().table())
                                && java.util.Objects.equals(p.title(), declared.title()))) {
                    missing.add(a.info().section() + " " + a.info().id() + " '" + declared.title() + "' over "
                            + declared.data().table());
                }
            }
        }
        assertEquals(List.of(), missing, "charts over a table the analysis did not publish");
    }
}
