package org.accord.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.accord.disclosure.Participant;
import org.accord.disclosure.PecState;
import org.accord.disclosure.RevisionAnswer;
import org.accord.disclosure.VfdState;
import org.accord.store.Cases.ParticipantRow;
import org.jdbi.v3.core.Handle;

/**
 * The deliberately naive reading of a case's participants that {@code accord bench cases} measures the
 * served case view against (ADR 0108): the participants' organization ids in one query, then one query
 * per participant for its row, one for its organization's name and one for its member's email, the way
 * an ORM with lazy associations assembles it. Nothing serves from this; it exists to be slower, and
 * returns the same rows as {@link Cases#participants}. Stateless and thread-safe.
 */
public final class NaiveCaseReads {
  private NaiveCaseReads() {}

  /** The case's participants, in the order they joined, one query (or three) per participant. */
  public static List<ParticipantRow> participants(Handle handle, long pk) {
    List<Long> orgs = handle.createQuery("SELECT org_id FROM case_participants WHERE case_id = :pk ORDER BY invited_at, org_id")
        .bind("pk", pk).mapTo(Long.class).list();
    List<ParticipantRow> rows = new ArrayList<>();
    for (long org : orgs) {
      rows.add(handle.createQuery(
              "SELECT member_id, roles, pec_state, revision_answer, vendor_aware, fix_ready, fix_deployed, invited_at, notified_at, viewed_at,"
                  + " acknowledged_at FROM case_participants WHERE case_id = :pk AND org_id = :org")
          .bind("pk", pk).bind("org", org)
          .map((rs, ctx) -> {
            long member = rs.getLong("member_id");
            OptionalLong memberId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(member);
            String name = handle.createQuery("SELECT name FROM organizations WHERE id = :id").bind("id", org).mapTo(String.class).one();
            Optional<String> email = memberId.isEmpty() ? Optional.empty()
                : handle.createQuery("SELECT email FROM members WHERE id = :id").bind("id", memberId.getAsLong()).mapTo(String.class).findOne();
            int v = rs.getInt("vendor_aware");
            Optional<VfdState> vendor = rs.wasNull() ? Optional.empty()
                : Optional.of(new VfdState(v == 1, rs.getInt("fix_ready") == 1, rs.getInt("fix_deployed") == 1));
            return new ParticipantRow(new Participant(org, memberId, roles(rs.getString("roles"))), name, email,
                PecState.valueOf(rs.getString("pec_state")), vendor, Instant.ofEpochMilli(rs.getLong("invited_at")),
                instant(rs, "notified_at"), instant(rs, "viewed_at"), instant(rs, "acknowledged_at"),
                RevisionAnswer.valueOf(rs.getString("revision_answer")));
          })
          .one());
    }
    return rows;
  }

  private static java.util.Set<org.accord.disclosure.ParticipantRole> roles(String json) {
    java.util.EnumSet<org.accord.disclosure.ParticipantRole> roles = java.util.EnumSet.noneOf(org.accord.disclosure.ParticipantRole.class);
    for (String label : JsonColumns.fromJson(json, "case_participants.roles")) {
      roles.add(org.accord.disclosure.ParticipantRole.fromLabel(label)
          .orElseThrow(() -> new StoreException("unknown role '" + label + "' in case_participants", null)));
    }
    return roles;
  }

  private static Optional<Instant> instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }
}
