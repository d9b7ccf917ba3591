package io.brokergate.trade.orders;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.trade.book.AccountBooks;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * Closes a position, wholly or in part, with a market order on the opposite side through the
 * ordinary place path: instrument rules (whole lots), risk limits, idempotency record, journal.
 */
@ApplicationScoped
public class PositionClosing {

    private final AccountBooks books;
    private final OrderDesk desk;

    public PositionClosing(AccountBooks books, OrderDesk desk) {
        this.books = books;
        this.desk = desk;
    }

    /** @param amount how much to close; null closes the whole position */
    public PlaceResult close(RequestOrigin origin, Account account, InstrumentId instrument, BigDecimal amount) {
        Position position = books.reconciled(account).positions().stream().filter(p -> p.instrument().equals(instrument))
                .findFirst().orElseThrow(() -> GatewayException.notFound("There is no open position in " + instrument.symbol()));
        BigDecimal held = position.quantity().abs();
        BigDecimal quantity = amount == null ? held : amount;
        if (quantity.signum() <= 0) {
            throw GatewayException.invalid("the amount to close must be positive");
        }
        if (quantity.compareTo(held) > 0) {
            throw GatewayException.invalid("the amount to close (" + quantity.stripTrailingZeros().toPlainString()
                    + ") is larger than the position (" + held.stripTrailingZeros().toPlainString() + ")");
        }
        Side side = position.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        return desk.place(origin, account, new OrderRequest(account.id(), OrderDesk.newClientOrderId(), instrument, side,
                OrderType.MARKET, quantity, null, null, null, null, TimeInForce.DAY, null, false));
    }
}
