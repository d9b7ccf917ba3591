package io.brokergate.trade.risk;

import java.util.Locale;

/** Where a set of limits applies. Every order is checked against each scope that has limits; all must pass. */
public enum RiskScope {
    /** Every order of the tenant, whichever account or credential sent it. */
    TENANT,
    /** Every order of one account. */
    ACCOUNT,
    /** Orders sent with one API key. */
    API_KEY;

    /** Name used in rejections and the admin API ({@code api_key}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
