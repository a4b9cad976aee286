package org.openphm.analyses.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openphm.model.ReferenceCsv;

/**
 * The published scores the risk model's features are built from, read from reference data (SOURCES.md beside
 * the files): the Cambridge Multimorbidity Score's weights and the electronic Frailty Index's deficits, each
 * with the canonical register that evidences it where the canonical model holds one.
 */
public final class RiskReference {
    private RiskReference() {}

    /** A CMS condition: its general-outcome weight and our register for it (null when none is held). */
    public record CmsCondition(String condition, double weight, String register, String note) {}

    /** An eFI deficit and the registers any of which evidences it (empty when none is held). */
    public record Deficit(String deficit, List<String> registers) {}

    /** The eFI divides the deficits present by all of them, held or not. */
    public static final int EFI_DEFICITS = 36;

    public static List<CmsCondition> cambridgeScore() {
        List<CmsCondition> out = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(RiskReference.class, "cambridge_multimorbidity_score.csv")) {
            String register = r.optional("register").isEmpty() ? null : r.get("register");
            out.add(new CmsCondition(r.get("condition"), r.number("weight"), register, r.optional("mapping_note")));
        }
        return List.copyOf(out);
    }

    public static List<Deficit> frailtyDeficits() {
        List<Deficit> out = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(RiskReference.class, "efi_deficits.csv")) {
            String registers = r.optional("register");
            out.add(new Deficit(
                    r.get("deficit"), registers.isBlank() ? List.of() : Arrays.asList(registers.split("\\|"))));
        }
        if (out.size() != EFI_DEFICITS) {
            throw new IllegalStateException(
                    "efi_deficits.csv lists " + out.size() + " deficits, the eFI has " + EFI_DEFICITS);
        }
        return List.copyOf(out);
    }
}
