package io.brokergate.longport.trading;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;

/**
 * LongPort API-key credentials ({@code app_key}, {@code app_secret}, {@code access_token});
 * {@code account_no} is informational and names the account in pushed orders.
 * {@link #toString()} never prints secrets.
 */
public record ApiCredentials(String appKey, String appSecret, String accessToken, String accountNo) {

    public static final String APP_KEY = "app_key";
    public static final String APP_SECRET = "app_secret";
    public static final String ACCESS_TOKEN = "access_token";
    public static final String ACCOUNT_NO = "account_no";

    /** @throws GatewayException UNAUTHENTICATED when a key is missing */
    public static ApiCredentials from(BrokerCredentials c) {
        try {
            String accountNo = c.secrets().get(ACCOUNT_NO);
            return new ApiCredentials(c.require(APP_KEY), c.require(APP_SECRET), c.require(ACCESS_TOKEN),
                    accountNo == null || accountNo.isBlank() ? c.connectionId() : accountNo);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ApiCredentials[appKey=" + appKey + ", accountNo=" + accountNo + "]";
    }
}
