package io.brokergate.stream.upstream;

import io.brokergate.core.account.Account;
import io.brokergate.core.spi.BrokerCredentials;

/** An account this pod holds the broker socket for, with its connection's decrypted credentials. */
public record UpstreamAccount(Account account, BrokerCredentials credentials) {

    @Override
    public String toString() {
        return "UpstreamAccount[" + account.id() + ", " + account.broker() + " " + account.brokerAccountNo() + "]";
    }
}
