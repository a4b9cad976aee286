package org.openphm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register map is built from a vocabulary by the stated method, and the shipped map is what it builds. */
class RegisterMapBuilderTest {
    @TempDir
    Path dir;

    /**
     * A hand-made vocabulary: 316866 Hypertensive disorder (the HYP root's concept) &lt;- 320128 Essential
     * hypertension &lt;- 9001 a made-up grandchild; 9002 is-a the root by a deprecated relationship (not followed);
     * 9003 an ICD-10 concept under the root (not SNOMED, not listed); 9004 a SNOMED concept under nothing.
     */
    private void vocabulary(boolean ancestor) throws Exception {
        Files.writeString(dir.resolve("CONCEPT.csv"), """
                concept_id,concept_name,domain_id,vocabulary_id,concept_class_id,standard_concept,concept_code,valid_start_date,valid_end_date,invalid_reason
                320128,Essential hypertension,Condition,SNOMED,Clinical Finding,S,59621000,1970-01-01,2099-12-31,
                9001,Grandchild hypertension,Condition,SNOMED,Clinical Finding,S,900100001,1970-01-01,2099-12-31,
                9002,Deprecated child,Condition,SNOMED,Clinical Finding,S,900200001,1970-01-01,2099-12-31,
                9003,Hypertension (ICD-10),Condition,ICD10,ICD10 code,,I10,1970-01-01,2099-12-31,
                9004,Unrelated finding,Condition,SNOMED,Clinical Finding,S,900400001,1970-01-01,2099-12-31,
                """);
        Files.writeString(dir.resolve("CONCEPT_RELATIONSHIP.csv"), """
                concept_id_1,concept_id_2,relationship_id,valid_start_date,valid_end_date,invalid_reason
                320128,316866,Is a,1970-01-01,2099-12-31,
                9001,320128,Is a,1970-01-01,2099-12-31,
                9002,316866,Is a,1970-01-01,2020-01-01,D
                9003,316866,Is a,1970-01-01,2099-12-31,
                """);
        Files.writeString(
                dir.resolve("CONCEPT_ANCESTOR.csv"),
                ancestor
                        ? """
                ancestor_concept_id,descendant_concept_id,min_levels_of_separation,max_levels_of_separation
                316866,9004,1,1
                """
                        : "ancestor_concept_id,descendant_concept_id,min_levels_of_separation,max_levels_of_separation\n");
    }

    @Test
    void withoutAncestorsTheClosureOfIsAIsFollowed() throws Exception {
        vocabulary(false);
        RegisterMap map = RegisterMap.parse(RegisterMapBuilder.build(dir), "built");
        assertEquals(Set.of("HYP"), map.ofCode("59621000"));
        assertEquals(Set.of("HYP"), map.ofCode("900100001"), "two levels down");
        assertEquals(Set.of(), map.ofCode("900200001"), "a deprecated relationship is not followed");
        assertEquals(Set.of(), map.ofCode("I10"), "only SNOMED CT concepts are listed");
        assertEquals(Set.of(), map.ofCode("900400001"));
        assertEquals(Set.of("HYP"), map.ofCode("38341003"), "the root itself, by code");
        assertEquals(Set.of("HYP"), map.ofConcept(9001, null));
        assertTrue(map.header().stream().anyMatch(h -> h.contains("transitive closure of 'Is a'")));
    }

    @Test
    void aPopulatedAncestorTableIsUsedInstead() throws Exception {
        vocabulary(true);
        RegisterMap map = RegisterMap.parse(RegisterMapBuilder.build(dir), "built");
        assertEquals(Set.of("HYP"), map.ofCode("900400001"));
        assertEquals(Set.of(), map.ofCode("59621000"), "CONCEPT_ANCESTOR, not 'Is a', decides");
        assertTrue(map.header().stream().anyMatch(h -> h.contains("by CONCEPT_ANCESTOR")));
    }

    @Test
    void theShippedMapIsExactlyWhatTheSampleVocabularyBuilds() throws Exception {
        Path omop = Samples.omop(dir);
        String shipped = new String(getClass()
                .getClassLoader()
                .getResourceAsStream(RegisterMap.SHIPPED)
                .readAllBytes());
        assertEquals(
                shipped,
                RegisterMapBuilder.build(omop),
                "regenerate with: phm register-map <Synthea27Nj folder> --out " + "interop/src/main/resources/"
                        + RegisterMap.SHIPPED);
        RegisterMap map = RegisterMap.shipped();
        assertTrue(map.version().startsWith("version: 1"));
        assertEquals(
                Set.of("DM"),
                map.ofCode("44054006"),
                "Type 2 diabetes mellitus is-a Diabetes mellitus in the vocabulary");
    }
}
