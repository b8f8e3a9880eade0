package org.accord.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion and consistency proofs, with the strict checks the
 * transparency-dev reference vectors demand.
 *
 * <p>Instead of walking the proof with the two cursors of RFC 9162 §2.1.3.2 and §2.1.4.2, the proof
 * is split up front into its <em>inner</em> part (siblings below the point where the leaf's path
 * leaves the left edge of the tree, {@code bitlen(index XOR (size-1))} of them) and its <em>border</em>
 * part (one left sibling per set bit of the remaining index). This gives the exact proof length
 * before any hashing, so a proof of the wrong length is refused by name instead of failing as a root
 * mismatch, and it makes the chaining loops branch-light. The result is identical to the RFC's
 * algorithm [1][2].
 *
 * <p>Consistency from {@code size1} to {@code size2} reuses the inclusion chain of leaf {@code
 * size1-1}: the proof is that chain's suffix starting at the largest complete subtree ending at
 * {@code size1}, preceded by that subtree's hash unless {@code size1} is a power of two (then the
 * verifier knows it: it is {@code root1}). Chaining only the right-hand siblings rebuilds {@code
 * root1}; chaining all rebuilds {@code root2} [1 §2.1.4.2][2].
 *
 * <p>Extra rules, each from the reference vectors [3]: a leaf hash must be exactly 32 bytes; a
 * consistency proof from size 0 is refused (it proves nothing), even to size 0; equal sizes need an
 * empty proof and byte-equal roots.
 *
 * <p>[1] RFC 9162, Certificate Transparency Version 2.0, §2.1.3 and §2.1.4.
 * <br>[2] transparency-dev/merkle, {@code proof/verify.go}.
 * <br>[3] transparency-dev/merkle, {@code testdata/inclusion} and {@code testdata/consistency}.
 */
final class ProofVerifier {
  private ProofVerifier() {}

  /** The root that {@code proof} and {@code leafHash} imply for leaf {@code index} of a tree of {@code size}. */
  static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof)
      throws VerificationException {
    if (size < 0 || index < 0) {
      throw new VerificationException("index " + index + " and tree size " + size + " must not be negative");
    }
    if (index >= size) {
      throw new VerificationException("index " + index + " is not in a tree of size " + size);
    }
    if (leafHash.length != Hash.SIZE) {
      throw new VerificationException("leaf hash is " + leafHash.length + " bytes, not 32");
    }
    int inner = innerProofSize(index, size);
    int border = Long.bitCount(index >>> inner);
    checkLength("inclusion proof", proof, inner + border, "index " + index + " in a tree of size " + size);
    byte[] hash = chainInner(leafHash, proof.subList(0, inner), index);
    return chainBorderRight(hash, proof.subList(inner, proof.size()));
  }

  static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws VerificationException {
    byte[] computed = rootFromInclusion(index, size, leafHash, proof);
    if (!Arrays.equals(computed, root)) {
      throw new VerificationException(
          "inclusion proof for index " + index + " does not lead to the root of the tree of size " + size
              + " (computed " + Hash.wrap(computed).base64() + ")");
    }
  }

  static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
      throws VerificationException {
    if (size1 < 0 || size2 < 0) {
      throw new VerificationException("tree sizes " + size1 + " and " + size2 + " must not be negative");
    }
    if (size2 < size1) {
      throw new VerificationException("the second tree (size " + size2 + ") is smaller than the first (size " + size1 + ")");
    }
    if (size1 == 0) {
      throw new VerificationException("a consistency proof from an empty tree proves nothing and is refused");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new VerificationException("trees of equal size " + size1 + " need an empty proof, not " + proof.size() + " hashes");
      }
      if (!Arrays.equals(root1, root2)) {
        throw new VerificationException("trees of equal size " + size1 + " have different roots");
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new VerificationException("consistency proof from size " + size1 + " to " + size2 + " is empty");
    }
    int inner = innerProofSize(size1 - 1, size2);
    int border = Long.bitCount((size1 - 1) >>> inner);
    int shift = Long.numberOfTrailingZeros(size1);
    inner -= shift;
    byte[] seed;
    int start;
    if (size1 == 1L << shift) {
      seed = root1;
      start = 0;
    } else {
      seed = proof.get(0);
      start = 1;
    }
    checkLength("consistency proof", proof, start + inner + border, "sizes " + size1 + " to " + size2);
    List<byte[]> rest = proof.subList(start, proof.size());
    checkHashSizes(rest, "consistency proof");
    if (seed.length != Hash.SIZE) {
      throw new VerificationException("consistency proof hash 0 is " + seed.length + " bytes, not 32");
    }
    long mask = (size1 - 1) >>> shift;
    byte[] hash1 = chainInnerRight(seed, rest.subList(0, inner), mask);
    hash1 = chainBorderRight(hash1, rest.subList(inner, rest.size()));
    if (!Arrays.equals(hash1, root1)) {
      throw new VerificationException(
          "consistency proof does not lead to the first root (size " + size1 + "): the trees have forked or the proof is wrong");
    }
    byte[] hash2 = chainInner(seed, rest.subList(0, inner), mask);
    hash2 = chainBorderRight(hash2, rest.subList(inner, rest.size()));
    if (!Arrays.equals(hash2, root2)) {
      throw new VerificationException(
          "consistency proof does not lead to the second root (size " + size2 + "): the trees have forked or the proof is wrong");
    }
  }

  /** Number of proof hashes below the level where the path of {@code index} joins the right border. */
  static int innerProofSize(long index, long size) {
    return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
  }

  /** The exact length of an inclusion proof for {@code index} in a tree of {@code size}. */
  static int inclusionProofSize(long index, long size) {
    int inner = innerProofSize(index, size);
    return inner + Long.bitCount(index >>> inner);
  }

  private static void checkLength(String what, List<byte[]> proof, int expected, String context)
      throws VerificationException {
    if (proof.size() != expected) {
      throw new VerificationException(
          what + " has " + proof.size() + " hashes; a proof for " + context + " has exactly " + expected);
    }
    checkHashSizes(proof, what);
  }

  private static void checkHashSizes(List<byte[]> proof, String what) throws VerificationException {
    for (int i = 0; i < proof.size(); i++) {
      if (proof.get(i).length != Hash.SIZE) {
        throw new VerificationException(what + " hash " + i + " is " + proof.get(i).length + " bytes, not 32");
      }
    }
  }

  private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
    byte[] hash = seed;
    for (int i = 0; i < proof.size(); i++) {
      hash = ((index >>> i) & 1) == 0 ? Sha256.node(hash, proof.get(i)) : Sha256.node(proof.get(i), hash);
    }
    return hash;
  }

  private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
    byte[] hash = seed;
    for (int i = 0; i < proof.size(); i++) {
      if (((index >>> i) & 1) == 1) {
        hash = Sha256.node(proof.get(i), hash);
      }
    }
    return hash;
  }

  private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
    byte[] hash = seed;
    for (byte[] sibling : proof) {
      hash = Sha256.node(sibling, hash);
    }
    return hash;
  }
}
