package org.openphm.synth.icb;

/**
 * A hospital the ICB's patients are admitted to. Local sites carry their site code; out-of-area trusts carry
 * none, the under-reporting of provider site that real SUS extracts show.
 *
 * @param provider  the trust's ODS code
 * @param code      the site's ODS code, or null for an out-of-area trust
 * @param delayDays clinically-ready-for-discharge delay days of adults in 2023/24 and 2024/25 (local sites
 *                  only; null where the site's delays are not modelled)
 * @param index     position in the ICB's list of sites (set when the definition is read)
 */
public record Site(String provider, String code, double[] delayDays, int index) {

    public boolean local() {
        return code != null;
    }

    /** How a Place's admitted_to shares name the site: its code, or its trust's for an out-of-area trust. */
    public String key() {
        return code != null ? code : provider;
    }

    Site at(int i) {
        return new Site(provider, code, delayDays, i);
    }
}
