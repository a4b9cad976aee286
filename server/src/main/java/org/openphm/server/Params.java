package org.openphm.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Request checks shared by every endpoint: unknown, repeated, empty, over-long and malformed parameters and
 * unknown values are 400s, never ignored. Error messages quote request text only through {@link ApiErrors#shown}.
 */
final class Params {
    private Params() {}

    static final List<String> FORMATS = List.of("json", "csv");

    /** The longest parameter value taken (area codes, ids and search text are far shorter). */
    static final int MAX_VALUE = 200;

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?i)^(\\.|%2e){1,2}$");

    /**
     * Checks every request before routing: no {@code .} or {@code ..} path segments (plain or percent-encoded;
     * Jetty refuses those that climb above the root, the rest would otherwise reach Javalin unresolved), and no
     * malformed percent-encoding in the query (which would fail when the query is decoded).
     */
    static void checkRequest(Context ctx) {
        String uri = ctx.req().getRequestURI();
        if (uri != null) {
            for (String segment : uri.split("/", -1)) {
                if (DOT_SEGMENT.matcher(segment).matches()) {
                    throw new BadRequest(
                            null,
                            "the path may not contain '.' or '..' segments: use the path "
                                    + "itself, e.g. /api/sections",
                            List.of());
                }
            }
        }
        String query = ctx.queryString();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (BAD_ESCAPE.matcher(pair).find()) {
                String shownName = BAD_ESCAPE.matcher(name).find() ? ApiErrors.shown(name) : decoded(name);
                throw new BadRequest(
                        shownName,
                        "parameter '" + shownName + "' is not correctly percent-encoded: "
                                + "'%' must be followed by two hexadecimal digits (write a literal % as %25)",
                        List.of());
            }
        }
    }

    private static String decoded(String name) {
        return ApiErrors.shown(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Rejects parameters the endpoint does not take (a typo silently ignored would return the wrong data),
     * parameters given more than once, and values over {@link #MAX_VALUE} characters.
     */
    static void only(Context ctx, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
            String name = p.getKey();
            if (!ok.contains(name)) {
                String shown = ApiErrors.shown(name);
                throw new BadRequest(
                        shown,
                        allowed.length == 0
                                ? "unknown parameter '" + shown + "': this path takes no parameters"
                                : "unknown parameter '" + shown + "'",
                        List.of(allowed));
            }
            if (p.getValue().size() > 1) {
                throw new BadRequest(
                        name,
                        "parameter '" + name + "' is given " + p.getValue().size() + " times: give it once",
                        List.of());
            }
            String v = p.getValue().get(0);
            if (v != null && v.length() > MAX_VALUE) {
                throw new BadRequest(
                        name,
                        "the value of '" + name + "' is too long (" + v.length() + " characters; at most " + MAX_VALUE
                                + "): '" + ApiErrors.shown(v) + "'",
                        List.of());
            }
        }
    }

    /** A free-text value; null when absent, a 400 when given empty. */
    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v != null && v.isEmpty()) {
            throw new BadRequest(name, "parameter '" + name + "' is empty: give a value or leave it out", List.of());
        }
        return v;
    }

    /** The value, which must be one of {@code allowed}; {@code fallback} when absent, a 400 when empty. */
    static String oneOf(Context ctx, String name, List<String> allowed, String fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        if (v.isEmpty()) {
            throw new BadRequest(
                    name,
                    "parameter '" + name + "' is empty: give one of the allowed values or leave " + "it out",
                    allowed);
        }
        if (!allowed.contains(v)) {
            throw new BadRequest(name, "'" + ApiErrors.shown(v) + "' is not a valid " + name, allowed);
        }
        return v;
    }

    static String format(Context ctx) {
        return oneOf(ctx, "format", FORMATS, "json");
    }

    /** {@code chart} picks the rows of one chart of a CSV download: with the JSON view it is a 400, not ignored. */
    static void chartOnlyWithCsv(Context ctx) {
        if (ctx.queryParam("chart") != null && !"csv".equals(format(ctx))) {
            throw new BadRequest(
                    "chart",
                    "parameter 'chart' applies only with format=csv (the JSON view has " + "every chart)",
                    List.of());
        }
    }

    static int index(Context ctx, String name, int size) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return 0;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException e) {
            // fall through to the 400 below
        }
        throw new BadRequest(
                name, "'" + ApiErrors.shown(v) + "' is not a valid " + name + ": use 0 to " + (size - 1), List.of());
    }
}
