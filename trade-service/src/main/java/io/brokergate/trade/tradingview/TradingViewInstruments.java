package io.brokergate.trade.tradingview;

import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.TickSchedule;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.trade.orders.InstrumentRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * {@code /instruments}: the configured symbols of the markets the account's broker trades, with
 * the broker's reference data (looked up concurrently, then cached by {@link InstrumentRules}).
 * A symbol the broker does not know is left out, not an error.
 *
 * <p>{@code pipValue} must be in the account's currency; the gateway has no exchange rates, so it
 * is the tick's value per share in the instrument's own currency (exact when they are the same).
 */
@ApplicationScoped
public class TradingViewInstruments {

    private static final Logger LOG = Logger.getLogger(TradingViewInstruments.class);
    private static final long LOOKUP_TIMEOUT_MS = 10_000;

    private final InstrumentRules rules;
    private final List<InstrumentId> symbols;

    public TradingViewInstruments(InstrumentRules rules, TradingViewSettings settings) {
        this.rules = rules;
        this.symbols = settings.instruments().stream().map(s -> InstrumentId.parse(s.trim())).toList();
    }

    List<Map<String, Object>> of(Account account, Capabilities caps) {
        List<CompletableFuture<Instrument>> lookups = symbols.stream().filter(id -> caps.supports(id.market()))
                .map(id -> rules.lookup(account, id)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (CompletableFuture<Instrument> lookup : lookups) {
            try {
                Instrument i = lookup.get(LOOKUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                if (i.isTradable()) {
                    out.add(entity(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.debugf("instruments of %s: a symbol could not be described: %s", account.id(), e.getMessage());
            }
        }
        return out;
    }

    static Map<String, Object> entity(Instrument i) {
        BigDecimal minTick = i.ticks().tiers().get(0).tick();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.id().symbol());
        m.put("description", i.name());
        m.put("type", TradingViewEntities.symbolType(i.type()));
        m.put("minTick", minTick);
        m.put("pipSize", minTick);
        m.put("pipValue", minTick);
        m.put("minQty", i.lotSize());
        m.put("qtyStep", i.lotSize());
        m.put("maxQty", OrderRequest.MAX_QUANTITY);
        m.put("quoteCurrency", i.currency());
        if (i.ticks().tiers().size() > 1) {
            m.put("variableMinTick", variableMinTick(i.ticks()));
        }
        return m;
    }

    /** TradingView's tick ladder: {@code "tick0 price1 tick1 price2 tick2 …"}, each tick up to the next price. */
    static String variableMinTick(TickSchedule ticks) {
        StringBuilder s = new StringBuilder(ticks.tiers().get(0).tick().stripTrailingZeros().toPlainString());
        for (int i = 1; i < ticks.tiers().size(); i++) {
            TickSchedule.Tier t = ticks.tiers().get(i);
            s.append(' ').append(t.from().stripTrailingZeros().toPlainString())
                    .append(' ').append(t.tick().stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }
}
