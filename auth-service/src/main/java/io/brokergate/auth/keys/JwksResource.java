package io.brokergate.auth.keys;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code GET /oauth/jwks}: every key that still verifies (RFC 7517 JWK Set). */
@Path("/oauth/jwks")
public class JwksResource {

    private final KeyRing ring;

    public JwksResource(KeyRing ring) {
        this.ring = ring;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        List<Map<String, Object>> keys = ring.verifying().stream().map(k -> RsaJwk.of(k.kid(), k.publicKey())).toList();
        // Short cache: verifiers refetch on an unknown kid anyway, and a rotation must show up soon.
        return Response.ok(Map.of("keys", keys)).header("Cache-Control", "public, max-age=60").build();
    }
}
