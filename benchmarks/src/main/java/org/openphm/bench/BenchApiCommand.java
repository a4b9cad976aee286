package org.openphm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code phm bench-api}: the dashboard API under concurrent load on loopback (a benchmark, not a test). */
@Command(
        name = "bench-api",
        mixinStandardHelpOptions = true,
        description = "Load benchmark of the dashboard API over a built pack: concurrent clients on loopback, "
                + "p50 / p99 latency per kind of request and as a ratio to a static file from the same server.")
public final class BenchApiCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            defaultValue = "demo",
            description = "The folder phm build wrote (it holds results/; default ${DEFAULT-VALUE}, from phm demo)")
    Path out;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", defaultValue = "500", description = "Requests per client (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--report", description = "Also write the table to this file")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(out.resolve("results").resolve("metadata.json"))) {
            throw new IllegalArgumentException(
                    out + " holds no built results: run phm demo, or phm build --out " + out);
        }
        if (clients < 1 || requests < 1) {
            throw new IllegalArgumentException("--clients and --requests must be at least 1");
        }
        System.out.printf(
                "Load benchmark of the API over %s: %d clients x %d requests on loopback, %d cores%n",
                out, clients, requests, Runtime.getRuntime().availableProcessors());
        LoadBenchmark.Report r = LoadBenchmark.run(out, clients, requests);
        r.print(System.out);
        BenchReport.write(report, BenchReport.printed(r::print));
        return 0;
    }
}
