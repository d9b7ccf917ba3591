package io.brokergate.trade.risk;

/** A database failure of the risk tables; the message names the operation, never data. */
public class RiskStoreException extends RuntimeException {
    public RiskStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
