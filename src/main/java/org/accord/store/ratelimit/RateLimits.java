package org.accord.store.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.accord.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * Sliding-window rate limits kept in the database (V32, ADR 0147), so that every replica counts the
 * same requests. A key is stored only as its SHA-256. One key is counted at a time: on PostgreSQL under
 * a transaction-level advisory lock of the key's hash, on SQLite under the write lock every
 * transaction takes. Thread-safe.
 */
public final class RateLimits {
  private final Database database;

  public RateLimits(Database database) {
    this.database = database;
  }

  /**
   * Counts one request of {@code key} in {@code scope} at {@code now} if fewer than {@code max} were
   * counted in the {@code windowMillis} before it; otherwise counts nothing.
   *
   * @return empty when counted; else the milliseconds until the oldest counted request leaves the window
   */
  public OptionalLong take(String scope, String key, long now, long windowMillis, int max) {
    String hash = sha256(key);
    return database.jdbi().inTransaction(handle -> {
      if (database.dialect() == Database.Dialect.POSTGRESQL) {
        handle.execute("SELECT pg_advisory_xact_lock(?)", Long.parseUnsignedLong(hash.substring(0, 15), 16));
      }
      handle.createUpdate("DELETE FROM rate_limit_hits WHERE scope = :scope AND key_hash = :hash AND at <= :oldest")
          .bind("scope", scope).bind("hash", hash).bind("oldest", now - windowMillis).execute();
      List<Long> times = handle.createQuery(
              "SELECT at FROM rate_limit_hits WHERE scope = :scope AND key_hash = :hash ORDER BY at LIMIT :max")
          .bind("scope", scope).bind("hash", hash).bind("max", max).mapTo(Long.class).list();
      if (times.size() >= max) {
        return OptionalLong.of(Math.max(1, times.get(0) + windowMillis - now));
      }
      insert(handle, scope, hash, now);
      return OptionalLong.empty();
    });
  }

  private static void insert(Handle handle, String scope, String hash, long now) {
    handle.createUpdate("INSERT INTO rate_limit_hits (scope, key_hash, at) VALUES (:scope, :hash, :at)")
        .bind("scope", scope).bind("hash", hash).bind("at", now).execute();
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
