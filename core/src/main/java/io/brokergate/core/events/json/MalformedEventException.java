package io.brokergate.core.events.json;

/** Bytes that are not an event this code can read: unparseable, inconsistent, or of a newer incompatible version. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
