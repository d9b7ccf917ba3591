package io.brokergate.sim.accounts;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * One paper trading account: cash per currency (no FX: a US stock is paid in USD), positions with a
 * fee-inclusive average cost, realized P&L, cash frozen by open buy orders and shares reserved by open
 * sell orders. All amounts are fixed-point units ({@link FixedPoint}).
 *
 * <p>The account only books what it is told; the exchange decides what is allowed (enough cash,
 * enough shares) and how much to freeze. Not thread-safe: owned by the engine thread.
 */
public final class PaperAccount {

    private final String id;
    private Map<String, Long> initialCash;
    private final Instant createdAt;
    private final Map<String, CashLedger> cash = new TreeMap<>();
    private final Map<InstrumentId, PositionLedger> positions = new TreeMap<>();

    /** @param funding starting cash per currency; also what {@link #reset()} restores */
    public PaperAccount(String id, Map<String, BigDecimal> funding, Instant createdAt) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("account id is required");
        }
        this.id = id;
        this.createdAt = createdAt;
        this.initialCash = toUnits(funding);
        reset();
    }

    private static Map<String, Long> toUnits(Map<String, BigDecimal> funding) {
        Map<String, Long> initial = new LinkedHashMap<>();
        funding.forEach((currency, amount) -> {
            if (currency == null || currency.isBlank() || amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("funding needs a currency and a non-negative amount");
            }
            initial.put(currency, FixedPoint.toUnits(amount, RoundingMode.DOWN));
        });
        return Map.copyOf(initial);
    }

    public String id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public AccountInfo info() {
        Map<String, BigDecimal> funding = new TreeMap<>();
        initialCash.forEach((c, units) -> funding.put(c, FixedPoint.toDecimal(units)));
        return new AccountInfo(id, funding, createdAt);
    }

    /**
     * Back to the initial funding, optionally replacing it first.
     *
     * @param newFunding the new initial funding, or null to keep it
     */
    public void reset(Map<String, BigDecimal> newFunding) {
        if (newFunding != null) {
            initialCash = toUnits(newFunding);
        }
        reset();
    }

    /** Back to the initial funding: positions, frozen cash, reservations and P&L are gone. */
    public void reset() {
        cash.clear();
        positions.clear();
        initialCash.forEach((currency, units) -> cash.put(currency, new CashLedger(currency, units)));
    }

    // ---- cash ---------------------------------------------------------------------------------

    private CashLedger ledger(String currency) {
        return cash.computeIfAbsent(currency, c -> new CashLedger(c, 0));
    }

    public long cash(String currency) {
        CashLedger l = cash.get(currency);
        return l == null ? 0 : l.cash;
    }

    public long frozenCash(String currency) {
        CashLedger l = cash.get(currency);
        return l == null ? 0 : l.frozen;
    }

    /** Cash not frozen by open orders. */
    public long availableCash(String currency) {
        CashLedger l = cash.get(currency);
        return l == null ? 0 : l.available();
    }

    public long realizedPnl(String currency) {
        CashLedger l = cash.get(currency);
        return l == null ? 0 : l.realizedPnl;
    }

    /** Freezes ({@code delta > 0}) or releases cash for open buy orders. */
    public void changeFrozenCash(String currency, long delta) {
        CashLedger l = ledger(currency);
        if (l.frozen + delta < 0) {
            throw new IllegalStateException("frozen " + currency + " of " + id + " would become negative");
        }
        l.frozen += delta;
    }

    // ---- positions ----------------------------------------------------------------------------

    private PositionLedger ledger(InstrumentId instrument, String currency) {
        return positions.computeIfAbsent(instrument, i -> new PositionLedger(i, currency));
    }

    /** Signed holding in shares (negative = short). */
    public long quantity(InstrumentId instrument) {
        PositionLedger p = positions.get(instrument);
        return p == null ? 0 : p.quantity;
    }

    public long reservedQuantity(InstrumentId instrument) {
        PositionLedger p = positions.get(instrument);
        return p == null ? 0 : p.reserved;
    }

    /** Shares that new sell orders may still use: long holding minus open sells, never below zero. */
    public long availableQuantity(InstrumentId instrument) {
        PositionLedger p = positions.get(instrument);
        return p == null ? 0 : Math.max(0, p.quantity - p.reserved);
    }

    /** Reserves ({@code delta > 0}) or releases shares for open sell orders. */
    public void changeReservedQuantity(InstrumentId instrument, String currency, long delta) {
        PositionLedger p = ledger(instrument, currency);
        if (p.reserved + delta < 0) {
            throw new IllegalStateException("reserved " + instrument + " of " + id + " would become negative");
        }
        p.reserved += delta;
    }

    /** Break-even price in units (fees included), or 0 when flat. */
    public long averageCost(InstrumentId instrument) {
        PositionLedger p = positions.get(instrument);
        if (p == null || p.quantity == 0) {
            return 0;
        }
        return BigDecimal.valueOf(p.costBasis).divide(BigDecimal.valueOf(p.quantity), 0, RoundingMode.HALF_UP).longValueExact();
    }

    public long realizedPnl(InstrumentId instrument) {
        PositionLedger p = positions.get(instrument);
        return p == null ? 0 : p.realizedPnl;
    }

    /**
     * Books one execution: cash moves by the notional and the fee, the position grows (fees raise the
     * cost basis) or shrinks (realizing P&L net of the closing fee), possibly flipping sides.
     *
     * @return the realized P&L of this execution, in units
     */
    public long applyFill(InstrumentId instrument, String currency, Side side, long price, long quantity, long fee) {
        long notional = Math.multiplyExact(price, quantity);
        CashLedger c = ledger(currency);
        c.cash += side == Side.BUY ? -notional - fee : notional - fee;
        PositionLedger p = ledger(instrument, currency);
        int sign = side.sign();
        long realized = 0;
        if (p.quantity == 0 || Long.signum(p.quantity) == sign) {
            open(p, sign, notional, quantity, fee);
        } else {
            long held = Math.abs(p.quantity);
            long closing = Math.min(quantity, held);
            long basisClosed = closing == held ? p.costBasis : mulDiv(p.costBasis, closing, held);
            long closingFee = closing == quantity ? fee : mulDiv(fee, closing, quantity);
            realized = Long.signum(p.quantity) * Math.multiplyExact(price, closing) - closingFee - basisClosed;
            p.costBasis -= basisClosed;
            p.quantity += sign * closing;
            long opening = quantity - closing;
            if (opening > 0) {
                open(p, sign, Math.multiplyExact(price, opening), opening, fee - closingFee);
            }
        }
        p.realizedPnl += realized;
        c.realizedPnl += realized;
        return realized;
    }

    private static void open(PositionLedger p, int sign, long notional, long quantity, long fee) {
        // A long pays notional + fee; a short receives notional - fee: both make break-even worse.
        p.costBasis += sign > 0 ? notional + fee : -(notional - fee);
        p.quantity += sign * quantity;
    }

    private static long mulDiv(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    // ---- views --------------------------------------------------------------------------------

    /** Currencies the account holds or has held cash in. */
    public List<String> currencies() {
        return List.copyOf(cash.keySet());
    }

    /**
     * One balance per currency. Market value and unrealized P&L use {@code lastPrice} (units; 0 when
     * unknown); buying power is the available cash (no margin).
     */
    public List<Balance> balances(ToLongFunction<InstrumentId> lastPrice, Instant now) {
        List<Balance> out = new ArrayList<>(cash.size());
        for (CashLedger l : cash.values()) {
            long marketValue = 0;
            long unrealized = 0;
            for (PositionLedger p : positions.values()) {
                if (p.currency.equals(l.currency) && p.quantity != 0) {
                    long value = Math.multiplyExact(lastPrice.applyAsLong(p.instrument), p.quantity);
                    marketValue += value;
                    unrealized += value - p.costBasis;
                }
            }
            out.add(new Balance(id, l.currency, FixedPoint.toDecimal(l.cash), FixedPoint.toDecimal(l.available()),
                    FixedPoint.toDecimal(l.frozen), FixedPoint.toDecimal(l.available()), FixedPoint.toDecimal(marketValue),
                    FixedPoint.toDecimal(l.cash + marketValue), FixedPoint.toDecimal(l.realizedPnl),
                    FixedPoint.toDecimal(unrealized), now));
        }
        return out;
    }

    /** Open (non-flat) positions. */
    public List<Position> positions(ToLongFunction<InstrumentId> lastPrice) {
        List<Position> out = new ArrayList<>();
        for (PositionLedger p : positions.values()) {
            if (p.quantity != 0) {
                out.add(toPosition(p, lastPrice.applyAsLong(p.instrument)));
            }
        }
        return out;
    }

    /** The position in one instrument, flat or not; null when the account never traded it. */
    public Position position(InstrumentId instrument, long lastPrice) {
        PositionLedger p = positions.get(instrument);
        return p == null ? null : toPosition(p, lastPrice);
    }

    private Position toPosition(PositionLedger p, long last) {
        BigDecimal lastPrice = last > 0 ? FixedPoint.toDecimal(last) : null;
        BigDecimal unrealized = last > 0 ? FixedPoint.toDecimal(Math.multiplyExact(last, p.quantity) - p.costBasis) : null;
        BigDecimal average = p.quantity == 0 ? BigDecimal.ZERO : FixedPoint.toDecimal(averageCost(p.instrument));
        return new Position(id, p.instrument, FixedPoint.quantity(p.quantity),
                FixedPoint.quantity(Math.max(0, p.quantity - p.reserved)), average, lastPrice, unrealized,
                FixedPoint.toDecimal(p.realizedPnl), p.currency);
    }
}
