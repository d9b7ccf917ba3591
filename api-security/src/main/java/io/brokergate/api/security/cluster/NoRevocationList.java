package io.brokergate.api.security.cluster;

import io.brokergate.api.security.RevocationList;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Cluster default: tokens are verified locally, so revocation is bounded by the token lifetime. */
@DefaultBean
@ApplicationScoped
public class NoRevocationList implements RevocationList {

    @Override
    public boolean isRevoked(String jti) {
        return false;
    }
}
