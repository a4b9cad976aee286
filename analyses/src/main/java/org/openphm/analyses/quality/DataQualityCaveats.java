package org.openphm.analyses.quality;

import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Query;
import org.openphm.model.Table;

/**
 * The data-quality caveats that apply to an analysis's inputs, for any analysis to cite: measured on the
 * workspace (share of rows failing each {@link DataQualityCheck} of a canonical table, one scan per table) and
 * written as sentences. Example: {@code DataQualityCaveats.caveats(engine, CanonicalSchema.SPELL)} gives
 * "spell: provider_site not recorded for 87.3% of 120,000 rows: site-level comparisons ... (DP 9.2)".
 */
public final class DataQualityCaveats {
    private DataQualityCaveats() {}

    /** Shares below this are not worth a caveat. */
    public static final double CAVEAT_THRESHOLD_PCT = 1.0;

    /** How many of a table's rows fail one check. */
    public record Measured(DataQualityCheck check, long rows, long failing) {
        public double failingPct() {
            return rows == 0 ? 0 : 100.0 * failing / rows;
        }

        public String sentence() {
            return String.format(
                    Locale.UK,
                    "%s: %s for %.1f%% of %,d rows: %s (DP 9.2).",
                    check.table(),
                    check.description(),
                    failingPct(),
                    rows,
                    check.consequence());
        }
    }

    /** Every check of the table, measured over all its rows in one scan. */
    public static List<Measured> measure(Engine engine, Table table) {
        List<DataQualityCheck> checks = DataQualityCheck.of(table);
        if (checks.isEmpty()) {
            return List.of();
        }
        List<Measure> measures = new ArrayList<>();
        measures.add(countRows("rows"));
        for (DataQualityCheck c : checks) {
            measures.add(countIf("fail_" + c.name(), c.failing()));
        }
        Result r = engine.execute(Query.from(table).aggregate(List.of(), measures.toArray(Measure[]::new)));
        List<Measured> out = new ArrayList<>();
        long rows = Tables.asLong(r.get(0, "rows"));
        for (DataQualityCheck c : checks) {
            out.add(new Measured(c, rows, Tables.asLong(r.get(0, "fail_" + c.name()))));
        }
        return out;
    }

    /** The caveat sentences for the tables an analysis reads: one per check failing for at least 1% of rows. */
    public static List<String> caveats(Engine engine, Table... tables) {
        List<String> out = new ArrayList<>();
        for (Table t : tables) {
            measure(engine, t).stream()
                    .filter(m -> m.failingPct() >= CAVEAT_THRESHOLD_PCT)
                    .forEach(m -> out.add(m.sentence()));
        }
        return out;
    }
}
