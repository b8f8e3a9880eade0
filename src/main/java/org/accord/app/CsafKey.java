package org.accord.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.EnvironmentException;
import org.accord.store.PrivateFiles;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * The instance's OpenPGP key for the CSAF provider (ADR 0122): an Ed25519 signing key (OpenPGP v4,
 * EdDSA), kept armored in {@code csaf-openpgp.key} in the private data directory (mode 0600, ADR 0089),
 * generated on first use, replaced by {@link #rotate}. Signatures are detached, armored, over the
 * document's bytes, with the document's release time as their creation time: Ed25519 is deterministic,
 * so one key signs one document to the same bytes every time, and a rotated key re-signs every document
 * without storing a signature. Immutable and thread-safe; {@link #current} rereads the file when it changed.
 */
public final class CsafKey {
  /** The key file in the data directory. */
  public static final String FILE = "csaf-openpgp.key";
  private static final String USER_ID = "Accord CSAF provider";
  private static final ConcurrentHashMap<Path, CsafKey> LOADED = new ConcurrentHashMap<>();

  private final PGPSecretKeyRing ring;
  private final FileTime modified;

  private CsafKey(PGPSecretKeyRing ring, FileTime modified) {
    this.ring = ring;
    this.modified = modified;
  }

  /**
   * The key in {@code dataDir}, generated (dated by {@code clock}) if there is none; reread when the file changed since the last call.
   *
   * @throws EnvironmentException if the file cannot be read, written or parsed
   */
  public static CsafKey current(Path dataDir, java.time.Clock clock) {
    Path file = dataDir.resolve(FILE);
    synchronized (LOADED) {
      try {
        if (!Files.exists(file)) {
          write(file, generate(clock.instant()));
        }
        FileTime modified = Files.getLastModifiedTime(file);
        CsafKey loaded = LOADED.get(file);
        if (loaded == null || !loaded.modified.equals(modified)) {
          loaded = new CsafKey(read(file), modified);
          LOADED.put(file, loaded);
        }
        return loaded;
      } catch (IOException | PGPException e) {
        throw new EnvironmentException("cannot read or create the CSAF signing key " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Replaces the key in {@code dataDir} with a new one; a running server signs with it from its next
   * request. The old key is kept beside it as {@code csaf-openpgp.key.<fingerprint>.retired}.
   *
   * @return the new key
   */
  public static CsafKey rotate(Path dataDir, java.time.Clock clock) {
    Path file = dataDir.resolve(FILE);
    synchronized (LOADED) {
      try {
        if (Files.exists(file)) {
          CsafKey old = new CsafKey(read(file), Files.getLastModifiedTime(file));
          Files.copy(file, dataDir.resolve(FILE + "." + old.fingerprint() + ".retired"), StandardCopyOption.REPLACE_EXISTING);
        }
        write(file, generate(clock.instant()));
      } catch (IOException | PGPException e) {
        throw new EnvironmentException("cannot rotate the CSAF signing key " + file + ": " + e.getMessage(), e);
      }
    }
    return current(dataDir, clock);
  }

  /** The public key's fingerprint, 40 upper-case hex digits. */
  public String fingerprint() {
    return HexFormat.of().formatHex(ring.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
  }

  /** The public key. */
  public PGPPublicKey publicKey() {
    return ring.getPublicKey();
  }

  /** The public key ring, ASCII-armored, as served and as {@code gpg --import} reads it. */
  public String publicKeyArmored() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      ring.getPublicKey().encode(armor);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the public key: " + e.getMessage(), e);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** A detached, armored OpenPGP signature of {@code content} made at {@code at}. */
  public String sign(byte[] content, Instant at) {
    try {
      PGPSecretKey secret = ring.getSecretKey();
      PGPPrivateKey key = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
      PGPSignatureGenerator generator = new PGPSignatureGenerator(
          new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512), secret.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, key);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, Date.from(at));
      hashed.setIssuerFingerprint(false, secret.getPublicKey());
      generator.setHashedSubpackets(hashed.generate());
      generator.update(content);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
        generator.generate().encode(armor);
      }
      return out.toString(StandardCharsets.US_ASCII);
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("cannot sign with the CSAF key: " + e.getMessage(), e);
    }
  }

  private static PGPSecretKeyRing generate(Instant now) throws PGPException {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    PGPKeyPair keyPair = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, pair, Date.from(now));
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
    PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, keyPair, USER_ID,
        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
        new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512), null);
    return rings.generateSecretKeyRing();
  }

  private static PGPSecretKeyRing read(Path file) throws IOException, PGPException {
    byte[] bytes = Files.readAllBytes(file);
    return new BcPGPSecretKeyRing(PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes)));
  }

  /** Writes the ring armored, owner-only, replacing the file at once so a reader never sees half a key. */
  private static void write(Path file, PGPSecretKeyRing ring) throws IOException {
    PrivateFiles.createDirectories(file.getParent());
    Path temp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(temp);
    PrivateFiles.createFile(temp);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(out)) {
      ring.encode(armor);
    }
    Files.write(temp, out.toByteArray());
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
