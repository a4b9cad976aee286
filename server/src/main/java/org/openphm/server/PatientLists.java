package org.openphm.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.openphm.server.access.AuditLog;
import org.openphm.server.access.ClinicianAccess;
import org.openphm.server.access.UserStore;

/**
 * Patient-level lists for direct care (issue 13, items 4-5): a clinician signs in with their token and gets the
 * risk list of their own practice or neighbourhood, pseudonymised, and nobody else's. Every request, served or
 * refused, is written to the hash-chained audit log before the answer leaves. Lists come from the workspace table
 * {@code risk_score} ({@code phm risk score}); the workspace is opened read-only for each request, so scoring can
 * run between requests.
 */
final class PatientLists {
    static final String PATH = "/api/phm/risk-list";
    /** A list is for a team's review meeting, not an extract: at most this many rows, highest risk first. */
    static final int MAX_ROWS = 5000;

    static final List<String> STRATA = List.of("Top 0.5%", "0.5-5%", "5-20%", "Rest");
    private static final List<String> COLUMNS = List.of(
            "person_id",
            "risk_rank",
            "risk",
            "stratum",
            "age",
            "sex",
            "ltc_count",
            "emergency_12m",
            "bed_days_12m",
            "practice_code",
            "neighbourhood_code");

    private final Path workspace;
    private final ClinicianAccess access;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();

    PatientLists(Path workspace) {
        this.workspace = workspace;
        this.access = new ClinicianAccess(workspace);
        this.audit = access.audit();
    }

    void routes(RoutesConfig routes) {
        routes.get(PATH, this::riskList);
    }

    private void riskList(Context ctx) throws IOException {
        Params.only(ctx, "stratum", "area");
        Instant now = Instant.now();
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim()
                : null;
        String stratum = ctx.queryParam("stratum");
        String area = ctx.queryParam("area");
        // only a known stratum is named in the log: the raw parameter is the caller's text, not ours to record
        String what = "risk list" + (stratum != null && STRATA.contains(stratum) ? " " + stratum : "");
        UserStore.User user;
        try {
            user = access.require(token, what, area == null ? "-" : ApiErrors.shown(area, 40), now);
        } catch (ClinicianAccess.Refused e) {
            if (e.reason() == ClinicianAccess.Reason.NOT_A_CLINICIAN) {
                throw new Forbidden(e.getMessage());
            }
            throw new Unauthorized(
                    e.reason() == ClinicianAccess.Reason.NO_TOKEN
                            ? "sign in: send Authorization: Bearer <token> (phm user add)"
                            : e.getMessage());
        }
        UserStore.Scope scope = user.scope();
        if (area != null && !area.equals(scope.code())) {
            audit.append(
                    new AuditLog.Access(
                            user.name(),
                            user.role().name(),
                            "refused " + what + ": outside scope",
                            ApiErrors.shown(area, 40),
                            0),
                    now);
            throw new Forbidden("your list is for " + scope + " only");
        }
        if (stratum != null && !STRATA.contains(stratum)) {
            throw new BadRequest("stratum", "unknown stratum '" + ApiErrors.shown(stratum) + "'", STRATA);
        }
        ObjectNode body = list(scope, stratum);
        int rows = body.get("rows").size();
        // recorded before the answer leaves: an access is never served unrecorded
        audit.append(new AuditLog.Access(user.name(), user.role().name(), what, scope.toString(), rows), now);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json.writeValueAsString(body));
    }

    private ObjectNode list(UserStore.Scope scope, String stratum) {
        String column = scope.areaType().equals("practice") ? "practice_code" : "neighbourhood_code";
        String sql = "SELECT " + String.join(", ", COLUMNS) + ", index_date FROM risk_score WHERE " + column + " = ?"
                + (stratum == null ? "" : " AND stratum = ?") + " ORDER BY risk_rank LIMIT " + (MAX_ROWS + 1);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.toAbsolutePath(), readOnly);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, scope.code());
            if (stratum != null) {
                s.setString(2, stratum);
            }
            ObjectNode body = json.createObjectNode();
            body.put("scope", scope.toString());
            ArrayNode columns = body.putArray("columns");
            COLUMNS.forEach(columns::add);
            ArrayNode rows = body.putArray("rows");
            String index = null;
            int fetched = 0;
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData md = r.getMetaData();
                while (r.next() && ++fetched <= MAX_ROWS) {
                    ArrayNode row = rows.addArray();
                    for (int i = 1; i <= COLUMNS.size(); i++) {
                        Object v = r.getObject(i);
                        int type = md.getColumnType(i);
                        if (v == null) {
                            row.addNull();
                        } else if (type == java.sql.Types.DOUBLE
                                || type == java.sql.Types.FLOAT
                                || type == java.sql.Types.DECIMAL) {
                            row.add(((Number) v).doubleValue());
                        } else if (v instanceof Number n) {
                            row.add(n.longValue());
                        } else {
                            row.add(v.toString());
                        }
                    }
                    index = String.valueOf(r.getObject(COLUMNS.size() + 1));
                }
            }
            body.put("truncated", fetched > MAX_ROWS);
            body.put("index_date", index);
            return body;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("risk_score")) {
                throw new NotFound("no risk list in this workspace: score it first with phm risk score --workspace "
                        + workspace.getFileName());
            }
            throw new IllegalStateException("could not read the risk list", e);
        }
    }
}
