package org.openphm.engine;

/** An engine failed to run a query; the message carries the SQL so the failure can be reproduced. */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
