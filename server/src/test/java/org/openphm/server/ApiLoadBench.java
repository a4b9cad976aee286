package org.openphm.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openphm.publish.fixture.FixtureResults;

/**
 * Load benchmark (not a test): N concurrent clients on loopback, each firing M requests over a mix of API
 * calls (results, views, tables, CSV), reporting throughput and p50/p99 latency.
 *
 * <p>Run: {@code java -cp <server test classpath> org.openphm.server.ApiLoadBench [buildDir] [clients] [requests]};
 * without a build directory it serves the test fixture.
 */
public final class ApiLoadBench {
    private ApiLoadBench() {}

    static final List<String> PATHS = List.of(
            "/api/results?indicator=qof-diabetes&area=E06000032",
            "/api/views/indicator/qof-diabetes?area=E54000024&breakdown=none",
            "/api/views/indicator/qof-hypertension?area=E54000024&breakdown=deprivation",
            "/api/views/analysis/dp-7.2-virtual-ward-occupancy",
            "/api/analyses/dp-4.7-community-referral-projections/tables/dp-4.7-community-referral-projections?format=csv",
            "/api/indicators?q=diab",
            "/api/results?indicator=qof-diabetes&breakdown=religion");

    public static void main(String[] args) throws Exception {
        Path build = args.length > 0 && !args[0].equals("-") ? Path.of(args[0])
                : FixtureResults.write(Files.createTempDirectory("openphm-bench"));
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (DashboardServer server = DashboardServer.start(build, "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port();
            // Warm-up: JIT and Jetty threads, so the measurement is the steady state a user sees.
            for (int i = 0; i < 300; i++) {
                http.send(HttpRequest.newBuilder(URI.create(base + PATHS.get(i % PATHS.size()))).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    long[] nanos = new long[requests];
                    for (int i = 0; i < requests; i++) {
                        String path = PATHS.get((client + i) % PATHS.size());
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        nanos[i] = System.nanoTime() - t0;
                        if (r.statusCode() != 200 && r.statusCode() != 400) {
                            throw new IllegalStateException(path + " -> " + r.statusCode());
                        }
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                for (long n : f.get()) {
                    all.add(n);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Collections.sort(all);
            System.out.printf("%d clients x %d requests = %d in %.2f s: %.0f req/s; latency p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms%n", clients, requests, all.size(), seconds, all.size() / seconds,
                    pct(all, 0.50), pct(all, 0.99), all.get(all.size() - 1) / 1e6);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
