package org.openphm.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CodeSets;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Progress;
import org.openphm.model.Table;

/**
 * One-off measurement, not a test: writes N patients (raw NHS numbers or person_ids) with about 3 condition
 * rows each, then times the ingest. About 0.1% of patient rows carry a bad NHS number.
 * Run: java -cp <test classpath> org.openphm.ingest.IngestBenchmark DIR PATIENTS [nhs|pid]
 */
public final class IngestBenchmark {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        boolean nhs = args.length < 3 || args[2].equals("nhs");
        Path in = root.resolve("in");
        Files.createDirectories(in);
        for (Table t : CanonicalSchema.TABLES) {
            if (t.mandatory()) {
                new CsvTableWriter(in, t).close();
            }
        }
        Files.writeString(in.resolve("practice.csv"), """
                practice_code,practice_name,pcn_code,pcn_name,neighbourhood_code,neighbourhood_name,place_code,place_name,icb_code,icb_name
                E81001,Practice One,U1,PCN One,N1,Neighbourhood One,E06000032,Luton,QHG,BLMK
                """);
        Files.writeString(
                in.resolve("lsoa.csv"),
                "lsoa_code,lsoa_name,imd_decile,imd_quintile,place_code\n" + "E01000001,Luton 001A,1,1,E06000032\n");
        SplittableRandom rnd = new SplittableRandom(42);
        String[] registers = CodeSets.CONDITION.codes().keySet().toArray(new String[0]);
        String[] ids = new String[patients];
        long written = System.nanoTime();
        String idColumn = nhs ? "nhs_number" : "person_id";
        try (CsvTableWriter p = new CsvTableWriter(
                        in.resolve("patient.csv"),
                        java.util.List.of(
                                idColumn,
                                "sex",
                                "birth_month",
                                "ethnicity",
                                "lsoa",
                                "death_date",
                                "death_cause_icd10"));
                CsvTableWriter c = new CsvTableWriter(
                        in.resolve("condition.csv"),
                        java.util.List.of(idColumn, "condition", "diagnosis_date", "resolved_date"))) {
            for (int i = 0; i < patients; i++) {
                ids[i] = nhs ? nhsNumber(900_000_000 + i, rnd.nextInt(1000) == 0) : "P" + i;
                p.row(
                        ids[i],
                        rnd.nextBoolean() ? "F" : "M",
                        String.format("%d-%02d", 1930 + rnd.nextInt(90), 1 + rnd.nextInt(12)),
                        "A",
                        "E01000001",
                        null,
                        null);
                int n = rnd.nextInt(7);
                for (int k = 0; k < n; k++) {
                    c.row(
                            ids[i],
                            registers[rnd.nextInt(registers.length)],
                            LocalDate.of(2000, 1, 1).plusDays(rnd.nextInt(9000)),
                            null);
                }
            }
        }
        System.out.printf("wrote fixture in %.1f s%n", (System.nanoTime() - written) / 1e9);
        long start = System.nanoTime();
        // 9% of generated NHS numbers have check digit 10: above the default limit, but this measures the load.
        IngestResult r = Ingest.run(
                new IngestOptions(
                        in,
                        root.resolve("bench.duckdb"),
                        LocalDate.of(2025, 3, 31),
                        null,
                        null,
                        IngestOptions.ACCEPT_ANY_QUARANTINE),
                new Progress() {
                    @Override
                    public void update(String task, long done, long total) {}

                    @Override
                    public void message(String text) {
                        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - start) / 1e9, text);
                    }
                });
        System.out.printf(
                "ingest: %,d rows read, %,d loaded, %,d quarantined in %.1f s; workspace %,d bytes%n",
                r.read(), r.loaded(), r.quarantined(), (System.nanoTime() - start) / 1e9, Files.size(r.workspace()));
    }

    /** A valid NHS number built from 9 digits, or one with a wrong check digit. */
    private static String nhsNumber(int nine, boolean corrupt) {
        String d = Integer.toString(nine);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return d + "0"; // invalid by construction: check digit 10
        }
        return d + (corrupt ? (check + 1) % 10 : check);
    }
}
