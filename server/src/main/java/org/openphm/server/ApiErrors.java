package org.openphm.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openphm.ingest.NhsNumber;

/**
 * The one error body of the API ({@code components.schemas.Error} in openapi.json), written alike by Javalin's
 * exception handlers and by Jetty's error handler, and the rule for quoting request text in it.
 */
final class ApiErrors {
    private ApiErrors() {}

    /** At most this many characters of a request value are quoted in an error message. */
    static final int SHOWN = 30;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Any run of ten or more digits, however separated (not only valid NHS numbers): cut to its first three. */
    private static final Pattern LONG_DIGITS = Pattern.compile("[0-9](?:[ .-]?[0-9]){9,}");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * What an error message may quote of a request value: NHS numbers (and any ten-digit run) masked to their
     * first three digits, control characters dropped, and cut to {@value #SHOWN} characters.
     */
    static String shown(String raw) {
        return shown(raw, SHOWN);
    }

    static String shown(String raw, int max) {
        if (raw == null) {
            return "";
        }
        String s = NhsNumber.maskAll(raw);
        s = LONG_DIGITS.matcher(s).replaceAll(m -> m.group().substring(0, 3) + "*******");
        s = CONTROL.matcher(s).replaceAll("?");
        return s.length() <= max ? s : s.substring(0, max) + "\u2026";
    }

    /** The JSON error body: status, error, and parameter and allowed when known. */
    static String body(int status, String message, String parameter, List<String> allowed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        if (allowed != null && !allowed.isEmpty()) {
            body.put("allowed", allowed);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + status + ",\"error\":\"error " + status + "\"}";
        }
    }
}
