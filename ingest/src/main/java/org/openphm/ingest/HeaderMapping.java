package org.openphm.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Column;
import org.openphm.model.Table;
import org.openphm.model.WorkspaceLayout;

/**
 * Which file column feeds which canonical column. Names match case-insensitively; column order in the file
 * is free; extra columns are ignored with a warning; absent optional columns load as empty.
 *
 * @param width       fields a record must have: the header's, without empty trailing names (longer records
 *                    are accepted when the surplus fields are empty)
 * @param sourceIndex for each canonical column (schema order) its index in the file, or -1
 * @param nhsIndex    index of the nhs_number column when identifiers are raw NHS numbers, else -1
 * @param refIndex    index of the lineage column {@link WorkspaceLayout#SOURCE_REF_COLUMN} an adapter writes, else -1
 */
record HeaderMapping(
        InputFile file, int width, int[] sourceIndex, IdentifierMode identifiers, int nhsIndex, int refIndex) {

    static HeaderMapping of(InputFile file, List<String> header, List<String> warnings) throws UnusableInputException {
        Table table = file.table();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue; // trailing comma on the header line
            }
            if (byName.put(name, i) != null) {
                String shownName = NhsNumber.maskAll(name);
                throw new UnusableInputException(
                        file.name(),
                        1,
                        shownName,
                        "column '" + shownName + "' appears twice in the header",
                        "keep one column of that name");
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : byName.keySet()) {
            boolean raw = name.equals(CanonicalSchema.NHS_NUMBER) && table.isPersonLinked();
            if (table.column(name).isEmpty() && !raw && !name.equals(WorkspaceLayout.SOURCE_REF_COLUMN)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            warnings.add(file.name() + ": column(s) " + NhsNumber.maskAll(String.join(", ", unknown))
                    + " are not in the schema; ignored");
        }

        IdentifierMode mode = IdentifierMode.NONE;
        int nhs = -1;
        if (table.isPersonLinked()) {
            boolean hasId = byName.containsKey(CanonicalSchema.PERSON_ID);
            boolean hasNhs = byName.containsKey(CanonicalSchema.NHS_NUMBER);
            if (hasId && hasNhs) {
                throw new UnusableInputException(
                        file.name(),
                        1,
                        CanonicalSchema.NHS_NUMBER,
                        "the file carries both person_id and nhs_number",
                        "supply one identifier: nhs_number (raw, pseudonymised at ingest) or person_id (already pseudonymised)");
            }
            mode = hasNhs ? IdentifierMode.NHS_NUMBER : IdentifierMode.PERSON_ID;
            if (hasNhs) {
                nhs = byName.get(CanonicalSchema.NHS_NUMBER);
            }
        }

        int[] index = new int[table.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < index.length; c++) {
            Column col = table.columns().get(c);
            Integer i = byName.get(col.name());
            index[c] = i == null ? -1 : i;
            boolean suppliedAsNhs = col.name().equals(CanonicalSchema.PERSON_ID) && mode == IdentifierMode.NHS_NUMBER;
            if (i == null && col.required() && !suppliedAsNhs) {
                missing.add(col.name().equals(CanonicalSchema.PERSON_ID) ? "person_id (or nhs_number)" : col.name());
            }
        }
        if (!missing.isEmpty() && looksLikeData(header)) {
            // Echoing a data line would print a patient's identifiers; naming the fault is enough.
            throw new UnusableInputException(
                    file.name(),
                    1,
                    null,
                    "the first line looks like data, not a header: the file needs a header line naming its columns",
                    "add a first line naming the columns: " + String.join(", ", table.columnNames())
                            + (table.isPersonLinked() ? " (nhs_number instead of person_id for raw NHS numbers)" : "")
                            + "; see " + InputFolder.SCHEMA_DOC);
        }
        if (!missing.isEmpty()) {
            throw new UnusableInputException(
                    file.name(),
                    1,
                    missing.get(0),
                    "missing required column" + (missing.size() > 1 ? "s " : " ") + "'" + String.join("', '", missing)
                            + "'" + " (header: " + shown(String.join(",", header)) + ")",
                    "the expected columns are " + String.join(", ", table.columnNames()) + "; see "
                            + InputFolder.SCHEMA_DOC);
        }
        // A trailing comma on the header line alone must not make every record one field short.
        int width = header.size();
        while (width > 0 && header.get(width - 1).isBlank()) {
            width--;
        }
        return new HeaderMapping(
                file, width, index, mode, nhs, byName.getOrDefault(WorkspaceLayout.SOURCE_REF_COLUMN, -1));
    }

    /** Column names start with a letter; a first line with a cell starting with a digit is a record. */
    private static boolean looksLikeData(List<String> header) {
        return header.stream().map(String::strip).anyMatch(c -> !c.isEmpty() && Character.isDigit(c.charAt(0)));
    }

    /** Header text as it may appear in a message: NHS numbers masked, then cut to a readable length. */
    private static String shown(String s) {
        String masked = NhsNumber.maskAll(s);
        return masked.length() <= 200 ? masked : masked.substring(0, 200) + "…";
    }
}
