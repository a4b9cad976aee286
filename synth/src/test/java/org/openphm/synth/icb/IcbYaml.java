package org.openphm.synth.icb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The built-in Northmoor definition as text, for tests that change a line of it and read it back. */
public final class IcbYaml {
    private IcbYaml() {}

    public static String northmoor() throws IOException {
        try (InputStream in = SyntheticIcbDefinition.class.getResourceAsStream("northmoor.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A definition read from text, as if from a user's file my-icb.yaml. */
    public static SyntheticIcbDefinition read(String yaml) throws IOException {
        return SyntheticIcbDefinition.read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "my-icb.yaml");
    }
}
