package org.openphm.server;

import java.util.List;

/** A request the API cannot answer as asked: becomes a 400 naming the parameter and what is allowed. */
final class BadRequest extends RuntimeException {
    private final String parameter;
    private final List<String> allowed;

    BadRequest(String parameter, String message, List<String> allowed) {
        super(message);
        this.parameter = parameter;
        this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    String parameter() {
        return parameter;
    }

    List<String> allowed() {
        return allowed;
    }
}
