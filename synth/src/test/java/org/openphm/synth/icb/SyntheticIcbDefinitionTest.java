package org.openphm.synth.icb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.synth.icb.IcbYaml.northmoor;
import static org.openphm.synth.icb.IcbYaml.read;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19 item 1: a synthetic ICB is a data file, read strictly, so a mistake in one is named, not absorbed. */
class SyntheticIcbDefinitionTest {

    @Test
    void everyBuiltInDefinitionReads() {
        List<String> names = SyntheticIcbDefinition.builtIn();
        assertTrue(names.contains(SyntheticIcbDefinition.DEFAULT) && names.size() >= 2, names.toString());
        for (String name : names) {
            SyntheticIcbDefinition d = SyntheticIcbDefinition.load(name);
            assertTrue(!d.places().isEmpty() && !d.sites().isEmpty(), name);
            for (int i = 0; i < d.places().size(); i++) {
                assertEquals(i, d.places().get(i).index(), name + ": Places are indexed in file order");
            }
        }
    }

    @Test
    void theDefaultIcbsPlaceSharesAreThePublishedListSizes() {
        // House of Commons Library, local-health-data-from-QOF output_lad_prevalence.csv, 2019/20 TOTAL list by LA of
        // residence: Bedford 192,092, Central Bedfordshire 296,110, Luton 246,326, Milton Keynes 300,429
        SyntheticIcbDefinition d = SyntheticIcbDefinition.defaultIcb();
        double total = 192_092 + 296_110 + 246_326 + 300_429;
        assertEquals(192_092 / total, d.place("E06000055").shareOf(d.places()), 1e-15);
        assertEquals(246_326 / total, d.place("E06000032").shareOf(d.places()), 1e-15);
        assertEquals(
                1.0, d.places().stream().mapToDouble(p -> p.shareOf(d.places())).sum(), 1e-12);
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheFileNamed() throws IOException {
        String yaml = northmoor().replace("registered_patients:", "registered_patiens:");
        IOException e = assertThrows(IOException.class, () -> read(yaml));
        assertTrue(
                e.getMessage().contains("my-icb.yaml") && e.getMessage().contains("registered_patiens"),
                e.getMessage());
    }

    @Test
    void aPlaceAdmittedToASiteTheIcbDoesNotHaveIsRefused() throws IOException {
        String yaml = northmoor().replace("admitted_to: {RZ101: 0.93", "admitted_to: {RZ109: 0.93");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(
                e.getMessage().contains("place E06000901: admitted_to names RZ109, which is not a site"),
                e.getMessage());
    }

    @Test
    void aShortDeprivationProfileIsRefused() throws IOException {
        String yaml = northmoor()
                .replace(
                        "imd_deciles: [0.22, 0.18, 0.14, 0.11, 0.09, 0.08, 0.06, 0.05, 0.04, 0.03]",
                        "imd_deciles: [0.22, 0.18, 0.14]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains("place E06000901: imd_deciles needs 10 values"), e.getMessage());
    }

    @Test
    void anUnknownBuiltInNameListsTheBuiltInOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SyntheticIcbDefinition.load("nowhere"));
        assertTrue(e.getMessage().contains("blmk") && e.getMessage().contains("northmoor"), e.getMessage());
    }
}
