package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies access tokens the way another service would: against the published JWKS, with a
 * standard JOSE library, RS256 only, issuer and audience checked.
 */
public final class JwksTokens {

    public static final String ISSUER = "http://localhost:8080";

    private JwksTokens() {
    }

    public static JwtClaims verify(String token) throws InvalidJwtException {
        try {
            JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth/jwks").then().statusCode(200).extract().asString());
            return new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .setExpectedIssuer(ISSUER)
                    .setExpectedAudience("brokergate")
                    .setRequireExpirationTime()
                    .setRequireJwtId()
                    .build()
                    .processToClaims(token);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
