package org.accord.ledger;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through the JDK's "Ed25519" provider (JDK 15+), with keys in the raw 32-byte
 * forms that signed notes use.
 *
 * <p>The JDK speaks X.509 and PKCS #8, not raw keys. A raw public key becomes X.509 by the fixed
 * 12-byte DER prefix of RFC 8410 §4. A private key is its 32-byte seed; the JDK derives the key pair
 * from a seed only through its key-pair generator, so the generator is given a random source that
 * yields exactly the seed (RFC 8032 §5.1.5: the private key <em>is</em> the 32 random bytes).
 * Unit tests pin this against the RFC 8032 §7.1 test vectors.
 */
final class Ed25519 {
  static final int KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  static PublicKey publicKey(byte[] raw) throws InvalidKeyException {
    if (raw.length != KEY_SIZE) {
      throw new InvalidKeyException("an Ed25519 public key is 32 bytes, not " + raw.length);
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, KEY_SIZE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  static byte[] rawPublicKey(PublicKey key) {
    byte[] der = key.getEncoded();
    return Arrays.copyOfRange(der, der.length - KEY_SIZE, der.length);
  }

  /** The key pair whose private key is {@code seed}. */
  static KeyPair fromSeed(byte[] seed) {
    if (seed.length != KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519 (JDK 15 or later is needed)", e);
    }
  }

  static byte[] seed(KeyPair pair) {
    return ((EdECPrivateKey) pair.getPrivate())
        .getBytes()
        .orElseThrow(() -> new IllegalStateException("the Ed25519 private key does not expose its seed"));
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed: " + e.getMessage(), e);
    }
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    if (signatureBytes.length != SIGNATURE_SIZE) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519 (JDK 15 or later is needed)", e);
    }
  }

  /** A random source that yields one fixed seed, to derive a key pair from it. */
  private static final class SeedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
