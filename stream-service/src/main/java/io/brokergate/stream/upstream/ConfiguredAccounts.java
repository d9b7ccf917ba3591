package io.brokergate.stream.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts a standalone stream-service owns from configuration
 * ({@code brokergate.stream.owned-accounts.<gateway account id>.*}, env
 * {@code BROKERGATE_STREAM_OWNED_ACCOUNTS_<ID>_*}): a one-pod deployment with a LongPort login,
 * or the load generator's paper account, or every pod of a cluster (the same list everywhere; each
 * pod opens those of its shards). Empty by default: the pod owns nothing. All-in-one reads its
 * accounts from auth-service's store instead.
 */
@ConfigMapping(prefix = "brokergate.stream.owned-accounts")
public interface ConfiguredAccounts {

    @WithParentName
    Map<String, Entry> accounts();

    interface Entry {

        String tenant();

        /** {@code longport} or {@code paper} (the paper exchange speaks LongPort). */
        @WithDefault("longport")
        String broker();

        /** The broker's account number. */
        String accountNo();

        String appKey();

        String appSecret();

        String accessToken();

        /** Account currency (balances are reported in it). */
        @WithDefault("HKD")
        String currency();

        /** Broker endpoints; unset means the broker's production endpoints. */
        Optional<String> httpUrl();

        Optional<String> quoteWsUrl();

        Optional<String> tradeWsUrl();
    }
}
