package org.accord.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 9162 Merkle log: hashing, proof verification, and {@link Prover}s that build proofs from a
 * {@link NodeSource}.
 *
 * <p>Hashing: a leaf hash is {@code SHA-256(0x00 ‖ entry)}, an interior hash is {@code SHA-256(0x01 ‖
 * left ‖ right)}, and the empty tree's root is {@code SHA-256("")} [1 §2.1.1]. The leaf/node prefix
 * keeps a leaf from posing as an interior node (second-preimage resistance).
 *
 * <p>Verification applies the checks of the transparency-dev reference vectors on top of RFC 9162
 * (see {@link ProofVerifier}): a leaf hash is exactly 32 bytes, a proof has exactly the length its
 * index and sizes imply, a consistency proof from size 0 is refused, and equal sizes need an empty
 * proof and equal roots.
 *
 * <p>Stateless and thread-safe. Verification methods throw {@link VerificationException} naming what
 * failed; they never throw for malformed input.
 *
 * <p>[1] RFC 9162, Certificate Transparency Version 2.0, §2.1.
 */
public final class MerkleLog {
  /** The root of the empty tree, {@code SHA-256("")}. */
  public static final Hash EMPTY_ROOT = Hash.sha256(new byte[0]);

  private MerkleLog() {}

  /** The leaf hash of a log entry: {@code SHA-256(0x00 ‖ entry)}. */
  public static Hash leafHash(byte[] entry) {
    return Hash.wrap(Sha256.leaf(entry, 0, entry.length));
  }

  /** The interior hash of two children: {@code SHA-256(0x01 ‖ left ‖ right)}. */
  public static Hash nodeHash(Hash left, Hash right) {
    return Hash.wrap(Sha256.node(left.array(), 0, right.array(), 0));
  }

  /** The root of the tree holding exactly {@code entries}, computed from scratch; for small trees and tests. */
  public static Hash rootOf(List<byte[]> entries) {
    List<Hash> leaves = new ArrayList<>(entries.size());
    for (byte[] entry : entries) {
      leaves.add(leafHash(entry));
    }
    return rootOfLeafHashes(leaves);
  }

  /** The root of the tree with these leaf hashes, computed from scratch. */
  public static Hash rootOfLeafHashes(List<Hash> leafHashes) {
    return prover(leafHashes.size(), new MemoryNodes(leafHashes)).root();
  }

  /** A prover for the tree of {@code size} leaves whose complete subtrees {@code nodes} provides. */
  public static Prover prover(long size, NodeSource nodes) {
    return new Prover(size, nodes);
  }

  /**
   * Checks that {@code proof} proves leaf {@code index}, with hash {@code leafHash}, is in the tree of
   * {@code size} leaves with root {@code root}.
   */
  public static void verifyInclusion(long index, long size, Hash leafHash, List<Hash> proof, Hash root)
      throws VerificationException {
    ProofVerifier.verifyInclusion(index, size, leafHash.array(), arrays(proof), root.array());
  }

  /** As {@link #verifyInclusion(long, long, Hash, List, Hash)}, on raw bytes of any length (as the reference vectors have). */
  public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws VerificationException {
    ProofVerifier.verifyInclusion(index, size, leafHash, proof, root);
  }

  /** The root implied by an inclusion proof; verification without a trusted root to compare with. */
  public static Hash rootFromInclusion(long index, long size, Hash leafHash, List<Hash> proof)
      throws VerificationException {
    return Hash.wrap(ProofVerifier.rootFromInclusion(index, size, leafHash.array(), arrays(proof)));
  }

  /**
   * Checks that {@code proof} proves the tree of {@code size1} leaves with root {@code root1} is a
   * prefix of the tree of {@code size2} leaves with root {@code root2}.
   */
  public static void verifyConsistency(long size1, long size2, List<Hash> proof, Hash root1, Hash root2)
      throws VerificationException {
    ProofVerifier.verifyConsistency(size1, size2, arrays(proof), root1.array(), root2.array());
  }

  /** As {@link #verifyConsistency(long, long, List, Hash, Hash)}, on raw bytes of any length. */
  public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
      throws VerificationException {
    ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
  }

  /** The exact number of hashes in an inclusion proof for {@code index} in a tree of {@code size}. */
  public static int inclusionProofSize(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
    }
    return ProofVerifier.inclusionProofSize(index, size);
  }

  private static List<byte[]> arrays(List<Hash> hashes) {
    List<byte[]> arrays = new ArrayList<>(hashes.size());
    for (Hash hash : hashes) {
      arrays.add(Objects.requireNonNull(hash, "proof hash").array());
    }
    return arrays;
  }

  /** Complete subtrees of an in-memory list of leaf hashes, each computed on demand. */
  private static final class MemoryNodes implements NodeSource {
    private final List<Hash> leaves;

    MemoryNodes(List<Hash> leaves) {
      this.leaves = leaves;
    }

    @Override
    public Hash node(int level, long index) {
      if (level == 0) {
        return leaves.get(Math.toIntExact(index));
      }
      return nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
    }
  }
}
