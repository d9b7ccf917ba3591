package io.brokergate.auth.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The first platform operator ({@code brokergate.auth.bootstrap.*}), created at start when no user holds the
 * {@code platform} scope. Nothing is created while {@link #operatorUsername()} is unset.
 */
@ConfigMapping(prefix = "brokergate.auth.bootstrap")
public interface BootstrapConfig {

    /** Login of the operator to create; unset: no bootstrap. */
    Optional<String> operatorUsername();

    /** The operator's password (12-256 characters, as for every user). Exactly one of this and the file. */
    Optional<String> operatorPassword();

    /**
     * A file holding the password, e.g. a mounted Kubernetes Secret; one trailing line break is ignored.
     * Exactly one of this and {@link #operatorPassword()}.
     */
    Optional<String> operatorPasswordFile();

    /** Name of the tenant the operator belongs to, created with it; default {@code platform}. */
    @WithDefault("platform")
    String operatorTenant();

    /** Client id of the public OAuth client operators sign in with; default {@code brokergate-operator}. */
    @WithDefault("brokergate-operator")
    String operatorClientId();

    /**
     * Redirect URIs of that client (exact match; https, http on loopback, or a private-use scheme); default
     * {@code http://127.0.0.1:8765/callback}: nothing needs to listen there, the code can be read from the address bar.
     */
    @WithDefault("http://127.0.0.1:8765/callback")
    List<String> operatorRedirectUris();
}
