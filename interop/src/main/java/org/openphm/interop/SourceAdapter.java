package org.openphm.interop;

import java.io.IOException;
import org.openphm.ingest.UnusableInputException;
import org.openphm.interop.fhir.FhirBulkAdapter;
import org.openphm.interop.omop.OmopAdapter;

/** A standard input format translated onto the canonical files, with a count of where every source row went. */
public interface SourceAdapter {

    /** The format's name as recorded in the workspace, e.g. {@code omop-cdm-5.4}. */
    String format();

    void translate(AdapterOptions options, Translating into) throws IOException, UnusableInputException;

    /** The adapter for {@code phm ingest --format NAME}. */
    static SourceAdapter named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "omop" -> new OmopAdapter();
            case "fhir" -> new FhirBulkAdapter();
            default -> throw new IllegalArgumentException("unknown --format '" + name + "': use omop or fhir");
        };
    }
}
