package org.openphm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.SchemaDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", description = "Write the canonical data model (tables, columns, code sets) as Markdown.")
final class SchemaCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            description = "File to write (default: ${DEFAULT-VALUE})",
            defaultValue = "docs/DATA_MODEL.generated.md")
    Path out;

    @Override
    public Integer call() throws Exception {
        SchemaDocument.write(out);
        System.out.printf(
                "Wrote the canonical data model (schema version %d, %d tables) to %s%n",
                CanonicalSchema.VERSION, CanonicalSchema.TABLES.size(), out.toAbsolutePath());
        return 0;
    }
}
