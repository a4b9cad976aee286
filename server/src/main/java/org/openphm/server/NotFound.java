package org.openphm.server;

/** A path naming something the results do not have (an indicator, analysis or table): a 404. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
