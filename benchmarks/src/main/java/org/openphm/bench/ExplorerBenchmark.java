package org.openphm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.server.DashboardServer;
import org.openphm.server.ImpactExplorer;
import org.openphm.stats.Percentile;

/**
 * A benchmark of the scenario explorer, not a test: one user moving sliders. The server is started over a
 * workspace, the explorer prepared, then each request moves one random lever to a random value on its slider's
 * steps (the others stay where they were) and, now and then, picks another area. It reports the time to
 * prepare and the p50 / p99 latency of a slider change from the API, round trip on loopback and the model's own
 * time on the server, against the target of {@value #TARGET_MS} ms.
 */
public final class ExplorerBenchmark {
    /** A slider change must come back within this (p99), so the answer follows the hand. */
    public static final double TARGET_MS = 200;

    static final int WARM_UP = 30;

    private ExplorerBenchmark() {}

    public record Report(Path workspace, int changes, double prepareSeconds, double[] roundTripMs, double[] serverMs) {
        public double p50() {
            return Percentile.of(sorted(roundTripMs), 0.5);
        }

        public double p99() {
            return Percentile.of(sorted(roundTripMs), 0.99);
        }

        public void print(PrintStream out) {
            out.printf(
                    "Scenario explorer over %s: prepared in %.1f s; %,d slider changes, one at a time, on "
                            + "loopback (%d cores)%n",
                    workspace.getFileName(),
                    prepareSeconds,
                    changes,
                    Runtime.getRuntime().availableProcessors());
            out.printf("  %-34s %9s %9s %9s %16s%n", "", "p50 ms", "p99 ms", "max ms", "p99 / target");
            line(out, "round trip from the API", roundTripMs);
            line(out, "model on the server (elapsed_ms)", serverMs);
            out.printf(
                    "  target: a slider change in under %.0f ms at p99: %s%n",
                    TARGET_MS, p99() < TARGET_MS ? "met" : "NOT met");
        }

        private static void line(PrintStream out, String name, double[] ms) {
            double[] s = sorted(ms);
            double p99 = Percentile.of(s, 0.99);
            out.printf(
                    "  %-34s %9.2f %9.2f %9.2f %16.3f%n",
                    name, Percentile.of(s, 0.5), p99, s[s.length - 1], p99 / TARGET_MS);
        }

        private static double[] sorted(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s;
        }
    }

    /**
     * @param buildDir  a built output directory (any: the explorer reads only the workspace)
     * @param workspace the workspace the explorer prepares from
     */
    public static Report run(Path buildDir, Path workspace, int changes, long seed) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        try (DashboardServer server = DashboardServer.start(buildDir, workspace, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> r;
            while ((r = get(http, base + ImpactExplorer.LEVERS_PATH)).statusCode() == 503
                    && r.headers().firstValue("Retry-After").isPresent()) {
                Thread.sleep(100);
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the scenario explorer did not start: " + r.body());
            }
            double prepare = (System.nanoTime() - t0) / 1e9;
            JsonNode meta = json.readTree(r.body());
            List<JsonNode> levers = new ArrayList<>();
            meta.get("levers").forEach(levers::add);
            List<String> areas = new ArrayList<>();
            meta.get("areas").forEach(a -> areas.add(a.get("code").asText()));
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, String> set = new LinkedHashMap<>();
            String area = areas.get(0);
            double[] roundTrip = new double[changes];
            double[] model = new double[changes];
            for (int i = -WARM_UP; i < changes; i++) {
                JsonNode l = levers.get(random.nextInt(levers.size()));
                double min = l.get("min").asDouble();
                double step = l.get("step").asDouble();
                int steps = (int) Math.round((l.get("max").asDouble() - min) / step);
                set.put(
                        l.get("id").asText(),
                        String.format(java.util.Locale.ROOT, "%.2f", min + step * random.nextInt(steps + 1)));
                if (random.nextInt(20) == 0) {
                    area = areas.get(random.nextInt(areas.size()));
                }
                StringBuilder url = new StringBuilder(base + ImpactExplorer.PATH + "?area=")
                        .append(URLEncoder.encode(area, StandardCharsets.UTF_8));
                set.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
                long start = System.nanoTime();
                HttpResponse<String> answer = get(http, url.toString());
                double ms = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
                }
                if (i >= 0) {
                    roundTrip[i] = ms;
                    model[i] = json.readTree(answer.body()).get("elapsed_ms").asDouble();
                }
            }
            return new Report(workspace, changes, prepare, roundTrip, model);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
