package org.accord.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 with the RFC 9162 domain separation: one digest per thread, reused, so that the hot paths
 * (appending, tile expansion, proofs) allocate only their outputs.
 */
final class Sha256 {
  static final int SIZE = 32;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** {@code SHA-256(data)}. */
  static byte[] digest(byte[] data) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest.digest(data);
  }

  /** {@code SHA-256(first ‖ second)}. */
  static byte[] digest(byte[] first, byte[] second) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(first);
    return digest.digest(second);
  }

  /** The RFC 9162 leaf hash {@code SHA-256(0x00 ‖ data)}. */
  static byte[] leaf(byte[] data, int offset, int length) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(LEAF_PREFIX);
    digest.update(data, offset, length);
    return digest.digest();
  }

  /** The RFC 9162 interior hash {@code SHA-256(0x01 ‖ left ‖ right)}, children given by offset. */
  static byte[] node(byte[] left, int leftOffset, byte[] right, int rightOffset) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(NODE_PREFIX);
    digest.update(left, leftOffset, SIZE);
    digest.update(right, rightOffset, SIZE);
    return digest.digest();
  }

  /** As {@link #node(byte[], int, byte[], int)}, writing the result into {@code out} at {@code outOffset}. */
  static void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(NODE_PREFIX);
    digest.update(left, leftOffset, SIZE);
    digest.update(right, rightOffset, SIZE);
    try {
      digest.digest(out, outOffset, SIZE);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code SHA-256(0x01 ‖ left ‖ right)} for children of any length, as the reference vectors need. */
  static byte[] node(byte[] left, byte[] right) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(NODE_PREFIX);
    digest.update(left);
    return digest.digest(right);
  }
}
