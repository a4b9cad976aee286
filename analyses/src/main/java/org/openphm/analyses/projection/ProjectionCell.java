package org.openphm.analyses.projection;

/**
 * The grain at which a demographic projection is made (DP 1.3): a Place, a sex and an ESP2013 five-year age band
 * ("0-4" … "90+", as {@link org.openphm.analyses.indicator.RegisteredPopulation} labels them). Growth differs
 * between these cells, so counts are projected cell by cell and only then added up.
 *
 * @param sex F, M or U (U is projected with the growth of both sexes together)
 */
public record ProjectionCell(String placeCode, String sex, String ageBand) {

    /** The youngest age of the band: "85-89" → 85, "90+" → 90. */
    public int lowerAge() {
        return AgeRange.parse(ageBand).lower();
    }
}
