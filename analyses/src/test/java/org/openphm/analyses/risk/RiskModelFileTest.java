package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved model: exact round trip of every coefficient, refused when it does not fit this version's features. */
class RiskModelFileTest {
    static RiskModel.Model model() {
        List<String> features =
                RiskFeatures.all().stream().map(RiskFeatures.Feature::name).toList();
        double[] beta = new double[features.size() + 1];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = Math.sin(j + 1) / 3 + 1e-17 * j; // digits a decimal round trip could lose
        }
        return new RiskModel.Model(features, beta, 12_345, 678);
    }

    @Test
    void coefficientsAndValidationRoundTripExactly(@TempDir Path tmp) throws IOException {
        Path file = RiskModelFile.beside(tmp.resolve("phm.duckdb"));
        assertEquals(tmp.resolve("phm.risk-model.json"), file);
        RiskModelFile.Validation v = new RiskModelFile.Validation(
                LocalDate.of(2024, 4, 1), 1000, 80, 0.67, 0.66, 0.68, 0.53, -0.01, 0.99, 0.07, 1.01);
        RiskModelFile.Saved saved = new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, v);
        RiskModelFile.write(file, saved);
        RiskModelFile.Saved back = RiskModelFile.read(file);
        assertArrayEquals(saved.model().coefficients(), back.model().coefficients(), 0.0);
        assertEquals(saved.model().features(), back.model().features());
        assertEquals(12_345, back.model().trainedOn());
        assertEquals(LocalDate.of(2023, 4, 1), back.trainedAt());
        assertEquals(v, back.validation());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aModelOfOtherFeaturesOrABrokenFileIsRefusedWithWhatToDo(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("m.json");
        RiskModelFile.write(file, new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, null));
        Files.writeString(file, Files.readString(file).replace("\"age_decades\"", "\"age_years\""));
        IOException e = assertThrows(IOException.class, () -> RiskModelFile.read(file));
        assertTrue(
                e.getMessage().contains("other features") && e.getMessage().contains("phm risk train"), e.getMessage());

        Files.writeString(file, "{\"format\": 1, \"model\": ");
        IOException broken = assertThrows(IOException.class, () -> RiskModelFile.read(file));
        assertTrue(broken.getMessage().contains("m.json is not a readable risk model"), broken.getMessage());
    }
}
