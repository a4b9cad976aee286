package org.openphm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openphm.server.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve the dashboard and REST API over a built pack (results are precomputed by phm build).")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--workspace",
            description = "A workspace whose pack was built beside it (phm demo, or "
                    + "phm build --out into the workspace's folder)")
    Path workspace;

    @Option(
            names = "--out",
            description = "The folder phm build wrote (it holds results/); default: the workspace's folder")
    Path out;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Interface to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            if (workspace == null) {
                throw new IllegalArgumentException(
                        "say what to serve: --workspace W (its pack built beside it) or --out DIR");
            }
            if (!Files.exists(workspace)) {
                throw new IllegalArgumentException(
                        workspace + " does not exist: run phm demo, or phm ingest and phm build");
            }
            out = workspace.toAbsolutePath().getParent();
        }
        if (!Files.exists(out.resolve("results").resolve("metadata.json"))) {
            throw new IllegalArgumentException(
                    out + " holds no built results: run phm build --workspace W --out " + out + " first");
        }
        DashboardServer server = DashboardServer.start(out, workspace, host, port);
        System.out.printf(
                "Dashboard: http://%s:%d/   API: http://%s:%d/api/openapi.json   (Ctrl-C to stop)%n",
                host, server.port(), host, server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        new CountDownLatch(1).await();
        return 0;
    }
}
