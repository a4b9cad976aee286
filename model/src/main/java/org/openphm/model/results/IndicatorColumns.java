package org.openphm.model.results;

import java.util.List;

/**
 * The published contract of results/indicators.csv (and its Parquet twin), the tidy Fingertips-like file of every
 * indicator value: the one definition the build writes by, publish, the dashboard and the API read by, and
 * metadata.json declares to the output check. An indicator's value for one area, period and breakdown category,
 * with its confidence limits (plain columns at 95%, _998 columns at 99.8%) and its comparisons.
 */
public final class IndicatorColumns {
    private IndicatorColumns() {}

    public static final String INDICATOR_ID = "indicator_id";
    public static final String INDICATOR_NAME = "indicator_name";
    public static final String SECTION = "section";
    public static final String AREA_CODE = "area_code";
    public static final String AREA_NAME = "area_name";
    public static final String AREA_TYPE = "area_type";
    public static final String PARENT_CODE = "parent_code";
    public static final String PERIOD = "period";
    public static final String SEX = "sex";
    public static final String AGE = "age";
    public static final String CATEGORY_TYPE = "category_type";
    public static final String CATEGORY = "category";
    public static final String COUNT = "count";
    public static final String DENOMINATOR = "denominator";
    public static final String VALUE = "value";
    public static final String LOWER_CI95 = "lower_ci95";
    public static final String UPPER_CI95 = "upper_ci95";
    public static final String LOWER_CI998 = "lower_ci998";
    public static final String UPPER_CI998 = "upper_ci998";
    public static final String COMPARED_TO_ENGLAND = "compared_to_england";
    public static final String COMPARED_TO_PARENT = "compared_to_parent";
    public static final String RECENT_TREND = "recent_trend";
    public static final String NOTE = "note";
    public static final String COMPARED_TO_ENGLAND_998 = "compared_to_england_998";
    public static final String COMPARED_TO_PARENT_998 = "compared_to_parent_998";

    /** Every column, in file order. */
    public static final List<ResultColumn> ALL = List.of(
            ResultColumn.label(INDICATOR_ID, "Stable indicator id, e.g. dp-5.2-hypertension-prevalence"),
            ResultColumn.label(INDICATOR_NAME, "Indicator name as the pack shows it"),
            ResultColumn.label(SECTION, "Data-pack section, e.g. DP 5.2"),
            ResultColumn.label(AREA_CODE, "Area code (ONS code for an ICB or Place; ODS code for a PCN or practice)"),
            ResultColumn.label(AREA_NAME, "Area name"),
            ResultColumn.label(AREA_TYPE, "England, ICB, Place, Neighbourhood, PCN or Practice"),
            ResultColumn.label(PARENT_CODE, "The area the row is compared with as its parent"),
            ResultColumn.label(PERIOD, "Period, e.g. a financial year 2023/24"),
            ResultColumn.label(SEX, "Persons, Male or Female"),
            ResultColumn.label(AGE, "Age group the indicator covers"),
            ResultColumn.label(CATEGORY_TYPE, "Breakdown (empty for the headline row), e.g. IMD quintile"),
            ResultColumn.label(CATEGORY, "Breakdown category"),
            ResultColumn.count(COUNT, null, "Numerator: people or events counted"),
            ResultColumn.count(DENOMINATOR, null, "Denominator: people or person-years counted"),
            ResultColumn.derived(VALUE, "The indicator value, in the indicator's value type"),
            ResultColumn.derived(LOWER_CI95, "Lower 95% confidence limit"),
            ResultColumn.derived(UPPER_CI95, "Upper 95% confidence limit"),
            ResultColumn.derived(LOWER_CI998, "Lower 99.8% confidence limit"),
            ResultColumn.derived(UPPER_CI998, "Upper 99.8% confidence limit"),
            ResultColumn.label(COMPARED_TO_ENGLAND, "Significance against England at 95%"),
            ResultColumn.label(COMPARED_TO_PARENT, "Significance against the parent area at 95%"),
            ResultColumn.label(RECENT_TREND, "Recent trend (Fingertips' method)"),
            ResultColumn.label(NOTE, "Why a value is missing: suppressed or not computable"),
            ResultColumn.label(COMPARED_TO_ENGLAND_998, "Significance against England at 99.8%"),
            ResultColumn.label(COMPARED_TO_PARENT_998, "Significance against the parent area at 99.8%"));

    /** The column names, in file order. */
    public static final List<String> NAMES =
            ALL.stream().map(ResultColumn::name).toList();

    /** The values of {@link #AREA_TYPE}, in the order of the geography, widest first. */
    public static final List<String> AREA_TYPES = org.openphm.model.AreaType.labels();

    /** The column of this name. */
    public static ResultColumn column(String name) {
        return ALL.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("indicators.csv has no column " + name));
    }

    public static boolean has(String name) {
        return NAMES.contains(name);
    }
}
