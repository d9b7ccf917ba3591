package io.brokergate.api.security.cluster;

import io.brokergate.api.security.Caller;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Asks auth-service about one API key: its caller when active, empty when unknown, revoked or expired. */
@FunctionalInterface
public interface ApiKeyIntrospector {

    CompletionStage<Optional<Caller>> introspect(String presentedKey);
}
