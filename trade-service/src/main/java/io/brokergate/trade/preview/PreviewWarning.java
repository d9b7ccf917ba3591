package io.brokergate.trade.preview;

/**
 * Something the trader should know before sending the order.
 *
 * @param code     stable name ({@code lot_size}, {@code insufficient_buying_power}, ...)
 * @param blocking true when placing the order as it is would be refused by the gateway itself
 */
public record PreviewWarning(String code, String message, boolean blocking) {

    static PreviewWarning info(String code, String message) {
        return new PreviewWarning(code, message, false);
    }

    static PreviewWarning blocking(String code, String message) {
        return new PreviewWarning(code, message, true);
    }
}
