package org.openphm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.interop.RegisterMap;
import org.openphm.interop.RegisterMapBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "register-map",
        mixinStandardHelpOptions = true,
        description = {
            "Build the SNOMED CT -> condition register map from an OMOP vocabulary (CONCEPT, "
                    + "CONCEPT_RELATIONSHIP and, when populated, CONCEPT_ANCESTOR as CSV): every descendant of the named "
                    + "root concepts of each register. Review the file, then pass it to phm ingest --format ... "
                    + "--register-map FILE.",
            "Exit codes: 0 written, 2 the vocabulary cannot be read."
        })
final class RegisterMapCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "VOCABULARY",
            description = "Folder holding CONCEPT.csv and CONCEPT_RELATIONSHIP.csv")
    Path vocabulary;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The map to write (CSV with its method in comment lines)")
    Path out;

    @Override
    public Integer call() throws Exception {
        String text;
        try {
            text = RegisterMapBuilder.build(vocabulary);
        } catch (java.io.IOException e) {
            System.err.println("phm register-map: " + e.getMessage());
            return 2;
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(out, text);
        RegisterMap map = RegisterMap.read(out);
        System.out.println("Codes per register: " + map.codesPerRegister());
        System.out.println("Wrote " + out.toAbsolutePath() + " (" + map.byCode().size() + " SNOMED CT codes; "
                + map.version() + "). Review it, then: phm ingest --format omop|fhir ... --register-map " + out);
        return 0;
    }
}
