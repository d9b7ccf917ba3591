package io.brokergate.bench.stream;

import com.sun.net.httpserver.HttpServer;
import io.brokergate.api.security.TokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Stands in for auth-service: a JWKS endpoint the stream-service under test verifies tokens
 * against (cluster mode, as in production), and RS256 access tokens signed with its key.
 */
public final class BenchAuth implements AutoCloseable {

    public static final String ISSUER = "https://auth.bench.brokergate";
    static final String KID = "bench-stream-k1";

    private final KeyPair keys;
    private final HttpServer server;

    public BenchAuth() throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/jwks";
    }

    /** A user token of the bench tenant with the stream scopes and every account, valid for two hours. */
    public String token(String tenant) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject("bench-user").audience(TokenClaims.AUDIENCE).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(2)))
                .claim(TokenClaims.TENANT, tenant).claim(TokenClaims.SCOPE, "quotes:read accounts:read")
                .claim(TokenClaims.ACCOUNTS, List.of("*")).claim(TokenClaims.KIND, "user")
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(KID).sign(keys.getPrivate());
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}";
    }

    private static String b64(BigInteger i) {
        byte[] bytes = i.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
