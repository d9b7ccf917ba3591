package io.brokergate.api.security.cluster;

import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Where {@link JwksVerificationKeys} gets the current signing keys, by kid. */
@FunctionalInterface
public interface JwksSource {

    CompletionStage<Map<String, PublicKey>> fetch();
}
