package org.openphm.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Query-parameter checks shared by every endpoint: unknown parameters and values are 400s, never ignored. */
final class Params {
    private Params() {}

    static final List<String> FORMATS = List.of("json", "csv");

    /** Rejects parameters the endpoint does not take (a typo silently ignored would return the wrong data). */
    static void only(Context ctx, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!ok.contains(name)) {
                throw new BadRequest(name, "unknown parameter '" + name + "'", List.of(allowed));
            }
        }
    }

    /** The value, which must be one of {@code allowed}; {@code fallback} when absent. */
    static String oneOf(Context ctx, String name, List<String> allowed, String fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            throw new BadRequest(name, "'" + v + "' is not a valid " + name, allowed);
        }
        return v;
    }

    static String format(Context ctx) {
        return oneOf(ctx, "format", FORMATS, "json");
    }

    static int index(Context ctx, String name, int size) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
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
        throw new BadRequest(name, "'" + v + "' is not a valid " + name + ": use 0 to " + (size - 1), List.of());
    }
}
