package io.brokergate.trade.risk;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The failures admit() throws. Every detail starts with {@code risk limit <name> (<scope>)} so a
 * client (and the TradingView facade's errmsg) can tell which limit stopped the order. Built only
 * on the rejection path: the accepting path allocates none of this.
 */
final class RiskRejections {

    private RiskRejections() {
    }

    static GatewayException rejected(String limit, RiskScope scope, String detail) {
        return new GatewayException(ErrorCode.RISK_REJECTED, prefix(limit, scope) + detail);
    }

    static GatewayException rateLimited(RiskScope scope, OrderRate rate, long waitMillis) {
        return new GatewayException(ErrorCode.RATE_LIMITED, prefix("order_rate", scope) + rate.limit() + " orders per "
                + duration(rate.windowMillis()) + " reached; retry in " + duration(waitMillis), Duration.ofMillis(waitMillis));
    }

    static GatewayException killSwitch(KillSwitch engaged) {
        RiskScope scope = engaged.accountId() == null ? RiskScope.TENANT : RiskScope.ACCOUNT;
        String what = engaged.accountId() == null ? "every account of the tenant" : "account " + engaged.accountId();
        String why = engaged.reason() == null ? "" : ": " + engaged.reason();
        return rejected("kill_switch", scope, "trading is halted for " + what + why);
    }

    private static String prefix(String limit, RiskScope scope) {
        return "risk limit " + limit + " (" + scope.wireName() + "): ";
    }

    /** {@code 1250000.50} as {@code 1,250,000.5}: grouped, without trailing zeros, never in exponent form. */
    static String amount(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + out + (dot < 0 ? "" : digits.substring(dot));
    }

    /** {@code 1 s}, {@code 60 s}, {@code 250 ms}. */
    static String duration(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
