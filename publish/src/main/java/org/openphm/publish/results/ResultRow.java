package org.openphm.publish.results;

import java.util.List;

/** The column names of {@code results/indicators.csv}, the tidy (Fingertips-like) indicator file. */
public final class ResultRow {
    private ResultRow() {}

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

    public static final List<String> COLUMNS = List.of(INDICATOR_ID, INDICATOR_NAME, SECTION, AREA_CODE, AREA_NAME,
            AREA_TYPE, PARENT_CODE, PERIOD, SEX, AGE, CATEGORY_TYPE, CATEGORY, COUNT, DENOMINATOR, VALUE, LOWER_CI95,
            UPPER_CI95, LOWER_CI998, UPPER_CI998, COMPARED_TO_ENGLAND, COMPARED_TO_PARENT, RECENT_TREND, NOTE);

    /** The area types in the order of the geography, widest first. */
    public static final List<String> AREA_TYPES = org.openphm.model.AreaType.labels();
}
