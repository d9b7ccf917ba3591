package io.brokergate.stream.upstream;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Standalone default until an ownership source is configured: this pod owns nothing. */
@DefaultBean
@ApplicationScoped
public class NoUpstreamAccounts implements UpstreamAccounts {

    @Override
    public List<UpstreamAccount> owned() {
        return List.of();
    }
}
