package org.openphm.synth.icb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * Issue 19 item 1: the second built-in synthetic ICB (northmoor.yaml), shaped unlike BLMK, is generated from its
 * definition alone: its own Places, practices, hospital sites and providers, and none of BLMK's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondSyntheticIcbTest {

    private final SyntheticIcbDefinition northmoor = SyntheticIcbDefinition.load("northmoor");
    private final SyntheticIcbDefinition blmk = SyntheticIcbDefinition.load("blmk");
    private Path data;
    private Path blmkData;

    @BeforeAll
    void generate(@TempDir Path tmp) throws IOException {
        data = tmp.resolve("data");
        SyntheticIcb.generate(data, new SynthOptions(6_000, 5, true, null, northmoor), Map.of(), Progress.SILENT);
        blmkData = tmp.resolve("blmk");
        SyntheticIcb.generate(blmkData, new SynthOptions(6_000, 5, true, null, blmk), Map.of(), Progress.SILENT);
    }

    /**
     * The referral catalogue is BLMK's data pack's counts: another ICB has as many per patient, not as many in all
     * (before 7 December Northmoor, 620,000 patients, was referred as often as BLMK's 1.14 million: 1.9 times as
     * often per patient). Ages and deprivation differ, so the rates may differ by a fifth, not by nine tenths.
     */
    @Test
    void referralsArePerPatientOfTheCataloguesIcb() throws IOException {
        double ratio =
                (double) rows("referral").size() / rowsOf(blmkData, "referral").size();
        assertTrue(ratio > 0.8 && ratio < 1.25, "Northmoor's referrals per patient over BLMK's: " + ratio);
    }

    @Test
    void itsGeographyIsItsDefinitionsAndNotTheDefaults() throws IOException {
        List<ReferenceCsv.Row> practices = rows("practice");
        assertEquals(35, practices.size(), "the practices of its practice geography file");
        assertEquals(
                Set.of("E06000901", "E07000902", "E07000903"),
                practices.stream().map(r -> r.get("place_code")).collect(Collectors.toSet()));
        assertEquals(
                Set.of("QZZ"), practices.stream().map(r -> r.get("icb_code")).collect(Collectors.toSet()));
        assertEquals(
                Set.of("NHS Northmoor Integrated Care Board"),
                practices.stream().map(r -> r.get("icb_name")).collect(Collectors.toSet()));
        assertEquals(
                Set.of("E06000901", "E07000902", "E07000903"),
                rows("lsoa").stream().map(r -> r.get("place_code")).collect(Collectors.toSet()));
    }

    @Test
    void itsPatientsAreAdmittedToItsSitesAndReferredToItsProviders() throws IOException {
        List<ReferenceCsv.Row> spells = rows("spell");
        assertTrue(spells.size() > 1_000, "spells: " + spells.size());
        Set<String> trusts =
                spells.stream().map(r -> r.get("provider_code")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("RZ1", "RZ2", "RZ8", "RZ9"), trusts);
        Set<String> sites = spells.stream()
                .map(r -> r.optional("provider_site"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        // the definition has no intermediate-care unit, so no spell carries one
        assertEquals(Set.of("RZ101", "RZ102", "RZ201"), sites);
        Set<String> providers =
                rows("referral").stream().map(r -> r.get("provider_code")).collect(Collectors.toSet());
        assertEquals(Set.of("RZ5", "RZ6"), providers);
    }

    @Test
    void theCitysCommunityServicesAreRunByItsOwnProviderAndTheDistrictsMentalHealthByTheCitys() throws IOException {
        // city: every referral to RZ6; districts: community (CSDS) to RZ5, mental health (MHSDS) to RZ6
        Map<String, String> placeOfPractice = new HashMap<>();
        rows("practice").forEach(r -> placeOfPractice.put(r.get("practice_code"), r.get("place_code")));
        Map<String, String> placeOfPerson = new HashMap<>();
        rows("registration")
                .forEach(r -> placeOfPerson.put(r.get("nhs_number"), placeOfPractice.get(r.get("practice_code"))));
        Map<String, Set<String>> providersByPlaceAndDataset = new HashMap<>();
        for (ReferenceCsv.Row r : rows("referral")) {
            providersByPlaceAndDataset
                    .computeIfAbsent(
                            placeOfPerson.get(r.get("nhs_number")) + " " + r.get("dataset"), k -> new TreeSet<>())
                    .add(r.get("provider_code"));
        }
        assertEquals(Set.of("RZ6"), providersByPlaceAndDataset.get("E06000901 CSDS"));
        assertEquals(Set.of("RZ6"), providersByPlaceAndDataset.get("E06000901 MHSDS"));
        assertEquals(Set.of("RZ5"), providersByPlaceAndDataset.get("E07000903 CSDS"));
        assertEquals(Set.of("RZ6"), providersByPlaceAndDataset.get("E07000903 MHSDS"));
    }

    @Test
    void noPatientLevelFileNamesAnyPlaceSiteOrProviderOfTheDefaultIcb() throws IOException {
        Set<String> defaults = new TreeSet<>();
        blmk.places().forEach(p -> defaults.add(p.code()));
        blmk.sites().forEach(s -> defaults.add(s.key()));
        blmk.places().forEach(p -> defaults.add(p.community().provider()));
        defaults.add(blmk.code());
        for (String table : List.of("practice", "lsoa", "registration", "spell", "referral", "population_projection")) {
            String text = Files.readString(data.resolve(table + ".csv"));
            for (String code : defaults) {
                assertFalse(text.matches("(?s).*\\b" + code + "\\b.*"), table + ".csv names " + code);
            }
        }
    }

    private static List<ReferenceCsv.Row> rowsOf(Path folder, String table) throws IOException {
        try (Reader in = Files.newBufferedReader(folder.resolve(table + ".csv"))) {
            return ReferenceCsv.rows(in, table);
        }
    }

    private List<ReferenceCsv.Row> rows(String table) throws IOException {
        try (Reader r = Files.newBufferedReader(data.resolve(table + ".csv"))) {
            return ReferenceCsv.rows(r, table + ".csv");
        }
    }
}
