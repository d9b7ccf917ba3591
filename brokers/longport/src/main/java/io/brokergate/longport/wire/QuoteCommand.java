package io.brokergate.longport.wire;

/**
 * Quote socket cmds (longport.md §3.1); mirrors the generated {@code Command} enum as int
 * constants so that they can be used in {@code switch} on the raw u8. Numbers 16-18 mean
 * something else on the trade socket, see {@link TradeCommand}.
 */
public final class QuoteCommand {
    public static final int QUERY_USER_QUOTE_PROFILE = 4;
    public static final int SUBSCRIPTION = 5;
    public static final int SUBSCRIBE = 6;
    public static final int UNSUBSCRIBE = 7;
    public static final int QUERY_MARKET_TRADE_PERIOD = 8;
    public static final int QUERY_MARKET_TRADE_DAY = 9;
    public static final int QUERY_SECURITY_STATIC_INFO = 10;
    public static final int QUERY_SECURITY_QUOTE = 11;
    public static final int QUERY_OPTION_QUOTE = 12;
    public static final int QUERY_WARRANT_QUOTE = 13;
    public static final int QUERY_DEPTH = 14;
    public static final int QUERY_BROKERS = 15;
    public static final int QUERY_PARTICIPANT_BROKER_IDS = 16;
    public static final int QUERY_TRADE = 17;
    public static final int QUERY_INTRADAY = 18;
    public static final int QUERY_CANDLESTICK = 19;
    public static final int QUERY_OPTION_CHAIN_DATE = 20;
    public static final int QUERY_OPTION_CHAIN_DATE_STRIKE_INFO = 21;
    public static final int QUERY_WARRANT_ISSUER_INFO = 22;
    public static final int QUERY_WARRANT_FILTER_LIST = 23;
    public static final int QUERY_CAPITAL_FLOW_INTRADAY = 24;
    public static final int QUERY_CAPITAL_FLOW_DISTRIBUTION = 25;
    public static final int QUERY_SECURITY_CALC_INDEX = 26;
    public static final int QUERY_HISTORY_CANDLESTICK = 27;

    public static final int PUSH_QUOTE = 101;
    public static final int PUSH_DEPTH = 102;
    public static final int PUSH_BROKERS = 103;
    public static final int PUSH_TRADE = 104;

    private QuoteCommand() {
    }

    public static boolean isPush(int cmd) {
        return cmd >= PUSH_QUOTE && cmd <= PUSH_TRADE;
    }

    /** Human-readable name for logs; never throws. */
    public static String name(int cmd) {
        if (ControlCommand.isControl(cmd)) {
            return ControlCommand.name(cmd);
        }
        return switch (cmd) {
            case QUERY_USER_QUOTE_PROFILE -> "QueryUserQuoteProfile";
            case SUBSCRIPTION -> "Subscription";
            case SUBSCRIBE -> "Subscribe";
            case UNSUBSCRIBE -> "Unsubscribe";
            case QUERY_MARKET_TRADE_PERIOD -> "QueryMarketTradePeriod";
            case QUERY_MARKET_TRADE_DAY -> "QueryMarketTradeDay";
            case QUERY_SECURITY_STATIC_INFO -> "QuerySecurityStaticInfo";
            case QUERY_SECURITY_QUOTE -> "QuerySecurityQuote";
            case QUERY_OPTION_QUOTE -> "QueryOptionQuote";
            case QUERY_WARRANT_QUOTE -> "QueryWarrantQuote";
            case QUERY_DEPTH -> "QueryDepth";
            case QUERY_BROKERS -> "QueryBrokers";
            case QUERY_PARTICIPANT_BROKER_IDS -> "QueryParticipantBrokerIds";
            case QUERY_TRADE -> "QueryTrade";
            case QUERY_INTRADAY -> "QueryIntraday";
            case QUERY_CANDLESTICK -> "QueryCandlestick";
            case QUERY_OPTION_CHAIN_DATE -> "QueryOptionChainDate";
            case QUERY_OPTION_CHAIN_DATE_STRIKE_INFO -> "QueryOptionChainDateStrikeInfo";
            case QUERY_WARRANT_ISSUER_INFO -> "QueryWarrantIssuerInfo";
            case QUERY_WARRANT_FILTER_LIST -> "QueryWarrantFilterList";
            case QUERY_CAPITAL_FLOW_INTRADAY -> "QueryCapitalFlowIntraday";
            case QUERY_CAPITAL_FLOW_DISTRIBUTION -> "QueryCapitalFlowDistribution";
            case QUERY_SECURITY_CALC_INDEX -> "QuerySecurityCalcIndex";
            case QUERY_HISTORY_CANDLESTICK -> "QueryHistoryCandlestick";
            case PUSH_QUOTE -> "PushQuote";
            case PUSH_DEPTH -> "PushDepth";
            case PUSH_BROKERS -> "PushBrokers";
            case PUSH_TRADE -> "PushTrade";
            default -> "cmd" + cmd;
        };
    }
}
