package org.accord.store.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The rows of history imports (ADR 0156, V37): one per file, one per historical case. Rows only, in the
 * caller's transaction; never updated or deleted. Thread-safe.
 */
public final class HistoryRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private HistoryRows() {}

  /** Whether a file with this SHA-256 was imported. */
  public static boolean imported(Handle handle, String sha256) {
    return handle.createQuery("SELECT COUNT(*) FROM history_imports WHERE sha256 = :s").bind("s", sha256).mapTo(Long.class).one() > 0;
  }

  /** The public id of the historical case of this vulnerability and vendor (keys lower-cased), if any. */
  public static java.util.Optional<String> existing(Handle handle, String vulnerabilityKey, String vendorKey) {
    return handle.createQuery("SELECT public_id FROM history_cases WHERE vulnerability_key = :v AND vendor_key = :o")
        .bind("v", vulnerabilityKey).bind("o", vendorKey).mapTo(String.class).findOne();
  }

  /** Records one file; returns its row id. */
  public static long addImport(Handle handle, String sha256, String fileName, long org, Long member, int rows, long now) {
    return handle.createUpdate("INSERT INTO history_imports (sha256, file_name, org_id, member_id, row_count, imported_at)"
            + " VALUES (:s, :f, :o, :m, :r, :t)")
        .bind("s", sha256).bind("f", fileName).bind("o", org).bind("m", member).bind("r", rows).bind("t", now)
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  /** Records one historical case with its body (the event's data). */
  public static void addCase(Handle handle, long importId, String publicId, String vulnerabilityKey, String vendorKey,
      Map<String, Object> body) {
    handle.createUpdate("INSERT INTO history_cases (public_id, import_id, vulnerability_key, vendor_key, body)"
            + " VALUES (:p, :i, :v, :o, :b)")
        .bind("p", publicId).bind("i", importId).bind("v", vulnerabilityKey).bind("o", vendorKey).bind("b", json(body))
        .execute();
  }

  /** Every historical case's body, by public id. */
  public static List<Map<String, Object>> all(Handle handle) {
    return handle.createQuery("SELECT body FROM history_cases ORDER BY public_id").map((rs, ctx) -> read(rs.getString(1))).list();
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a history row is not JSON-ready", e);
    }
  }

  private static Map<String, Object> read(String text) {
    try {
      return JSON.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored history row is not JSON", e);
    }
  }
}
