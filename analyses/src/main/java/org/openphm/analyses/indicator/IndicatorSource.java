package org.openphm.analyses.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;

/**
 * A family of indicators counted together (e.g. every QOF register from one query per year): declares the
 * indicators, and counts their cells for a year. The framework does the statistics, comparisons, trends,
 * disclosure control and files.
 */
public interface IndicatorSource {

    List<IndicatorSpec> indicators();

    /** Cells of every indicator of the family for one year, all area levels and breakdowns. */
    Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year);

    /**
     * Cells of every indicator of the family for several years. One year at a time unless the family can count
     * them together, which saves repeating the same joins once per year.
     */
    default Map<CellKey, AgeBandCounts> count(Engine engine, List<FinancialYear> years) {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        for (FinancialYear year : years) {
            cells.putAll(count(engine, year));
        }
        return cells;
    }
}
