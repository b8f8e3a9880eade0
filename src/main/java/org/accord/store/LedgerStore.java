package org.accord.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.accord.ledger.Hash;
import org.accord.ledger.HashTile;
import org.accord.ledger.Receipt;
import org.accord.ledger.TileId;
import org.accord.ledger.TileReader;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;

/**
 * The transparency ledger's tables: entries, hash tiles, signed checkpoints and the secrets of
 * private events (migration {@code V2__ledger}).
 *
 * <p>{@link #append} writes one batch (entries, changed tiles, its checkpoint) in one
 * transaction, so the stored tiles always match the stored entries and the newest checkpoint. The
 * store does not check the tree; {@link org.accord.ledger.LogTree} and the ledger service do.
 *
 * <p>Thread-safe: each call takes its own connection from the pool.
 */
public final class LedgerStore implements TileReader {
  private static final int HEAD_CHUNK = 500;

  private final Database database;

  public LedgerStore(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  private <T> T query(HandleCallback<T, SQLException> callback) {
    try {
      return database.jdbi().withHandle(callback);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger store: " + e.getMessage(), e);
    }
  }

  private void transaction(HandleConsumer<SQLException> callback) {
    try {
      database.jdbi().useTransaction(callback);
    } catch (SQLException e) {
      throw new IllegalStateException("ledger store: " + e.getMessage(), e);
    }
  }

  /**
   * One log entry as stored.
   *
   * @param index its index in the log
   * @param data the entry bytes (an event, or a commitment)
   * @param subject the event's subject
   * @param eventHash SHA-256 of the event's canonical bytes (for a private event, of the hidden event)
   * @param secret the salt and event of a private entry
   */
  public record Entry(long index, byte[] data, String subject, Hash eventHash, Optional<Receipt.Reveal> secret) {
    public Entry {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(eventHash, "eventHash");
      Objects.requireNonNull(secret, "secret");
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry that && index == that.index && Arrays.equals(data, that.data)
          && subject.equals(that.subject) && eventHash.equals(that.eventHash) && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
      return Objects.hash(index, Arrays.hashCode(data), subject, eventHash, secret);
    }
  }

  /**
   * A signed checkpoint as stored.
   *
   * @param size the tree size
   * @param root the root hash
   * @param note the signed note
   * @param createdAt when it was signed, epoch milliseconds
   * @param publishedAt when it became the log's current checkpoint, if it did
   */
  public record StoredCheckpoint(long size, Hash root, String note, long createdAt, OptionalLong publishedAt) {
    public StoredCheckpoint {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(note, "note");
      Objects.requireNonNull(publishedAt, "publishedAt");
    }
  }

  /** Writes one batch in one transaction. */
  public void append(List<Entry> entries, List<HashTile> tiles, StoredCheckpoint checkpoint) {
    append(entries, tiles, checkpoint, List.of());
  }

  /**
   * Writes one batch in one transaction, and deletes the {@link Outbox} rows whose events it appends
   * in the same transaction (ADR 0085).
   *
   * @throws IllegalStateException if the store fails, or an outbox row is already gone; nothing is
   *     written then
   */
  public void append(List<Entry> entries, List<HashTile> tiles, StoredCheckpoint checkpoint, Collection<Long> outboxIds) {
    transaction(handle -> write(handle.getConnection(), new Batch(entries, tiles, checkpoint, outboxIds)));
  }

  /**
   * One batch to write: its entries, the tiles they changed, the checkpoint signed for the new size,
   * and the {@link Outbox} rows whose events it appends.
   */
  public record Batch(List<Entry> entries, List<HashTile> tiles, StoredCheckpoint checkpoint, Collection<Long> outboxIds,
      List<Long> outboxIndexes) {
    public Batch {
      entries = List.copyOf(entries);
      tiles = List.copyOf(tiles);
      Objects.requireNonNull(checkpoint, "checkpoint");
      outboxIds = List.copyOf(outboxIds);
      outboxIndexes = List.copyOf(outboxIndexes);
    }

    /** A batch that does not say which index each outbox event got. */
    public Batch(List<Entry> entries, List<HashTile> tiles, StoredCheckpoint checkpoint, Collection<Long> outboxIds) {
      this(entries, tiles, checkpoint, outboxIds, List.of());
    }
  }

  /** The advisory lock key of log batches on PostgreSQL: "ACCORDLG" (ADR 0147). */
  public static final long BATCH_LOCK = 0x4143434f52444c47L;

  /** Makes a batch of what the outbox holds, inside the transaction that writes it. */
  @FunctionalInterface
  public interface Drain {
    /**
     * @param staged the oldest outbox rows, read in the batch's transaction
     * @param heads the newest entry of each subject's public or private chain, read in that transaction
     *     (see {@link #heads}); no other connection is taken while the transaction holds one
     * @return the batch, or empty to write nothing
     */
    Optional<Batch> prepare(List<Outbox.Staged> staged, Heads heads);
  }

  /** {@link #heads(Collection, boolean)} on the caller's connection. */
  @FunctionalInterface
  public interface Heads {
    Map<String, Hash> of(Collection<String> subjects, boolean committed);
  }

  /**
   * Reads up to {@code limit} of the oldest outbox rows (none for 0), has {@code drain} make a batch of them (and
   * of whatever else it appends), and writes the batch, all in one transaction (ADR 0111, addendum 2).
   * On SQLite the transaction holds the database's write lock from its start, so the batch takes every
   * event whose change committed before it: the changes that committed while the previous batch was
   * written share one commit of the log instead of one each.
   *
   * @throws IllegalStateException if the store fails, or an outbox row is already gone; nothing is
   *     written then
   */
  public void drain(int limit, Drain drain) {
    transaction(handle -> {
      if (database.dialect() == Database.Dialect.POSTGRESQL) {
        // One batch at a time across replicas: the log writer's leader, and a replica's own direct appends.
        handle.execute("SELECT pg_advisory_xact_lock(?)", BATCH_LOCK);
      }
      long storedSize = handle.createQuery("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoints").mapTo(Long.class).one();
      List<Outbox.Staged> staged = limit > 0 ? Outbox.oldest(handle, limit) : List.of();
      Connection connection = handle.getConnection();
      Optional<Batch> batch = drain.prepare(staged, (subjects, committed) -> {
        try {
          return heads(connection, subjects, committed);
        } catch (SQLException e) {
          throw new IllegalStateException("ledger store: " + e.getMessage(), e);
        }
      });
      if (batch.isPresent()) {
        long first = batch.get().checkpoint().size() - batch.get().entries().size();
        if (first != storedSize) {
          // Another replica appended since this one read the log: every index is used once (ADR 0147).
          throw new IllegalStateException("the log holds " + storedSize + " entries, not " + first + ": it grew on another replica");
        }
        write(connection, batch.get());
      }
    });
  }

  private static void write(Connection connection, Batch batch) throws SQLException {
    List<Entry> entries = batch.entries();
    List<HashTile> tiles = batch.tiles();
    StoredCheckpoint checkpoint = batch.checkpoint();
    Collection<Long> outboxIds = batch.outboxIds();
    if (!outboxIds.isEmpty()) {
      Outbox.remove(connection, outboxIds);
    }
    if (!batch.outboxIndexes().isEmpty()) {
      // Which index each event got, for a replica that staged it and waits for it (V32, ADR 0147).
      try (PreparedStatement appended = connection.prepareStatement(
          "INSERT INTO outbox_appended (outbox_id, idx, appended_at) VALUES (?, ?, ?)"
              + " ON CONFLICT (outbox_id) DO UPDATE SET idx = excluded.idx, appended_at = excluded.appended_at")) {
        java.util.Iterator<Long> ids = outboxIds.iterator();
        for (long index : batch.outboxIndexes()) {
          appended.setLong(1, ids.next());
          appended.setLong(2, index);
          appended.setLong(3, batch.checkpoint().createdAt());
          appended.addBatch();
        }
        appended.executeBatch();
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO ledger_entries (idx, data, subject, event_hash, committed) VALUES (?, ?, ?, ?, ?)");
        PreparedStatement secret = connection.prepareStatement(
            "INSERT INTO ledger_secrets (idx, salt, event) VALUES (?, ?, ?)")) {
      boolean secrets = false;
      for (Entry entry : entries) {
        insert.setLong(1, entry.index());
        insert.setBytes(2, entry.data);
        insert.setString(3, entry.subject());
        insert.setBytes(4, entry.eventHash().bytes());
        insert.setInt(5, entry.secret().isPresent() ? 1 : 0);
        insert.addBatch();
        if (entry.secret().isPresent()) {
          secret.setLong(1, entry.index());
          secret.setBytes(2, entry.secret().get().salt());
          secret.setBytes(3, entry.secret().get().event());
          secret.addBatch();
          secrets = true;
        }
      }
      insert.executeBatch();
      if (secrets) {
        secret.executeBatch();
      }
    }
    putTiles(connection, tiles);
    insertCheckpoint(connection, checkpoint);
  }

  /** The log index outbox event {@code outboxId} got, if a log writer on any replica appended it. */
  public Optional<Long> appendedIndex(long outboxId) {
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT idx FROM outbox_appended WHERE outbox_id = :id")
        .bind("id", outboxId).mapTo(Long.class).findOne());
  }

  /** Forgets which index outbox events appended before {@code before} (epoch ms) got. */
  public void forgetAppended(long before) {
    transaction(handle -> handle.createUpdate("DELETE FROM outbox_appended WHERE appended_at < :before").bind("before", before).execute());
  }

  /** Stores a checkpoint outside a batch (the empty log's first one). */
  public void insertCheckpoint(StoredCheckpoint checkpoint) {
    transaction(handle -> insertCheckpoint(handle.getConnection(), checkpoint));
  }

  private static void insertCheckpoint(Connection connection, StoredCheckpoint checkpoint) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ledger_checkpoints (tree_size, root, note, created_at, published_at) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.size());
      insert.setBytes(2, checkpoint.root().bytes());
      insert.setString(3, checkpoint.note());
      insert.setLong(4, checkpoint.createdAt());
      if (checkpoint.publishedAt().isPresent()) {
        insert.setLong(5, checkpoint.publishedAt().getAsLong());
      } else {
        insert.setNull(5, Types.BIGINT);
      }
      insert.executeUpdate();
    }
  }

  /** Writes tiles (inserting or widening), in their own transaction; the bulk path of benchmarks. */
  public void putTiles(List<HashTile> tiles) {
    transaction(handle -> putTiles(handle.getConnection(), tiles));
  }

  private static void putTiles(Connection connection, List<HashTile> tiles) throws SQLException {
    if (tiles.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT INTO ledger_tiles (level, idx, width, hashes) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (level, idx) DO UPDATE SET width = excluded.width, hashes = excluded.hashes")) {
      for (HashTile tile : tiles) {
        upsert.setInt(1, tile.id().level());
        upsert.setLong(2, tile.id().index());
        upsert.setInt(3, tile.id().width());
        upsert.setBytes(4, tile.hashes());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** Marks a checkpoint as published. */
  public void markPublished(long size, long at) {
    database.jdbi().useHandle(handle -> handle.createUpdate(
            "UPDATE ledger_checkpoints SET published_at = :at WHERE tree_size = :size")
        .bind("at", at)
        .bind("size", size)
        .execute());
  }

  /** The checkpoint of the largest tree, which is the log's state. */
  public Optional<StoredCheckpoint> latest() {
    return queryCheckpoint("SELECT tree_size, root, note, created_at, published_at FROM ledger_checkpoints "
        + "ORDER BY tree_size DESC LIMIT 1", null);
  }

  /** The newest published checkpoint. */
  public Optional<StoredCheckpoint> latestPublished() {
    return queryCheckpoint("SELECT tree_size, root, note, created_at, published_at FROM ledger_checkpoints "
        + "WHERE published_at IS NOT NULL ORDER BY tree_size DESC LIMIT 1", null);
  }

  /** The checkpoint signed at a tree size, if one was. */
  public Optional<StoredCheckpoint> checkpoint(long size) {
    return queryCheckpoint("SELECT tree_size, root, note, created_at, published_at FROM ledger_checkpoints "
        + "WHERE tree_size = ?", size);
  }

  private Optional<StoredCheckpoint> queryCheckpoint(String sql, Long size) {
    return query(handle -> {
      try (PreparedStatement query = handle.getConnection().prepareStatement(sql)) {
        if (size != null) {
          query.setLong(1, size);
        }
        try (ResultSet rows = query.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long published = rows.getLong(5);
          OptionalLong publishedAt = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(published);
          return Optional.of(new StoredCheckpoint(
              rows.getLong(1), new Hash(rows.getBytes(2)), rows.getString(3), rows.getLong(4), publishedAt));
        }
      }
    });
  }

  /** The stored bytes of a hash tile (its current width), if it exists. */
  public Optional<byte[]> tile(int level, long index) {
    return query(handle -> tile(handle, level, index));
  }

  private static Optional<byte[]> tile(Handle handle, int level, long index) throws SQLException {
    try (PreparedStatement query = handle.getConnection().prepareStatement(
        "SELECT hashes FROM ledger_tiles WHERE level = ? AND idx = ?")) {
      query.setInt(1, level);
      query.setLong(2, index);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the tile is missing or narrower than {@code minWidth}
   */
  @Override
  public byte[] read(int level, long index, int minWidth) {
    byte[] hashes = tile(level, index).orElseThrow(() -> new IllegalStateException(
        "ledger tile " + TileId.hashes(level, index, Math.max(1, Math.min(minWidth, TileId.FULL_WIDTH))) + " is missing from the store"));
    if (hashes.length < minWidth * Hash.SIZE) {
      throw new IllegalStateException("ledger tile " + level + "/" + index + " in the store holds "
          + hashes.length / Hash.SIZE + " hashes, " + minWidth + " needed");
    }
    return hashes;
  }

  /** The entries with indexes in {@code [first, first + count)} that exist, in index order. */
  public List<byte[]> entries(long first, int count) {
    return query(handle -> {
      try (PreparedStatement query = handle.getConnection().prepareStatement(
          "SELECT data FROM ledger_entries WHERE idx >= ? AND idx < ? ORDER BY idx")) {
        query.setLong(1, first);
        query.setLong(2, first + count);
        List<byte[]> entries = new ArrayList<>(count);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            entries.add(rows.getBytes(1));
          }
        }
        return entries;
      }
    });
  }

  /** One entry, if it exists. */
  public Optional<byte[]> entry(long index) {
    List<byte[]> entries = entries(index, 1);
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  /** The highest stored entry index, if any. */
  public OptionalLong lastIndex() {
    return query(handle -> {
      try (PreparedStatement query = handle.getConnection().prepareStatement("SELECT MAX(idx) FROM ledger_entries");
          ResultSet rows = query.executeQuery()) {
        rows.next();
        long last = rows.getLong(1);
        return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(last);
      }
    });
  }

  /** Whether any event waits in the outbox: a look without the write lock. */
  public boolean outboxWaiting() {
    return query(Outbox::any);
  }

  /** The number of events waiting in the outbox. */
  public long outboxSize() {
    return query(Outbox::count);
  }

  /**
   * The newest public (or, with {@code committed}, private) event of each subject that has one: the
   * SHA-256 of its canonical bytes, which the subject's next event of the same kind names as its
   * predecessor. Public and private events form separate chains (ADR 0087), so that a public entry
   * never names a private one.
   */
  public Map<String, Hash> heads(Collection<String> subjects, boolean committed) {
    return query(handle -> heads(handle.getConnection(), subjects, committed));
  }

  private static Map<String, Hash> heads(Connection connection, Collection<String> subjects, boolean committed) throws SQLException {
    Map<String, Hash> heads = new HashMap<>();
    List<String> all = new ArrayList<>(new LinkedHashSet<>(subjects));
    for (int from = 0; from < all.size(); from += HEAD_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + HEAD_CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT e.subject, e.event_hash FROM ledger_entries e JOIN "
              + "(SELECT subject, MAX(idx) AS idx FROM ledger_entries WHERE committed = ? AND subject IN (" + marks + ") GROUP BY subject) m "
              + "ON e.idx = m.idx")) {
        query.setInt(1, committed ? 1 : 0);
        for (int i = 0; i < chunk.size(); i++) {
          query.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            heads.put(rows.getString(1), new Hash(rows.getBytes(2)));
          }
        }
      }
    }
    return heads;
  }

  /** The salt and event of a private entry, if the entry is private. */
  public Optional<Receipt.Reveal> secret(long index) {
    return query(handle -> {
      try (PreparedStatement query = handle.getConnection().prepareStatement(
          "SELECT salt, event FROM ledger_secrets WHERE idx = ?")) {
        query.setLong(1, index);
        try (ResultSet rows = query.executeQuery()) {
          return rows.next() ? Optional.of(new Receipt.Reveal(rows.getBytes(1), rows.getBytes(2))) : Optional.empty();
        }
      }
    });
  }

  /** Indexes of a subject's private (with {@code committed}) or public entries, oldest first. */
  public List<Long> indexesOf(String subject, boolean committed) {
    return query(handle -> handle.createQuery(
            "SELECT idx FROM ledger_entries WHERE subject = :subject AND committed = :committed ORDER BY idx")
        .bind("subject", subject)
        .bind("committed", committed ? 1 : 0)
        .mapTo(Long.class)
        .list());
  }

  /** Indexes of a subject's entries, oldest first. */
  public List<Long> indexesOf(String subject) {
    return query(handle -> handle.createQuery(
            "SELECT idx FROM ledger_entries WHERE subject = :subject ORDER BY idx")
        .bind("subject", subject)
        .mapTo(Long.class)
        .list());
  }
}
