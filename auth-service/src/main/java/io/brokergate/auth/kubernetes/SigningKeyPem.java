package io.brokergate.auth.kubernetes;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * An RSA private key in PEM, as {@code openssl genpkey}, {@code kubectl create secret tls} and
 * cert-manager write it: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}). Encrypted keys and keys under 2048 bits are refused, as the token verifiers refuse them.
 */
final class SigningKeyPem {

    static final int MIN_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*(.*?)\\s*-----END \\1-----", Pattern.DOTALL);

    private SigningKeyPem() {
    }

    /** The key pair; the public half is derived from the private key's CRT parameters. */
    static KeyPair parse(String pem, String source) {
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new KeyMaterialException(source + " is not a PEM private key");
        }
        String body = m.group(2);
        if (body.contains("Proc-Type:") || m.group(1).contains("ENCRYPTED")) {
            throw new KeyMaterialException(source + " is an encrypted private key; store it unencrypted in the Secret");
        }
        KeySpec spec = switch (m.group(1)) {
            case "PRIVATE KEY" -> new PKCS8EncodedKeySpec(der(body, source));
            case "RSA PRIVATE KEY" -> pkcs1(der(body, source), source);
            default -> throw new KeyMaterialException(source + " holds a " + m.group(1) + ", not an RSA private key");
        };
        return keyPair(spec, source);
    }

    private static KeyPair keyPair(KeySpec spec, String source) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(spec);
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new KeyMaterialException(source + " lacks the CRT parameters needed to derive its public key");
            }
            if (crt.getModulus().bitLength() < MIN_BITS) {
                throw new KeyMaterialException(source + " is a " + crt.getModulus().bitLength() + "-bit RSA key; at least "
                        + MIN_BITS + " bits are required");
            }
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), key);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(source + " is not an RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeySpec pkcs1(byte[] der, String source) {
        try {
            RSAPrivateKey k = RSAPrivateKey.getInstance(der);
            return new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
                    k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
        } catch (RuntimeException e) {
            // BouncyCastle's ASN.1 parser reports malformed input with assorted unchecked exceptions.
            throw new KeyMaterialException(source + " is not a PKCS#1 RSA private key");
        }
    }

    private static byte[] der(String body, String source) {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(source + " is not valid PEM (bad base64)");
        }
    }
}
