package io.brokergate.longport.mapping;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.TickSchedule;
import io.brokergate.longport.proto.StaticInfo;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Static info (quote cmd 10) → core {@link Instrument}. LongPort sends no tick size, so the
 * market's published schedule applies: HKEX spread table, US Rule 612, A-share 0.01, SGX tiers.
 */
public final class Instruments {

    /** SGX securities: 0.001 below S$0.20, 0.005 below S$1, 0.01 from S$1. */
    public static final TickSchedule SGX = TickSchedule.of("0", "0.001", "0.2", "0.005", "1", "0.01");

    private static final Set<String> HK_INDEXES = Set.of("HSI", "HSCEI", "HSTECH");

    private Instruments() {
    }

    public static TickSchedule ticks(Market market) {
        return switch (market) {
            case HK -> TickSchedule.HKEX;
            case US -> TickSchedule.US_EQUITY;
            case SH, SZ -> TickSchedule.CN_A_SHARE;
            case SG -> SGX;
            default -> TickSchedule.fixed(new BigDecimal("0.01"));
        };
    }

    public static Instrument fromStaticInfo(StaticInfo s, InstrumentId id) {
        BigDecimal lot = BigDecimal.valueOf(s.getLotSize() > 0 ? s.getLotSize() : 1);
        String currency = s.getCurrency().isEmpty() ? null : s.getCurrency();
        return new Instrument(id, name(s), type(s, id), currency, lot, ticks(id.market()));
    }

    private static String name(StaticInfo s) {
        if (!s.getNameEn().isEmpty()) {
            return s.getNameEn();
        }
        return !s.getNameHk().isEmpty() ? s.getNameHk() : s.getNameCn().isEmpty() ? null : s.getNameCn();
    }

    /** LongPort has no type field; the board name and the index naming conventions tell. */
    static InstrumentType type(StaticInfo s, InstrumentId id) {
        String board = s.getBoard().toUpperCase(Locale.ROOT);
        if (id.ticker().startsWith(".") || (id.market() == Market.HK && HK_INDEXES.contains(id.ticker()))
                || board.contains("INDEX")) {
            return InstrumentType.INDEX;
        }
        if (board.contains("ETF")) {
            return InstrumentType.ETF;
        }
        if (board.contains("WARRANT") || board.contains("WRNT") || board.contains("CBBC")) {
            return InstrumentType.WARRANT;
        }
        if (board.contains("OPTION")) {
            return InstrumentType.OPTION;
        }
        return InstrumentType.STOCK;
    }
}
