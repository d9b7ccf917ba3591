package io.brokergate.stream.ownership;

import io.brokergate.stream.upstream.UpstreamAccount;

/**
 * An account assigned to this pod, with the epoch of that assignment. Every event published for the
 * account carries the epoch, so consumers can drop events of a previous (stale) owner.
 */
public record OwnedAccount(UpstreamAccount upstream, long epoch) {

    public String accountId() {
        return upstream.account().id();
    }
}
