package io.brokergate.auth.tenants;

/** A database failure in one of auth-service's stores; the message names the operation, never data. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
