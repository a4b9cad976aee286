package org.openphm.analyses.catalogue;

import java.util.List;

/**
 * A data-pack analysis whose result is not an indicator: a projection, a matrix, a length-of-stay table.
 * It declares what it is (its {@link AnalysisInfo}, with the DP section a reader looks it up by) and computes
 * its tables from the engine; the build writes them to results/&lt;id&gt;-&lt;table&gt;.csv and .parquet.
 */
public interface Analysis {

    AnalysisInfo info();

    /** Small aggregate tables: all the heavy lifting happens in the engine. */
    List<AnalysisTable> compute(AnalysisContext context);
}
