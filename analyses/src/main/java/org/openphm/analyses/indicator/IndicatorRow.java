package org.openphm.analyses.indicator;

import java.util.List;
import org.openphm.model.results.IndicatorColumns;

/**
 * One row of the tidy indicator results (results/indicators.csv): an indicator's value for one area, period
 * and breakdown category, with its confidence limits and comparisons (the plain columns at 95%, the _998
 * columns at 99.8%). Null numbers are suppressed or not
 * computable; {@link #note} says which.
 */
public record IndicatorRow(
        String indicatorId,
        String indicatorName,
        String section,
        String areaCode,
        String areaName,
        String areaType,
        String parentCode,
        String period,
        String sex,
        String age,
        String categoryType,
        String category,
        Double count,
        Double denominator,
        Double value,
        Double lowerCi95,
        Double upperCi95,
        Double lowerCi998,
        Double upperCi998,
        String comparedToEngland,
        String comparedToParent,
        String recentTrend,
        String note,
        String comparedToEngland998,
        String comparedToParent998) {

    /** Column names, in file order: the published contract of results/indicators.csv. */
    public static final List<String> COLUMNS = IndicatorColumns.NAMES;

    public Object[] values() {
        return new Object[] {
            indicatorId,
            indicatorName,
            section,
            areaCode,
            areaName,
            areaType,
            parentCode,
            period,
            sex,
            age,
            categoryType,
            category,
            count,
            denominator,
            value,
            lowerCi95,
            upperCi95,
            lowerCi998,
            upperCi998,
            comparedToEngland,
            comparedToParent,
            recentTrend,
            note,
            comparedToEngland998,
            comparedToParent998
        };
    }

    public boolean isHeadline() {
        return categoryType == null || categoryType.isEmpty();
    }
}
