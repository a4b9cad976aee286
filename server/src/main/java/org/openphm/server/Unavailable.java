package org.openphm.server;

/**
 * A part of the API the server has not got ready, or could not: a 503. {@code retry} when it is still being
 * prepared (the answer carries Retry-After), not when preparing it failed.
 */
final class Unavailable extends RuntimeException {
    private final boolean retry;

    Unavailable(String message, boolean retry) {
        super(message);
        this.retry = retry;
    }

    boolean retry() {
        return retry;
    }
}
