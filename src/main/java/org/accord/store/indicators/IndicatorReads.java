package org.accord.store.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.accord.accountability.indicators.CaseTimeline;
import org.jdbi.v3.core.Handle;

/**
 * The reads behind the indicators (ADR 0142): which cases are published, and every case's history
 * folded into timelines ({@link CaseTimeline.Builder}), in one ordered scan or, for the benchmark's
 * baseline, the naive way with queries per case. Rows only; the fold is the core's. Thread-safe.
 */
public final class IndicatorReads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private IndicatorReads() {}

  /** The public ids of the published cases, in order. */
  public static List<String> publishedCases(Handle handle) {
    return handle.createQuery("SELECT c.public_id FROM cases c JOIN case_events e ON e.case_id = c.id"
            + " WHERE e.type = 'case.published' ORDER BY c.public_id")
        .mapTo(String.class)
        .list();
  }

  /**
   * Every case's history in one scan ordered by case and sequence, each case folded as its rows end; only
   * the rows of the types the fold reads leave the database, and of their data only the members the fold
   * reads are kept ({@link #foldData}).
   */
  public static void foldAll(Handle handle, Consumer<CaseTimeline> out) {
    Map<Long, String> ids = new java.util.HashMap<>();
    handle.createQuery("SELECT id, public_id FROM cases").map((rs, ctx) -> ids.put(rs.getLong(1), rs.getString(2))).forEach(x -> {});
    CaseTimeline.Builder[] current = {null};
    long[] currentPk = {Long.MIN_VALUE};
    // One ordered scan of the primary key (case_id, seq), filtered in the database: the rows of the types the
    // fold skips (messages, most of a busy case's history) never cross the driver.
    String types = String.join(", ", CaseTimeline.Builder.TYPES.stream().sorted().map(t -> "'" + t + "'").toList());
    handle.createQuery("SELECT case_id, type, at, data FROM case_events WHERE type IN (" + types + ") ORDER BY case_id, seq")
        .setFetchSize(10_000)
        .map((rs, ctx) -> {
          long pk = rs.getLong(1);
          if (pk != currentPk[0]) {
            if (current[0] != null) {
              out.accept(current[0].build());
            }
            current[0] = new CaseTimeline.Builder(ids.get(pk));
            currentPk[0] = pk;
          }
          current[0].add(rs.getString(2), rs.getLong(3), foldData(rs.getString(4)));
          return Boolean.TRUE;
        })
        .forEach(row -> {});
    if (current[0] != null) {
      out.accept(current[0].build());
    }
  }

  /**
   * The members of an event's data the fold reads ({@link CaseTimeline.Builder#MEMBERS}), by one streaming
   * pass that skips the rest: strings as strings, arrays as lists of their strings; a member of another kind
   * is left out, which the fold treats as it treats a missing one. The fold sees what a full parse would give
   * it, without building the rest of the tree.
   */
  static Map<String, Object> foldData(String json) {
    Map<String, Object> data = new java.util.HashMap<>(8);
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new IllegalStateException("a case event's data is not a JSON object");
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken value = p.nextToken();
        if (!CaseTimeline.Builder.MEMBERS.contains(name)) {
          p.skipChildren();
        } else if (value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          data.put(name, p.getText());
        } else if (value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          List<String> items = new ArrayList<>(2);
          com.fasterxml.jackson.core.JsonToken item;
          while ((item = p.nextToken()) != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
            if (item == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
              items.add(p.getText());
            } else {
              p.skipChildren();
            }
          }
          data.put(name, items);
        } else {
          p.skipChildren();
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a case event's data is not JSON: " + e.getMessage(), e);
    }
    return data;
  }

  /**
   * The naive baseline of {@code accord bench indicators}: the cases listed, then for each case and each
   * event type the fold reads, one query for that type's rows; the rows merged back into sequence order
   * and folded. The same timelines as {@link #foldAll}, with about seven queries per case.
   */
  public static void foldPerCase(Handle handle, Consumer<CaseTimeline> out) {
    List<Map.Entry<Long, String>> cases = handle.createQuery("SELECT id, public_id FROM cases ORDER BY id")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .list();
    record Row(long seq, String type, long at, String data) {}
    for (Map.Entry<Long, String> c : cases) {
      List<Row> rows = new ArrayList<>();
      for (String type : CaseTimeline.Builder.TYPES) {
        rows.addAll(handle.createQuery("SELECT seq, at, data FROM case_events WHERE case_id = :c AND type = :t")
            .bind("c", c.getKey())
            .bind("t", type)
            .map((rs, ctx) -> new Row(rs.getLong(1), type, rs.getLong(2), rs.getString(3)))
            .list());
      }
      rows.sort(Comparator.comparingLong(Row::seq));
      CaseTimeline.Builder builder = new CaseTimeline.Builder(c.getValue());
      for (Row r : rows) {
        builder.add(r.type(), r.at(), data(r.data()));
      }
      out.accept(builder.build());
    }
  }

  /** One case event row to write in bulk. */
  public record EventRow(long casePk, long seq, String type, long at, String actor, Map<String, Object> data) {}

  /**
   * Writes case event rows in one batch, for {@code accord bench indicators} only: no ledger event, no
   * case revision; the caller's transaction.
   */
  public static void insertEvents(Handle handle, List<EventRow> rows) {
    org.jdbi.v3.core.statement.PreparedBatch batch = handle.prepareBatch(
        "INSERT INTO case_events (case_id, seq, type, at, actor_org, actor_member, data) VALUES (:c, :s, :t, :a, :o, NULL, :d)");
    try {
      for (EventRow r : rows) {
        batch.bind("c", r.casePk()).bind("s", r.seq()).bind("t", r.type()).bind("a", r.at()).bind("o", r.actor())
            .bind("d", JSON.writeValueAsString(r.data())).add();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not JSON-ready: " + e.getOriginalMessage(), e);
    }
    batch.execute();
  }

  private static Map<String, Object> data(String json) {
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a case event's data is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
