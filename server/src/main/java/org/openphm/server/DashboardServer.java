package org.openphm.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.openphm.publish.results.ResultsDir;

/**
 * {@code phm serve}: the web dashboard and REST API over a built output directory. The results are loaded
 * once at start; requests only select from them (the scenario explorer re-evaluates model runs prepared at start).
 */
public final class DashboardServer implements AutoCloseable {
    /** ECharts comes from its WebJar on the classpath, never from a copy in this repository. */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    private static final String ERROR_WRITTEN = "openphm.error-written";

    /** Jetty's request-header buffer, which bounds the request line: longer URLs get a JSON 414. */
    static final int MAX_REQUEST_LINE = 8192;

    private final Javalin app;

    private DashboardServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code port} (0 picks a free one) on all interfaces; see {@link #port()}. */
    public static DashboardServer start(Path buildDir, int port) throws IOException {
        return start(buildDir, "0.0.0.0", port);
    }

    public static DashboardServer start(Path buildDir, String host, int port) throws IOException {
        return start(buildDir, null, host, port);
    }

    /**
     * @param workspace the workspace behind the pack, or null: with it, clinicians signed in with a token get their
     *                  own patients' risk list ({@link PatientLists}), every access audited, and the dashboard
     *                  gets its scenario explorer ({@link ImpactExplorer}), prepared in the background
     */
    public static DashboardServer start(Path buildDir, Path workspace, String host, int port) throws IOException {
        ResultsDir results = ResultsDir.load(buildDir);
        Api api = new Api(results);
        ObjectMapper json = new ObjectMapper();
        // prepared in the background: the dashboard and the rest of the API answer at once, the explorer when ready
        ImpactExplorer explorer = ImpactExplorer.start(workspace);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Errors Jetty raises before routing (414, a path such as /.., bad headers) get the same JSON body.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_LINE));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.routes.before(Params::checkRequest);
            config.routes.get("/", ctx -> resource(ctx, "/dashboard/index.html", "text/html; charset=utf-8"));
            config.routes.get("/app.js", ctx -> resource(ctx, "/dashboard/app.js", "text/javascript; charset=utf-8"));
            config.routes.get("/app.css", ctx -> resource(ctx, "/dashboard/app.css", "text/css; charset=utf-8"));
            config.routes.get("/echarts.min.js", ctx -> resource(ctx, ECHARTS, "text/javascript; charset=utf-8"));
            config.routes.get("/api/openapi.json", ctx -> {
                Params.only(ctx);
                resource(ctx, "/openapi.json", "application/json; charset=utf-8");
            });
            api.routes(config.routes);
            if (workspace != null) {
                new PatientLists(workspace).routes(config.routes);
            }
            explorer.routes(config.routes);
            config.routes.exception(Unauthorized.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer");
                error(ctx, json, HttpStatus.UNAUTHORIZED, e.getMessage(), null, null);
            });
            config.routes.exception(
                    Forbidden.class, (e, ctx) -> error(ctx, json, HttpStatus.FORBIDDEN, e.getMessage(), null, null));
            config.routes.exception(
                    BadRequest.class,
                    (e, ctx) -> error(ctx, json, HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter(), e.allowed()));
            config.routes.exception(Unavailable.class, (e, ctx) -> {
                if (e.retry()) {
                    ctx.header("Retry-After", "2");
                }
                error(ctx, json, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null);
            });
            config.routes.exception(
                    NotFound.class, (e, ctx) -> error(ctx, json, HttpStatus.NOT_FOUND, e.getMessage(), null, null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                org.slf4j.LoggerFactory.getLogger(DashboardServer.class)
                        .error("{} {} failed", ctx.method(), ApiErrors.shown(ctx.path(), 80), e);
                error(
                        ctx,
                        json,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal error: the server could not answer " + "this request (see its log)",
                        null,
                        null);
            });
            config.routes.error(404, ctx -> {
                // Javalin's own 404 text for unmatched paths is replaced; our NotFound bodies are kept.
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                    error(
                            ctx,
                            json,
                            HttpStatus.NOT_FOUND,
                            "no such path: " + ApiErrors.shown(ctx.path(), 80)
                                    + " (the API is described at /api/openapi.json)",
                            null,
                            null);
                }
            });
        });
        app.start(host, port);
        return new DashboardServer(app);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static void resource(Context ctx, String path, String type) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFound("missing resource " + path);
            }
            ctx.contentType(type);
            ctx.result(in.readAllBytes());
        }
    }

    private static void error(
            Context ctx,
            ObjectMapper json,
            HttpStatus status,
            String message,
            String parameter,
            java.util.List<String> allowed) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(ApiErrors.body(status.getCode(), message, parameter, allowed));
    }
}
