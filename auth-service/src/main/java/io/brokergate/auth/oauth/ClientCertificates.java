package io.brokergate.auth.oauth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** X.509 certificates registered for the JWT-bearer grant, and their {@code x5t} thumbprints. */
public final class ClientCertificates {

    private static final int MIN_RSA_BITS = 2048;

    private ClientCertificates() {
    }

    /** Parses one PEM (or DER-in-base64 PEM block) certificate; IllegalArgumentException if unusable. */
    public static X509Certificate parse(String pem) {
        if (pem == null || pem.isBlank() || pem.length() > 8000) {
            throw new IllegalArgumentException("a PEM certificate of at most 8000 characters is required");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate in PEM form");
        }
        if (!(cert.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("the certificate must hold an RSA key of at least 2048 bits (assertions are RS256)");
        }
        return cert;
    }

    /** RFC 7515 §4.1.7 thumbprint as lower-case hex SHA-1 of the DER encoding. */
    public static String sha1Hex(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an assertion's {@code x5t} names the certificate: the standard base64url form, or the
     * hex form TradingView's documentation shows.
     */
    public static boolean matches(String x5t, String sha1Hex) {
        if (x5t == null || sha1Hex == null) {
            return false;
        }
        String presentedHex;
        if (x5t.length() == 40 && x5t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            presentedHex = x5t.toLowerCase(Locale.ROOT);
        } else {
            try {
                byte[] raw = Base64.getUrlDecoder().decode(x5t);
                if (raw.length != 20) {
                    return false;
                }
                presentedHex = HexFormat.of().formatHex(raw);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return MessageDigest.isEqual(presentedHex.getBytes(StandardCharsets.US_ASCII), sha1Hex.getBytes(StandardCharsets.US_ASCII));
    }
}
