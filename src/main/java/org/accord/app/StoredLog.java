package org.accord.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.accord.ledger.EntryBundle;
import org.accord.ledger.Hash;
import org.accord.ledger.TileId;
import org.accord.ledger.TileSource;
import org.accord.store.LedgerStore;

/**
 * The stored log in the C2SP tlog-tiles layout: the checkpoint, hash tiles cut to the requested width
 * and entry bundles cut from the entry rows. What the web server serves and what {@code accord verify
 * log} reads from a data directory; it serves what is stored, damaged or not, so that an audit can find
 * the damage.
 *
 * <p>Thread-safe.
 */
final class StoredLog implements TileSource {
  private final LedgerStore store;
  private final Supplier<String> checkpoint;
  private final LongSupplier size;

  StoredLog(LedgerStore store, Supplier<String> checkpoint, LongSupplier size) {
    this.store = Objects.requireNonNull(store, "store");
    this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    this.size = Objects.requireNonNull(size, "size");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the path is not {@code checkpoint} or a canonical tile path
   */
  @Override
  public Optional<byte[]> fetch(String path) {
    if (path.equals("checkpoint")) {
      return Optional.of(checkpoint.get().getBytes(StandardCharsets.UTF_8));
    }
    TileId id = TileId.parse(path);
    if (id.isEntries()) {
      long first = id.index() * TileId.FULL_WIDTH;
      if (first + id.width() > size.getAsLong()) {
        return Optional.empty();
      }
      return Optional.of(EntryBundle.encode(store.entries(first, id.width())));
    }
    int bytes = id.width() * Hash.SIZE;
    return store.tile(id.level(), id.index())
        .filter(hashes -> hashes.length >= bytes)
        .map(hashes -> hashes.length == bytes ? hashes : Arrays.copyOf(hashes, bytes));
  }
}
