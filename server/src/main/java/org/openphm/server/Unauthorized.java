package org.openphm.server;

/** A request for patient-level data without a valid token: a 401. */
final class Unauthorized extends RuntimeException {
    Unauthorized(String message) {
        super(message);
    }
}
