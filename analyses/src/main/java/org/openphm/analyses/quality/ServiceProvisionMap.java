package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.AreaType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;

/**
 * CfC Parts B (3/6) and C (3/6): which providers deliver each community and mental health service line in each
 * Place, with the gaps highlighted. Filed under DP 10.3 (contracts), the DP section closest to it: the map is
 * the contract register read by service line and Place. Ids must be dp-n.m-..., so it cannot be "cfc-...".
 *
 * <p>Gaps: a Place with no provider for a line that other Places have, and a Place served by a single provider
 * where another Place has several (the Case for Change's "inequity of access" from legacy commissioning).
 */
public final class ServiceProvisionMap implements Analysis {

    public static final String ID = "dp-10.3-service-provision-map";
    static final String NO_PROVIDER = "No provider";
    static final String SINGLE_PROVIDER = "Single provider where other Places have several";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 10.3",
                "Service provision map: service line x Place x provider (CfC Parts B and C)",
                "For each community and mental health service line and each Place, the providers delivering it and "
                        + "their number; gaps flagged.",
                "Register listing. Gap 'No provider': no provider recorded for the line in the Place. Gap 'Single "
                        + "provider where other Places have several': one provider in the Place while at least one "
                        + "other Place has two or more for the same line. Places are the workspace's Places.",
                "service_provision (CfC Part B 3/6 community and Part C 3/6 mental health provider maps).",
                List.of(
                        "Filed under DP 10.3 because the Case for Change's provider maps have no DP section of their "
                                + "own.",
                        "The map counts organisations named, not capacity: one large provider may serve a Place "
                                + "better than three small ones.",
                        "Published cells were normalised (e.g. 'Willen Hospice (only)' -> Willen Hospice; combined "
                                + "Autism/ADHD lines split into adults and CYP); see the feed's SOURCES.md."),
                List.of(
                        ChartSpec.ofTable(
                                "heatmap",
                                "Number of providers by service line and Place",
                                null,
                                "map",
                                Map.of(),
                                Map.of("x", "place_name", "y", "service_line", "value", "provider_count"),
                                null),
                        ChartSpec.ofTable("table", "Gaps in provision", null, "gaps", Map.of(), Map.of(), null)));
    }

    /** One cell of the map. */
    record Cell(String setting, String serviceLine, String placeCode, List<String> providers) {}

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        Geography geography = context.geography();
        List<Cell> cells = cells(context);
        List<List<Object>> map = new ArrayList<>();
        List<List<Object>> gaps = new ArrayList<>();
        for (Cell c : cells) {
            String gap = gap(c, cells);
            String placeName = geography.names().getOrDefault(c.placeCode(), c.placeCode());
            List<Object> row = Arrays.asList(
                    c.setting(),
                    c.serviceLine(),
                    c.placeCode(),
                    placeName,
                    String.join("; ", c.providers()),
                    (long) c.providers().size(),
                    gap);
            map.add(row);
            if (gap != null) {
                gaps.add(row);
            }
        }
        List<AnalysisTable.Column> columns = List.of(
                text("setting", "Care setting (community, mental health)"),
                text("service_line", "Service line"),
                text("place_code", "Place code"),
                text("place_name", "Place"),
                text("providers", "Providers, '; '-separated"),
                integer("provider_count", "Number of providers"),
                text("gap", "Gap flagged, empty if none"));
        return List.of(
                Tables.table("map", "Providers by service line and Place", columns, map),
                Tables.table("gaps", "Service lines with a gap in a Place", columns, gaps));
    }

    /**
     * Every service line crossed with every Place (those of the workspace and any the register names), so that a
     * missing combination becomes a cell with no provider rather than an absent row.
     */
    static List<Cell> cells(AnalysisContext context) {
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.SERVICE_PROVISION)
                        .aggregate(List.of("setting", "service_line", "place_code", "provider"))
                        .orderBy(
                                SortKey.asc("setting"),
                                SortKey.asc("service_line"),
                                SortKey.asc("place_code"),
                                SortKey.asc("provider")));
        Set<String> places = new TreeSet<>();
        context.geography().areas(AreaType.PLACE).forEach(a -> places.add(a.code()));
        Map<List<String>, String> lines = new LinkedHashMap<>(); // (setting, line) -> setting
        Map<List<String>, Set<String>> providers = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String setting = r.getString(i, "setting");
            String line = r.getString(i, "service_line");
            String place = r.getString(i, "place_code");
            places.add(place);
            lines.putIfAbsent(Arrays.asList(setting, line), setting);
            providers
                    .computeIfAbsent(Arrays.asList(setting, line, place), k -> new LinkedHashSet<>())
                    .add(r.getString(i, "provider"));
        }
        List<Cell> cells = new ArrayList<>();
        for (List<String> line : lines.keySet()) {
            for (String place : places) {
                Set<String> names = providers.getOrDefault(Arrays.asList(line.get(0), line.get(1), place), Set.of());
                cells.add(new Cell(line.get(0), line.get(1), place, List.copyOf(names)));
            }
        }
        return cells;
    }

    static String gap(Cell cell, List<Cell> all) {
        if (cell.providers().isEmpty()) {
            return NO_PROVIDER;
        }
        if (cell.providers().size() == 1) {
            boolean othersHaveSeveral = all.stream()
                    .anyMatch(o -> o != cell
                            && o.serviceLine().equals(cell.serviceLine())
                            && java.util.Objects.equals(o.setting(), cell.setting())
                            && o.providers().size() >= 2);
            return othersHaveSeveral ? SINGLE_PROVIDER : null;
        }
        return null;
    }
}
