package org.openphm.synth.icb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One Place (local authority) of a synthetic ICB with every model parameter that differs between Places. Read
 * from the ICB's definition file ({@link SyntheticIcbDefinition}); the file says where each value comes from.
 *
 * @param code                 ONS local authority code
 * @param name                 as the practice and lsoa tables name it
 * @param listSize             registered patients at the definition's reference date: only the shares matter
 * @param whiteShare           share of patients of a White ethnic category
 * @param oldTilt              weight on ages 65+ relative to the ICB age profile
 * @param childTilt            weight on ages 0-19 relative to the ICB age profile
 * @param imdDeciles           share of residents by IMD decile 1 (most deprived) .. 10
 * @param nonWhiteMix          the mix of the non-White stated ethnic categories D, E, F, G, H, J, K, L, M, N, P, R, S
 * @param mortality            how deprivation and the Place itself scale the death rate
 * @param palliativeCareLogOdds log-odds added to the chance of being on the palliative care register
 * @param growth               the Place's projected growth relative to the ICB's age-band growth
 * @param conditionLogOdds     log-odds added to each register's onset (register id; 0 where not listed)
 * @param admittedTo           share of admissions by site key ({@link Site#key()}); sites not listed get none
 * @param acute                emergency-admission calibration targets
 * @param cypMhReferrals       children's mental-health referral trend and acceptance, or null for the ICB's defaults
 * @param community            who provides the Place's community and mental-health services
 * @param index                position in the ICB's list of Places (set when the definition is read)
 */
public record Place(
        String code,
        String name,
        double listSize,
        double whiteShare,
        double oldTilt,
        double childTilt,
        double[] imdDeciles,
        double[] nonWhiteMix,
        Mortality mortality,
        double palliativeCareLogOdds,
        double growth,
        Map<String, Double> conditionLogOdds,
        Map<String, Double> admittedTo,
        Acute acute,
        CypMhReferrals cypMhReferrals,
        Community community,
        int index) {

    /** @param deprivationSlope log death-rate per unit of deprivation score; ratio the Place's own multiplier */
    public record Mortality(double deprivationSlope, double ratio) {}

    /**
     * Targets of a reference year (2024/25) for the Place's emergency admissions.
     *
     * @param adultAcsc         adults' ambulatory care sensitive admissions
     * @param childAcsc         children's, or null where the ICB's unlisted_child_acsc is shared by population
     * @param cypMhPer100k      under-18 mental-health admissions per 100,000 children
     * @param acscConditionPercent percent of ACSC admissions by condition, adults and children, or null for
     *                          the ICB-wide split
     */
    public record Acute(
            AdultAcsc adultAcsc,
            ChildAcsc childAcsc,
            @JsonProperty("cyp_mh_per_100k") double cypMhPer100k,
            Map<String, Map<String, Double>> acscConditionPercent) {}

    /**
     * @param admissions   in the reference year
     * @param share        of the adults' emergency admissions
     * @param ratio2023    2023/24 admissions relative to the reference year
     * @param jointRisk    correction for health, deprivation and registers moving together (measured)
     */
    public record AdultAcsc(
            double admissions,
            double share,
            @JsonProperty("ratio_2023") double ratio2023,
            double jointRisk) {}

    /** @param admissions in the reference year; share of the children's emergency admissions */
    public record ChildAcsc(double admissions, double share) {}

    /** By financial year 2019/20 .. 2025/26: referrals relative to 2023/24, and the share accepted. */
    public record CypMhReferrals(double[] trend, double[] accepted) {}

    /** @param provider ODS code of the Place's main provider; rules pick another for some services */
    public record Community(String provider, List<ProviderRule> rules) {

        /** The provider of a referral: the first rule that matches, else the main provider. */
        public String providerOf(String dataset, String service, int age) {
            for (ProviderRule r : rules == null ? List.<ProviderRule>of() : rules) {
                if (r.when().matches(dataset, service, age)) {
                    return r.provider();
                }
            }
            return provider;
        }
    }

    public record ProviderRule(ServiceRule when, String provider) {}

    /** Share of the ICB's registered population, among {@code all} Places. */
    public double shareOf(List<Place> all) {
        return listSize / all.stream().mapToDouble(Place::listSize).sum();
    }

    public double conditionLogOdds(String register) {
        return conditionLogOdds == null ? 0 : conditionLogOdds.getOrDefault(register, 0.0);
    }

    Place at(int i) {
        return new Place(
                code,
                name,
                listSize,
                whiteShare,
                oldTilt,
                childTilt,
                imdDeciles,
                nonWhiteMix,
                mortality,
                palliativeCareLogOdds,
                growth,
                conditionLogOdds,
                admittedTo,
                acute,
                cypMhReferrals,
                community,
                i);
    }
}
