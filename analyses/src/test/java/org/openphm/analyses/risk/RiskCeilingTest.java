package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the ceiling file: the index date's year only, keyed by person_id, clear errors that echo no number. */
class RiskCeilingTest {
    static final LocalDate INDEX = LocalDate.of(2024, 4, 1);

    @Test
    void readsTheIndexYearAndPseudonymisesNhsNumbers(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("c.csv"), """
                nhs_number,financial_year,expected_emergency_admissions,probability
                9434765919,2023/24,0.1,0.0951625819
                9434765919,2024/25,0.2,0.1812692469
                9434765870,2024/25,0.05,0.0487705755
                """);
        Map<String, Double> truth = RiskCeiling.read(f, INDEX, () -> n -> "pid-" + n.substring(8));
        assertEquals(Map.of("pid-19", 0.1812692469, "pid-70", 0.0487705755), truth);
    }

    @Test
    void personIdFilesNeedNoKey(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("c.csv"), """
                person_id,financial_year,expected_emergency_admissions,probability
                P1,2024/25,0.2,0.18
                """);
        assertEquals(Map.of("P1", 0.18), RiskCeiling.read(f, INDEX, () -> {
            throw new IOException("the key must not be opened for a person_id file");
        }));
    }

    @Test
    void errorsNameFileLineAndFieldAndNeverTheNumber(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("c.csv"), """
                nhs_number,financial_year,expected_emergency_admissions,probability
                9434765919,2024/25,0.2,0.18
                9434765918,2024/25,0.2,0.18
                """);
        UnaryOperator<String> strict = n -> {
            if (!n.equals("9434765919")) {
                throw new IllegalArgumentException("invalid NHS number: wrong Modulus 11 check digit");
            }
            return "ok";
        };
        IOException e = assertThrows(IOException.class, () -> RiskCeiling.read(f, INDEX, () -> strict));
        assertTrue(e.getMessage().contains("c.csv line 3, field nhs_number: invalid NHS number"), e.getMessage());
        assertFalse(e.getMessage().contains("9434765918"), e.getMessage());

        Path wrong = Files.writeString(tmp.resolve("w.csv"), "nhs_number,risk\n9434765919,0.1\n");
        IOException h = assertThrows(IOException.class, () -> RiskCeiling.read(wrong, INDEX, () -> strict));
        assertTrue(
                h.getMessage().contains("not a ceiling file") && h.getMessage().contains("phm generate --ceiling"),
                h.getMessage());

        IOException y =
                assertThrows(IOException.class, () -> RiskCeiling.read(f, LocalDate.of(2019, 4, 1), () -> strict));
        assertTrue(y.getMessage().contains("no row for the financial year 2019/20"), y.getMessage());
    }
}
