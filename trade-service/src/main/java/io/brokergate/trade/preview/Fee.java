package io.brokergate.trade.preview;

import java.math.BigDecimal;

/** One estimated charge of an order, in the instrument's currency. */
public record Fee(String name, String label, BigDecimal amount) {
}
