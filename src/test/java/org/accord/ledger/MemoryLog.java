package org.accord.ledger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A whole signed log in memory, served as tlog-tiles: the test double of the ledger service. */
final class MemoryLog implements TileSource {
  final NoteSigner signer;
  final MemoryTiles store = new MemoryTiles();
  LogTree tree = LogTree.empty();
  String checkpoint;

  MemoryLog(NoteSigner signer) {
    this.signer = signer;
    checkpoint = new Checkpoint(signer.name(), 0, MerkleLog.EMPTY_ROOT).sign(signer);
  }

  static MemoryLog create(String origin) {
    return new MemoryLog(NoteSigner.generate(origin, new SecureRandom()));
  }

  /** Appends entries as one batch and signs a checkpoint. */
  List<Receipt> append(List<byte[]> entries) {
    long first = tree.size();
    MemoryTiles.appendAll(tree, store, entries);
    checkpoint = new Checkpoint(signer.name(), tree.size(), tree.root()).sign(signer);
    Prover prover = prover();
    List<Receipt> receipts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      receipts.add(new Receipt(first + i, entries.get(i), prover.inclusion(first + i), checkpoint, Optional.empty()));
    }
    return receipts;
  }

  Prover prover() {
    return MerkleLog.prover(tree.size(), new TiledNodes(store, 16));
  }

  @Override
  public Optional<byte[]> fetch(String path) {
    if (path.equals("checkpoint")) {
      return Optional.of(checkpoint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    TileId id = TileId.parse(path);
    if (id.isEntries()) {
      int from = Math.toIntExact(id.index() * 256);
      if (from + id.width() > store.entries.size()) {
        return Optional.empty();
      }
      return Optional.of(EntryBundle.encode(store.entries.subList(from, from + id.width())));
    }
    byte[] stored = store.tiles.get(id.level() + "/" + id.index());
    if (stored == null || stored.length < id.width() * 32) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOf(stored, id.width() * 32));
  }
}
