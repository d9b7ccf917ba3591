package io.brokergate.auth.oauth;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/** Self-signed RSA certificates built with BouncyCastle's ASN.1 classes (bcprov only, no keytool). */
public final class TestCertificates {

    /** A key pair with its certificate, PEM and x5t thumbprints. */
    public record Issued(KeyPair keys, X509Certificate certificate, String pem) {
        public String x5tBase64Url() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha1());
        }

        public String x5tHex() {
            return HexFormat.of().formatHex(sha1());
        }

        private byte[] sha1() {
            try {
                return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    public static Issued selfSigned(String commonName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair keys = gen.generateKeyPair();
            AlgorithmIdentifier sha256WithRsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            X500Name name = new X500Name("CN=" + commonName);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(System.nanoTime())));
            tbs.setSignature(sha256WithRsa);
            tbs.setIssuer(name);
            tbs.setSubject(name);
            tbs.setStartDate(new Time(Date.from(Instant.now().minus(Duration.ofDays(1)))));
            tbs.setEndDate(new Time(Date.from(Instant.now().plus(Duration.ofDays(365)))));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            TBSCertificate certificate = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(certificate.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(certificate);
            v.add(sha256WithRsa);
            v.add(new DERBitString(signer.sign()));
            byte[] der = new DERSequence(v).getEncoded(ASN1Encoding.DER);
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return new Issued(keys, cert, pem);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a test certificate", e);
        }
    }
}
