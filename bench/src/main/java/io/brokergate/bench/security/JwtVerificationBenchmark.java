package io.brokergate.bench.security;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.VerificationKeys;
import io.brokergate.api.security.jwt.AccessTokenVerifier;
import io.brokergate.api.security.jwt.TokenPolicy;
import io.smallrye.mutiny.Uni;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a protected request costs a service: an RS256 access token whose key is already cached
 * (the JWKS hit path), checked and turned into a {@link Caller}; in full the first time a token
 * is seen, then from the verifier's memory of it (expiry, key and revocation still checked).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtVerificationBenchmark {

    private AccessTokenVerifier verifier;
    private PublicKey publicKey;
    private String token;

    @Setup
    public void setUp() {
        KeyPair keys = BenchTokens.rsa2048();
        publicKey = keys.getPublic();
        token = BenchTokens.accessToken(keys);
        Uni<Optional<PublicKey>> cached = Uni.createFrom().item(Optional.of(publicKey));
        VerificationKeys inMemory = kid -> BenchTokens.KID.equals(kid) ? cached : Uni.createFrom().item(Optional.empty());
        verifier = new AccessTokenVerifier(inMemory, new TokenPolicy(BenchTokens.ISSUER, Duration.ofSeconds(30)));
    }

    /** A request with a token verified before (every request after a client's first): key lookup by kid, expiry, revocation. */
    @Benchmark
    public Caller verifyRepeatedToken() {
        return verifier.verify(token).await().indefinitely();
    }

    /** A token's first use: signature and claims, the key already in hand (no Uni). */
    @Benchmark
    public Caller verifyWithSelectedKey() {
        return verifier.verify(token, BenchTokens.KID, publicKey);
    }
}
