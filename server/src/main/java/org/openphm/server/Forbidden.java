package org.openphm.server;

/** A signed-in user asking for what their role or scope does not allow: a 403. */
final class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
