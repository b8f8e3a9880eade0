package org.accord.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.accord.disclosure.Tlp;
import org.jdbi.v3.core.Handle;

/**
 * SQL for need-to-know on case items (ADR 0112, V12): who created a case, the named recipients of a
 * TLP:RED case, and the markings of case events that tell of one item. Plain rows; the rule is {@link
 * Tlp#allows}. An event about a message addressed to some organizations keeps that audience (V17,
 * ADR 0117). Recipients are stored as a JSON array of member ids, NULL for none. Stateless and
 * thread-safe; methods run on the caller's handle and transaction.
 */
public final class CaseMarkings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseMarkings() {}

  /** The person who created a case (empty for a machine token) and the case's named recipients. */
  public record CaseAccess(OptionalLong creatorMember, Set<Long> recipients) {}

  /** Records the person who created the case and its recipients (RED only; empty otherwise). */
  public static void setCase(Handle handle, long pk, Long creatorMember, Set<Long> recipients) {
    handle.createUpdate("UPDATE cases SET created_by_member = :member, recipients = :recipients WHERE id = :pk")
        .bind("member", creatorMember).bind("recipients", toJson(recipients)).bind("pk", pk).execute();
  }

  /** Who created the case and whom it names. */
  public static CaseAccess ofCase(Handle handle, long pk) {
    return handle.createQuery("SELECT created_by_member, recipients FROM cases WHERE id = :pk").bind("pk", pk)
        .map((rs, ctx) -> new CaseAccess(optionalLong(rs, "created_by_member"), recipients(rs.getString("recipients"))))
        .one();
  }

  /** Marks case event {@code seq} with the label of the item it tells of. */
  public static void markEvent(Handle handle, long pk, long seq, Tlp.Marking marking) {
    handle.createUpdate(
            "INSERT INTO case_event_markings (case_id, seq, tlp, org_id, creator_org, creator_member, recipients, audience)"
                + " VALUES (:pk, :seq, :tlp, :org, :creatorOrg, :creatorMember, :recipients, :audience)")
        .bind("pk", pk).bind("seq", seq).bind("tlp", marking.tlp().name())
        .bind("org", marking.origin().organization()).bind("creatorOrg", marking.origin().creatorOrganization())
        .bind("creatorMember", boxed(marking.origin().creatorMember()))
        .bind("recipients", toJson(marking.recipients().members()))
        .bind("audience", marking.audience().map(CaseMarkings::audienceJson).orElse(null))
        .execute();
  }

  /** The markings of the case's events that tell of one item, by sequence number. */
  public static Map<Long, Tlp.Marking> eventMarkings(Handle handle, long pk) {
    Map<Long, Tlp.Marking> out = new HashMap<>();
    handle.createQuery("SELECT seq, tlp, org_id, creator_org, creator_member, recipients, audience FROM case_event_markings"
            + " WHERE case_id = :pk")
        .bind("pk", pk)
        .map((rs, ctx) -> {
          out.put(rs.getLong("seq"), new Tlp.Marking(Tlp.valueOf(rs.getString("tlp")),
              new Tlp.Origin(rs.getLong("org_id"), rs.getLong("creator_org"), optionalLong(rs, "creator_member")),
              new Tlp.Recipients(recipients(rs.getString("recipients"))),
              Optional.ofNullable(rs.getString("audience")).map(CaseMarkings::recipients)));
          return null;
        })
        .list();
    return out;
  }

  /** The e-mail addresses of these members, by id. */
  public static Map<Long, String> emails(Handle handle, Collection<Long> members) {
    Map<Long, String> out = new HashMap<>();
    if (!members.isEmpty()) {
      handle.createQuery("SELECT id, email FROM members WHERE id IN (<ids>)").bindList("ids", List.copyOf(members))
          .map((rs, ctx) -> out.put(rs.getLong("id"), rs.getString("email"))).list();
    }
    return out;
  }

  static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /** An audience column (V17): a JSON array of organization ids, possibly empty; NULL stands for no audience. */
  static String audienceJson(Set<Long> organizations) {
    try {
      return JSON.writeValueAsString(new TreeSet<>(organizations));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audience is not JSON: " + e.getMessage(), e);
    }
  }

  /** A recipients column: NULL for none. */
  static String toJson(Set<Long> members) {
    if (members == null || members.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(new TreeSet<>(members));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("recipients are not JSON: " + e.getMessage(), e);
    }
  }

  static Set<Long> recipients(String json) {
    if (json == null) {
      return Set.of();
    }
    try {
      return Set.copyOf(JSON.readValue(json, new TypeReference<List<Long>>() {}));
    } catch (JsonProcessingException e) {
      throw new StoreException("recipients column is not a JSON array of ids: " + e.getMessage(), e);
    }
  }
}
