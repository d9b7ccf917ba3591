package io.brokergate.api.security.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.VerificationKeys;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private final VerificationKeys keys = kid -> Uni.createFrom().item(
            Optional.ofNullable(Map.<String, PublicKey>of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()).get(kid)));
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, new TokenPolicy(TestTokens.ISSUER, Duration.ofSeconds(30)));

    private Caller verify(String token) {
        return verifier.verify(token).await().atMost(Duration.ofSeconds(30));
    }

    private void refused(String token, CredentialFailure expected) {
        InvalidCredentialException e = assertThrows(InvalidCredentialException.class, () -> verify(token));
        assertEquals(expected, e.failure());
    }

    @Test
    void aValidTokenBecomesItsCaller() {
        Caller c = verify(TestTokens.token("trade  quotes:read").subject("u-7").tenant("t-9").accounts("a1", "a2").rs256());
        assertEquals("u-7", c.subject());
        assertEquals("t-9", c.tenantId());
        assertEquals(Set.of("trade", "quotes:read"), c.scopes());
        assertEquals(new AccountGrant(false, Set.of("a1", "a2")), c.accounts());
        assertEquals(CredentialKind.USER, c.kind());
        assertTrue(c.expiresAt().isAfter(Instant.now()));
        assertTrue(verify(TestTokens.token("trade").rs256()).accounts().all());
    }

    @Test
    void timeClaimsAreCheckedWithTheSkew() {
        refused(TestTokens.token("trade").expiredAgo(Duration.ofMinutes(2)).rs256(), CredentialFailure.TOKEN_EXPIRED);
        verify(TestTokens.token("trade").expiredAgo(Duration.ofSeconds(20)).rs256());
        refused(TestTokens.token("trade").notBefore(Instant.now().plusSeconds(600)).rs256(), CredentialFailure.TOKEN_NOT_YET_VALID);
        verify(TestTokens.token("trade").notBefore(Instant.now().plusSeconds(10)).rs256());
    }

    @Test
    void onlyRs256WithAKnownKidAndTheRightKey() {
        TestTokens t = TestTokens.token("trade");
        refused(t.unsigned(), CredentialFailure.ALGORITHM_NOT_ACCEPTED);
        refused(t.hs256WithPublicKey(), CredentialFailure.ALGORITHM_NOT_ACCEPTED);
        refused(t.es256(), CredentialFailure.ALGORITHM_NOT_ACCEPTED);
        refused(t.attackerKeyEmbedded(), CredentialFailure.SIGNATURE_INVALID);
        refused(TestTokens.token("trade").kid("nope").rs256(), CredentialFailure.KEY_UNKNOWN);
        refused(TestTokens.token("trade").signedWith(TestKeys.ATTACKER.getPrivate()).rs256(), CredentialFailure.SIGNATURE_INVALID);
    }

    @Test
    void keysShorterThan2048BitsAreRefused() throws Exception {
        KeyPair weak = TestKeys.rsa(1024);
        AccessTokenVerifier v = new AccessTokenVerifier(kid -> Uni.createFrom().item(Optional.of(weak.getPublic())),
                new TokenPolicy(TestTokens.ISSUER, Duration.ZERO));
        // smallrye-jwt-build refuses to sign with such a key, so jose4j does it with validation off.
        String payload = TestTokens.token("trade").rs256().split("\\.")[1];
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue("weak");
        jws.setKey(weak.getPrivate());
        jws.setDoKeyValidation(false);
        InvalidCredentialException e = assertThrows(InvalidCredentialException.class,
                () -> v.verify(jws.getCompactSerialization()).await().indefinitely());
        assertEquals(CredentialFailure.TOKEN_INVALID, e.failure());
    }

    @Test
    void malformedTokensAreRefusedBeforeAnyKeyLookup() {
        VerificationKeys failing = kid -> {
            throw new AssertionError("no key lookup expected");
        };
        AccessTokenVerifier v = new AccessTokenVerifier(failing, new TokenPolicy(TestTokens.ISSUER, Duration.ZERO));
        for (String token : new String[] {"", "abc", "a.b", "a.b.c.d", "!!!.b.c", "e30.e30.", "eyJhbGciOiJSUzI1NiJ9.e30.x"}) {
            InvalidCredentialException e = assertThrows(InvalidCredentialException.class, () -> v.verify(token).await().indefinitely(), token);
            assertTrue(Set.of(CredentialFailure.TOKEN_MALFORMED, CredentialFailure.ALGORITHM_NOT_ACCEPTED, CredentialFailure.KEY_ID_MISSING)
                    .contains(e.failure()), token + " -> " + e.failure());
        }
    }

    @Test
    void claimsMustBeCompleteAndWellTyped() {
        refused(TestTokens.token("trade").issuer("other").rs256(), CredentialFailure.ISSUER_NOT_ACCEPTED);
        refused(TestTokens.token("trade").audience("other").rs256(), CredentialFailure.AUDIENCE_NOT_ACCEPTED);
        refused(TestTokens.token("trade").tenant(null).rs256(), CredentialFailure.CLAIMS_INVALID);
        refused(TestTokens.token("trade").tenant(" ").rs256(), CredentialFailure.CLAIMS_INVALID);
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedOnceRevoked() {
        AtomicBoolean loggedOut = new AtomicBoolean();
        AccessTokenVerifier v = new AccessTokenVerifier(keys, new TokenPolicy(TestTokens.ISSUER, Duration.ZERO),
                jti -> loggedOut.get());
        String token = TestTokens.token("trade").rs256();
        assertEquals("user-1", v.verify(token).await().indefinitely().subject());
        assertEquals("user-1", v.verify(token).await().indefinitely().subject(), "the same token again");
        loggedOut.set(true);
        InvalidCredentialException e = assertThrows(InvalidCredentialException.class, () -> v.verify(token).await().indefinitely());
        assertEquals(CredentialFailure.TOKEN_REVOKED, e.failure());
    }

    @Test
    void aTokenVerifiedBeforeIsCheckedAgainWhenItsKeyChangesOrGoes() {
        Map<String, PublicKey> current = new ConcurrentHashMap<>(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        AccessTokenVerifier v = new AccessTokenVerifier(kid -> Uni.createFrom().item(Optional.ofNullable(current.get(kid))),
                new TokenPolicy(TestTokens.ISSUER, Duration.ZERO));
        String token = TestTokens.token("trade").rs256();
        v.verify(token).await().indefinitely();

        current.put(TestKeys.SIGNING_KID, TestKeys.ATTACKER.getPublic()); // the kid now names another key
        InvalidCredentialException changed = assertThrows(InvalidCredentialException.class, () -> v.verify(token).await().indefinitely());
        assertEquals(CredentialFailure.SIGNATURE_INVALID, changed.failure());

        current.put(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic());
        v.verify(token).await().indefinitely();
        current.clear(); // the key was withdrawn
        InvalidCredentialException gone = assertThrows(InvalidCredentialException.class, () -> v.verify(token).await().indefinitely());
        assertEquals(CredentialFailure.KEY_UNKNOWN, gone.failure());
    }
}
