package org.accord.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes a whole tiled log from its entries and checks every stored tile and the signed root,
 * reporting the first thing that is wrong, lowest level first and lowest index first.
 *
 * <p>Not thread-safe; one per audit.
 *
 * <p>How: the entry bundles are read in order and each entry is hashed (RFC 9162 leaf hash); the
 * hashes must equal the level-0 tile, hash for hash, so a changed, deleted, inserted or reordered
 * entry or leaf hash is named by its index. Each full level-0 tile's root, computed from the entries,
 * not read, becomes a hash of level 1, which is checked against the stored level-1 tiles, and so on up
 * [1]. Finally the root of the recomputed tree must equal the checkpoint's, whose signature was
 * checked first; with a previous checkpoint, the recomputed tree at that older size must have the
 * older root too, which catches a log that forked. Memory is one tile of leaves plus one hash per 256
 * entries: a 10M-entry log needs about 1.3 MB.
 *
 * <p>[1] C2SP tlog-tiles, https://c2sp.org/tlog-tiles.
 */
final class LogAuditor {
  private static final int WIDTH = TileId.FULL_WIDTH;

  private final TileSource source;
  private long tilesRead;
  private long bytesRead;
  /** Recomputed level-0 hashes of the tiles a root needs (the last partial tile, and the previous size's). */
  private final Map<Long, byte[]> keptLeaves = new HashMap<>();
  /** Recomputed hashes of each level 1 and up, concatenated. */
  private final List<Hashes> levels = new ArrayList<>();

  LogAuditor(TileSource source) {
    this.source = source;
  }

  LogReport audit(NoteVerifier key, Optional<Checkpoint> previous) throws VerificationException {
    byte[] note = fetch("checkpoint").orElseThrow(() -> new VerificationException("the log has no checkpoint", "checkpoint"));
    Checkpoint checkpoint = Verifier.verifyCheckpoint(Note.parse(note), key);
    long size = checkpoint.size();
    if (previous.isPresent()) {
      Checkpoint old = previous.get();
      if (!old.origin().equals(checkpoint.origin())) {
        throw new VerificationException(
            "the previous checkpoint is of log '" + old.origin() + "', not '" + checkpoint.origin() + "'");
      }
      if (old.size() > size) {
        throw new VerificationException(
            "the log has shrunk: the previous checkpoint has " + old.size() + " entries, the current one " + size);
      }
    }
    long keepFor = previous.map(Checkpoint::size).orElse(-1L);
    auditEntries(size, keepFor);
    for (int level = 1; (size >>> (TileId.HEIGHT * level)) != 0; level++) {
      auditLevel(level, size);
    }
    NodeSource nodes = this::recomputedNode;
    Hash root = MerkleLog.prover(size, nodes).root();
    if (!root.equals(checkpoint.root())) {
      throw new VerificationException(
          "the entries and tiles agree with each other, but their root " + root.base64()
              + " is not the checkpoint's root " + checkpoint.root().base64(), "checkpoint");
    }
    if (previous.isPresent() && previous.get().size() > 0) {
      Checkpoint old = previous.get();
      Hash oldRoot = MerkleLog.prover(old.size(), nodes).root();
      if (!oldRoot.equals(old.root())) {
        throw new VerificationException(
            "the log has forked: its first " + old.size() + " entries have root " + oldRoot.base64()
                + ", but the previous checkpoint has " + old.root().base64(), "checkpoint");
      }
    }
    return new LogReport(checkpoint, size, tilesRead, bytesRead);
  }

  private void auditEntries(long size, long keepFor) throws VerificationException {
    Hashes up = new Hashes();
    levels.add(null);
    levels.add(up);
    long tiles = (size + WIDTH - 1) / WIDTH;
    for (long t = 0; t < tiles; t++) {
      int width = (int) Math.min(WIDTH, size - t * WIDTH);
      List<byte[]> entries = fetchBundle(t, width);
      byte[] stored = fetchTile(0, t, width, size);
      byte[] leaves = new byte[width * Hash.SIZE];
      for (int k = 0; k < width; k++) {
        long index = t * WIDTH + k;
        if (k >= entries.size()) {
          throw new VerificationException(
              "entry is missing from its bundle " + TileId.entries(t, width) + " (it has " + entries.size()
                  + " of " + width + " entries)", "entry " + index);
        }
        byte[] entry = entries.get(k);
        byte[] leaf = Sha256.leaf(entry, 0, entry.length);
        System.arraycopy(leaf, 0, leaves, k * Hash.SIZE, Hash.SIZE);
        if (!Arrays.equals(leaves, k * Hash.SIZE, (k + 1) * Hash.SIZE, stored, k * Hash.SIZE, (k + 1) * Hash.SIZE)) {
          throw new VerificationException(
              "the entry's leaf hash does not match hash " + k + " of " + TileId.hashes(0, t, width)
                  + ": the entry or the stored leaf hash was changed, removed or moved", "entry " + index);
        }
      }
      if (entries.size() > width) {
        throw new VerificationException(
            "bundle " + TileId.entries(t, width) + " has " + entries.size() + " entries, more than the " + width + " expected",
            "entry " + (t * WIDTH + width));
      }
      if (width == WIDTH) {
        up.add(Subtrees.root(leaves, 0, WIDTH));
      }
      if (t == size / WIDTH || (keepFor >= 0 && t == keepFor / WIDTH)) {
        keptLeaves.put(t, leaves);
      }
    }
  }

  private void auditLevel(int level, long size) throws VerificationException {
    Hashes computed = levels.get(level);
    long count = size >>> (TileId.HEIGHT * level);
    if (computed.count() != count) {
      throw new IllegalStateException("recomputed " + computed.count() + " hashes at level " + level + ", expected " + count);
    }
    Hashes up = new Hashes();
    levels.add(up);
    long tiles = (count + WIDTH - 1) / WIDTH;
    for (long t = 0; t < tiles; t++) {
      int width = (int) Math.min(WIDTH, count - t * WIDTH);
      byte[] stored = fetchTile(level, t, width, size);
      byte[] mine = computed.slice(t * WIDTH, width);
      for (int k = 0; k < width; k++) {
        if (!Arrays.equals(mine, k * Hash.SIZE, (k + 1) * Hash.SIZE, stored, k * Hash.SIZE, (k + 1) * Hash.SIZE)) {
          long node = t * WIDTH + k;
          long first = node << (TileId.HEIGHT * level);
          long last = Math.min(size, (node + 1) << (TileId.HEIGHT * level)) - 1;
          throw new VerificationException(
              "hash " + k + " does not match the hash recomputed from entries " + first + " to " + last
                  + ": the stored tile was changed", TileId.hashes(level, t, width).path());
        }
      }
      if (width == WIDTH) {
        up.add(Subtrees.root(mine, 0, WIDTH));
      }
    }
  }

  /** A complete node of the recomputed tree; only nodes that a root at a checked size needs are available. */
  private Hash recomputedNode(int level, long index) {
    int tileLevel = level / TileId.HEIGHT;
    int height = level % TileId.HEIGHT;
    long first = index << height;
    if (tileLevel == 0) {
      byte[] leaves = keptLeaves.get(first / WIDTH);
      if (leaves == null) {
        throw new IllegalStateException("leaves of tile " + first / WIDTH + " were not kept");
      }
      return Hash.wrap(Subtrees.root(leaves, (int) (first % WIDTH), 1 << height));
    }
    Hashes hashes = levels.get(tileLevel);
    return Hash.wrap(Subtrees.root(hashes.slice(first, 1 << height), 0, 1 << height));
  }

  private List<byte[]> fetchBundle(long t, int width) throws VerificationException {
    TileId id = TileId.entries(t, width);
    Optional<byte[]> bytes = fetch(id.path());
    if (bytes.isEmpty() && id.isPartial()) {
      Optional<byte[]> full = fetch(id.full().path());
      if (full.isPresent()) {
        List<byte[]> entries = EntryBundle.decodeOrFail(full.get(), id.full().path());
        return entries.subList(0, Math.min(width, entries.size()));
      }
    }
    if (bytes.isEmpty()) {
      throw new VerificationException(
          "entry bundle is missing (entries " + t * WIDTH + " to " + (t * WIDTH + width - 1) + ")", id.path());
    }
    return EntryBundle.decodeOrFail(bytes.get(), id.path());
  }

  private byte[] fetchTile(int level, long t, int width, long size) throws VerificationException {
    TileId id = TileId.hashes(level, t, width);
    Optional<byte[]> bytes = fetch(id.path());
    if (bytes.isEmpty() && id.isPartial()) {
      Optional<byte[]> full = fetch(id.full().path());
      if (full.isPresent()) {
        checkLength(full.get(), WIDTH, id.full());
        return Arrays.copyOf(full.get(), width * Hash.SIZE);
      }
    }
    if (bytes.isEmpty()) {
      long first = (t * WIDTH) << (TileId.HEIGHT * level);
      throw new VerificationException(
          "hash tile is missing (it covers entries from " + first + " in a log of " + size + ")", id.path());
    }
    checkLength(bytes.get(), width, id);
    return bytes.get();
  }

  private static void checkLength(byte[] tile, int width, TileId id) throws VerificationException {
    if (tile.length < width * Hash.SIZE) {
      throw new VerificationException(
          "tile is truncated: " + tile.length + " bytes, " + width * Hash.SIZE + " expected (" + width + " hashes)", id.path());
    }
    if (tile.length > width * Hash.SIZE) {
      throw new VerificationException(
          "tile is " + tile.length + " bytes, longer than the " + width * Hash.SIZE + " of " + width + " hashes", id.path());
    }
  }

  private Optional<byte[]> fetch(String path) throws VerificationException {
    try {
      Optional<byte[]> bytes = source.fetch(path);
      if (bytes.isPresent()) {
        tilesRead++;
        bytesRead += bytes.get().length;
      }
      return bytes;
    } catch (IOException e) {
      throw new VerificationException("cannot read: " + e.getMessage(), path);
    }
  }

  /** A growable array of hashes. */
  private static final class Hashes {
    private byte[] bytes = new byte[64 * Hash.SIZE];
    private long count;

    void add(byte[] hash) {
      int at = Math.toIntExact(count * Hash.SIZE);
      if (at + Hash.SIZE > bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      System.arraycopy(hash, 0, bytes, at, Hash.SIZE);
      count++;
    }

    long count() {
      return count;
    }

    byte[] slice(long first, int n) {
      int from = Math.toIntExact(first * Hash.SIZE);
      return Arrays.copyOfRange(bytes, from, from + n * Hash.SIZE);
    }
  }
}
