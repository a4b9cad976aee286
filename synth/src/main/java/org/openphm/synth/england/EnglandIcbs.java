package org.openphm.synth.england;

import java.util.ArrayList;
import java.util.List;
import org.openphm.model.ReferenceCsv;

/**
 * England's 42 ICBs as a synthetic England generates them: each ICB's size is its published GP-registered
 * population aged 16 and over (NHS England, February 2024) times England's ratio of registered patients of all
 * ages to those aged 16 and over (QOF 2019/20 list sizes), about 62.8 million in all. Both tables are in
 * model's reference folder, with their sources in its SOURCES.md.
 */
public final class EnglandIcbs {
    static final String ICBS = "/org/openphm/reference/england_icbs_2024_02.csv";
    static final String LISTS = "/org/openphm/reference/england_gp_list_by_qof_age_base_2019_20.csv";

    /** The smallest ICB a scaled-down England generates: below it the census cannot calibrate activity. */
    public static final long SMALLEST = 1_000;

    private EnglandIcbs() {}

    /**
     * One ICB of England.
     *
     * @param number             its position, 1 to 42, in the order of the reference table (by region, then
     *                           code): it numbers the ICB's synthetic codes, so they never repeat across England
     * @param code               its ODS code
     * @param regionCode         its NHS England region (ODS code, Y56 to Y63)
     * @param fullSize           its registered patients in the whole of England (its shape depends on it)
     * @param registeredPatients the registered patients it is generated with: its full size, or scaled
     */
    public record Icb(
            int number, String code, String regionCode, String regionName, long fullSize, long registeredPatients) {}

    /** Every ICB at its full size. */
    public static List<Icb> all() {
        List<ReferenceCsv.Row> rows = ReferenceCsv.read(EnglandIcbs.class, ICBS);
        double allAgesPerAdult = listSize("TOTAL") / listSize("16OV");
        List<Icb> icbs = new ArrayList<>();
        for (ReferenceCsv.Row r : rows) {
            long size = Math.round(Long.parseLong(r.get("gp_registered_16_plus")) * allAgesPerAdult);
            icbs.add(new Icb(
                    icbs.size() + 1, r.get("icb_code"), r.get("region_code"), r.get("region_name"), size, size));
        }
        return List.copyOf(icbs);
    }

    /**
     * Every ICB, sizes scaled so that they sum to about {@code total} (each rounded, none below {@link #SMALLEST}):
     * a small England for tests and trials with England's shape.
     */
    public static List<Icb> scaledTo(long total) {
        List<Icb> full = all();
        double whole = full.stream().mapToLong(Icb::registeredPatients).sum();
        return full.stream()
                .map(i -> new Icb(
                        i.number(),
                        i.code(),
                        i.regionCode(),
                        i.regionName(),
                        i.fullSize(),
                        Math.max(SMALLEST, Math.round(i.registeredPatients() * total / whole))))
                .toList();
    }

    private static double listSize(String base) {
        for (ReferenceCsv.Row r : ReferenceCsv.read(EnglandIcbs.class, LISTS)) {
            if (r.get("patient_list_type").equals(base)) {
                return Double.parseDouble(r.get("registered_patients_sum_of_practices"));
            }
        }
        throw new IllegalStateException(LISTS + " has no row for " + base);
    }
}
