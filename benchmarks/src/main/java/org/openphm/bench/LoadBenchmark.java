package org.openphm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openphm.model.AreaType;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata.AnalysisInfo;
import org.openphm.model.results.PackMetadata.IndicatorInfo;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.ResultsDir;
import org.openphm.server.Breakdowns;
import org.openphm.server.DashboardServer;

/**
 * A load benchmark of the dashboard's API, not a test: concurrent clients on loopback, each sending a mix of the
 * requests the dashboard makes (indicator and analysis views for every area type and breakdown, tidy results,
 * analysis tables as CSV, search, a bad parameter), drawn from the build being served. It reports throughput
 * and p50 / p99 latency per kind of request, each also as a ratio to the baseline measured in the same run: a
 * static file from the same server, which costs the HTTP stack and nothing of ours.
 */
public final class LoadBenchmark {
    /** A kind of request and the paths of that kind; the first kind is the baseline. */
    record Kind(String name, List<String> paths, int expectedStatus) {}

    /** Latency of one kind, in milliseconds. */
    record Latency(String kind, int requests, double p50, double p99, double max) {}

    /** What one run measured. */
    public record Report(int clients, int requestsPerClient, double seconds, List<Latency> kinds) {
        public Latency overall() {
            return kinds.stream()
                    .filter(k -> k.kind().equals("all API requests"))
                    .findFirst()
                    .orElseThrow();
        }

        public void print(PrintStream out) {
            int sent = clients * requestsPerClient;
            out.printf(
                    "%d clients x %d requests = %,d requests in %.1f s: %,.0f requests/s%n",
                    clients, requestsPerClient, sent, seconds, sent / seconds);
            Latency base = kinds.get(0);
            out.printf("  %-28s %8s %9s %9s %9s %12s%n", "request", "n", "p50 ms", "p99 ms", "max ms", "p99 / base");
            for (Latency k : kinds) {
                out.printf(
                        "  %-28s %,8d %9.2f %9.2f %9.2f %12.1f%n",
                        k.kind(), k.requests(), k.p50(), k.p99(), k.max(), k.p99() / base.p99());
            }
        }
    }

    private LoadBenchmark() {}

    /** The request mix for a build: every kind the dashboard sends, over its real indicators, areas and analyses. */
    static List<Kind> kinds(ResultsDir results) {
        List<IndicatorInfo> indicators = results.metadata().indicators();
        List<AnalysisInfo> analyses = results.metadata().analyses();
        List<Area> areas = results.areas().stream()
                .filter(a -> !AreaType.ENGLAND.label().equals(a.type()))
                .toList();
        java.util.Set<String> areaCodes = areas.stream().map(Area::code).collect(java.util.stream.Collectors.toSet());
        List<String> indicatorViews = new ArrayList<>();
        List<String> resultRows = new ArrayList<>();
        String[] breakdowns = Breakdowns.NAMES.toArray(new String[0]);
        for (int i = 0; i < Math.min(indicators.size(), 40); i++) {
            String id = indicators.get(i).id();
            // an area this indicator is published for (some are not computed for PCNs or practices)
            List<String> published = results.indicator(id).distinct(IndicatorColumns.AREA_CODE).stream()
                    .filter(areaCodes::contains)
                    .toList();
            if (published.isEmpty()) {
                continue;
            }
            String area = published.get((i * 31) % published.size());
            indicatorViews.add(
                    "/api/views/indicator/" + id + "?area=" + area + "&breakdown=" + breakdowns[i % breakdowns.length]);
            resultRows.add("/api/results?indicator=" + id + "&area=" + area);
        }
        List<String> analysisViews = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<Area> local = areas.stream().filter(a -> !"ICB".equals(a.type())).toList();
        for (int i = 0; i < analyses.size(); i++) {
            AnalysisInfo a = analyses.get(i);
            analysisViews.add("/api/views/analysis/" + a.id());
            // and cut to a Place, neighbourhood, PCN or practice, as the area selector asks for it
            if (!local.isEmpty()) {
                analysisViews.add("/api/views/analysis/" + a.id() + "?area="
                        + local.get((i * 17) % local.size()).code());
            }
            a.tables().stream()
                    .findFirst()
                    .ifPresent(t -> tables.add("/api/analyses/" + a.id() + "/tables/" + t.name() + "?format=csv"));
        }
        String someIndicator = indicators.isEmpty() ? "none" : indicators.get(0).id();
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("baseline: static file", List.of("/app.css"), 200));
        kinds.add(new Kind("indicator view", indicatorViews, 200));
        kinds.add(new Kind("analysis view", analysisViews, 200));
        kinds.add(new Kind("tidy results", resultRows, 200));
        kinds.add(new Kind("analysis table as CSV", tables, 200));
        kinds.add(new Kind(
                "indicator search",
                List.of("/api/indicators?q=prevalence", "/api/indicators?q=admission", "/api/indicators?q=zzz"),
                200));
        kinds.add(new Kind(
                "bad parameter (400)",
                List.of("/api/results?indicator=" + someIndicator + "&breakdown=religion"),
                400));
        return kinds.stream().filter(k -> !k.paths().isEmpty()).toList();
    }

    /**
     * Serves {@code buildDir} on a free loopback port and runs the mix: every client sends {@code requests}
     * requests, one kind after another in turn, after a warm-up that visits every path once (the views a user
     * opens first are drawn and cached; the benchmark measures what follows).
     *
     * @throws IllegalStateException if any request gets a status other than the one its kind expects
     */
    public static Report run(Path buildDir, int clients, int requests) throws Exception {
        try (DashboardServer server = DashboardServer.start(buildDir, "127.0.0.1", 0)) {
            List<Kind> kinds = kinds(ResultsDir.load(buildDir));
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.port();
            for (Kind k : kinds) {
                for (String p : k.paths()) {
                    send(http, base, k, p);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Map<String, List<Long>>>> futures = new ArrayList<>();
                long start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        Map<String, List<Long>> nanos = new LinkedHashMap<>();
                        for (int i = 0; i < requests; i++) {
                            Kind k = kinds.get((client + i) % kinds.size());
                            String p = k.paths()
                                    .get(((client * 7919) + i) % k.paths().size());
                            long t0 = System.nanoTime();
                            send(http, base, k, p);
                            nanos.computeIfAbsent(k.name(), x -> new ArrayList<>())
                                    .add(System.nanoTime() - t0);
                        }
                        return nanos;
                    }));
                }
                Map<String, List<Long>> all = new LinkedHashMap<>();
                kinds.forEach(k -> all.put(k.name(), new ArrayList<>()));
                List<Long> api = new ArrayList<>();
                for (Future<Map<String, List<Long>>> f : futures) {
                    f.get().forEach((kind, ns) -> {
                        all.get(kind).addAll(ns);
                        if (!kind.equals(kinds.get(0).name())) {
                            api.addAll(ns);
                        }
                    });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                List<Latency> out = new ArrayList<>();
                all.forEach((kind, ns) -> {
                    if (!ns.isEmpty()) {
                        out.add(latency(kind, ns));
                    }
                });
                out.add(latency("all API requests", api));
                return new Report(clients, requests, seconds, out);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void send(HttpClient http, String base, Kind k, String path)
            throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != k.expectedStatus()) {
            throw new IllegalStateException(
                    k.name() + ": " + path + " answered " + r.statusCode() + ", expected " + k.expectedStatus());
        }
    }

    static Latency latency(String kind, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latency(
                kind,
                sorted.size(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Nearest-rank percentile (the smallest value with at least p of the values at or below it), in ms. */
    static double percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)) / 1e6;
    }
}
