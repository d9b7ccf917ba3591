package io.brokergate.stream.upstream;

import java.util.List;

/**
 * Where the accounts whose sockets this pod owns come from. In all-in-one every account is owned
 * locally and read from auth-service's store; the cluster issue replaces this with Kafka partition
 * assignment.
 */
public interface UpstreamAccounts {

    List<UpstreamAccount> owned();
}
