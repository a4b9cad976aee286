package org.openphm.stats.spc;

/**
 * What an SPC chart says about its latest point: the two Making Data Count icons.
 *
 * @param variation the variation icon of the last point ({@link VariationIcon#NONE} with too few points)
 * @param assurance the assurance icon from the last point's limits ({@link AssuranceIcon#NONE} without target,
 *     without improvement direction, or with too few points)
 * @param limitsShown false when the series is shorter than {@link SpcOptions#minimumPoints()}
 */
public record SpcSummary(VariationIcon variation, AssuranceIcon assurance, boolean limitsShown) {}
