package org.openphm.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.model.WorkspaceLayout;

class ContentFingerprintsTest {

    private static Map<String, String> meta() {
        Map<String, String> meta = new HashMap<>();
        meta.put(WorkspaceLayout.META_SCHEMA_VERSION, "7");
        meta.put("as_of", "2025-03-31");
        meta.put("identifiers", "person_id");
        for (String t : new String[] {"practice", "lsoa", "patient", "registration", "detention", "workforce"}) {
            meta.put("file." + t + ".sha256", "sha-of-" + t);
            meta.put("file." + t + ".rows", "10");
        }
        return meta;
    }

    private static String content(Map<String, String> fingerprints, String table) {
        return fingerprints.get(WorkspaceLayout.contentKey(table));
    }

    @Test
    void aTableChangesWithItsFileAndWithTheParentsItIsCheckedAgainst() {
        Map<String, String> before = ContentFingerprints.of(meta());

        Map<String, String> detentionChanged = meta();
        detentionChanged.put("file.detention.sha256", "another");
        Map<String, String> after = ContentFingerprints.of(detentionChanged);
        assertNotEquals(content(before, "detention"), content(after, "detention"));
        assertEquals(content(before, "patient"), content(after, "patient"));
        assertEquals(content(before, "registration"), content(after, "registration"));

        // a patient file's change decides which person-linked rows are orphans: they change with it
        Map<String, String> patientChanged = meta();
        patientChanged.put("file.patient.sha256", "another");
        Map<String, String> afterPatient = ContentFingerprints.of(patientChanged);
        assertNotEquals(content(before, "detention"), content(afterPatient, "detention"));
        assertNotEquals(content(before, "registration"), content(afterPatient, "registration"));
        assertEquals(content(before, "workforce"), content(afterPatient, "workforce"));
        assertEquals(content(before, "practice"), content(afterPatient, "practice"));

        // registrations are checked against practices, patients against LSOAs
        Map<String, String> lsoaChanged = meta();
        lsoaChanged.put("file.lsoa.sha256", "another");
        Map<String, String> afterLsoa = ContentFingerprints.of(lsoaChanged);
        assertNotEquals(content(before, "patient"), content(afterLsoa, "patient"));
        assertNotEquals(content(before, "detention"), content(afterLsoa, "detention"));
        assertEquals(content(before, "workforce"), content(afterLsoa, "workforce"));

        // what every row is checked and pseudonymised with
        Map<String, String> anotherDay = meta();
        anotherDay.put("as_of", "2025-04-01");
        assertNotEquals(content(before, "workforce"), content(ContentFingerprints.of(anotherDay), "workforce"));
    }
}
