package org.openphm.analyses.qof;

import java.util.List;
import java.util.Map;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.CellRollup;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;

/** QOF register prevalence, crude and age-standardised, for every register, area level and breakdown. */
public final class QofPrevalenceSource implements IndicatorSource {

    /** Built on first use from the engine's geography. */
    private CellRollup rollup;

    @Override
    public List<IndicatorSpec> indicators() {
        return QofIndicators.all();
    }

    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, FinancialYear year) {
        return count(engine, List.of(year));
    }

    /** Every year in one query ({@link RegisterPrevalence}). */
    @Override
    public Map<CellKey, AgeBandCounts> count(Engine engine, List<FinancialYear> years) {
        if (rollup == null) {
            rollup = new CellRollup(Geography.load(engine), QofIndicators.BREAKDOWNS);
        }
        return RegisterPrevalence.count(engine, years, QofRegisters.ALL, rollup);
    }
}
