package org.accord.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * What a CSAF consumer does with the OpenPGP files a provider serves (CSAF 2.0 §7.1 requirements 19
 * and 20), with Bouncy Castle: read the armored public key and a detached armored signature, and check
 * the signature over a document's bytes.
 */
public final class OpenPgpChecks {
  private OpenPgpChecks() {}

  /** The primary key of an armored public key block. */
  public static PGPPublicKey publicKey(String armored) throws Exception {
    return new PGPPublicKeyRing(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))),
        new BcKeyFingerprintCalculator()).getPublicKey();
  }

  /** The first signature of an armored detached signature. */
  public static PGPSignature signature(String armored) throws Exception {
    BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))));
    return ((PGPSignatureList) factory.nextObject()).get(0);
  }

  /** Whether {@code signature} (freshly read: it keeps state) is {@code key}'s over exactly {@code content}. */
  public static boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] content) throws Exception {
    signature.init(new BcPGPContentVerifierBuilderProvider(), key);
    signature.update(content);
    return signature.verify();
  }
}
