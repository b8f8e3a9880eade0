package org.accord.store.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The anomaly alerts raised on cases ({@code case_alerts}, V36). Stateless; every method runs in the
 * caller's handle.
 */
public final class AlertRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertRows() {}

  /**
   * A raised alert.
   *
   * @param id its public id
   * @param casePk the case's row id
   * @param kind the kind's label
   * @param subject what it is about, unique per case and kind
   * @param raised when it was raised
   * @param data the alert as recorded
   */
  public record Row(String id, long casePk, String kind, String subject, Instant raised, Map<String, Object> data) {}

  /** Records an alert unless the case has one of this kind and subject: whether this call recorded it. */
  public static boolean raise(Handle handle, String id, long casePk, String kind, String subject, Instant now, Map<String, Object> data) {
    String json;
    try {
      json = JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an alert is plain JSON", e);
    }
    return handle.createUpdate("INSERT INTO case_alerts (public_id, case_id, kind, subject, raised_at, data)"
            + " VALUES (:id, :pk, :kind, :subject, :now, :data) ON CONFLICT (case_id, kind, subject) DO NOTHING")
        .bind("id", id).bind("pk", casePk).bind("kind", kind).bind("subject", subject).bind("now", now.toEpochMilli()).bind("data", json)
        .execute() == 1;
  }

  /** The alerts of {@code cases} (row ids), newest first, at most {@code limit}. */
  public static List<Row> ofCases(Handle handle, List<Long> cases, int limit) {
    if (cases.isEmpty()) {
      return List.of();
    }
    return handle.createQuery("SELECT * FROM case_alerts WHERE case_id IN (<cases>) ORDER BY raised_at DESC, id DESC LIMIT :limit")
        .bindList("cases", cases).bind("limit", limit)
        .map((rs, ctx) -> new Row(rs.getString("public_id"), rs.getLong("case_id"), rs.getString("kind"), rs.getString("subject"),
            Instant.ofEpochMilli(rs.getLong("raised_at")), parse(rs.getString("data"))))
        .list();
  }

  /** Every case's alerts, newest first: for the instance's own readers (the coordinator). */
  public static List<Row> all(Handle handle, int limit) {
    return handle.createQuery("SELECT * FROM case_alerts ORDER BY raised_at DESC, id DESC LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> new Row(rs.getString("public_id"), rs.getLong("case_id"), rs.getString("kind"), rs.getString("subject"),
            Instant.ofEpochMilli(rs.getLong("raised_at")), parse(rs.getString("data"))))
        .list();
  }

  private static Map<String, Object> parse(String text) {
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case_alerts.data is not JSON: " + e.getMessage(), e);
    }
  }
}
