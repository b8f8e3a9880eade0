package org.accord.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.accord.disclosure.EmState;
import org.accord.disclosure.PecState;
import org.accord.disclosure.Reminders;
import org.jdbi.v3.core.Handle;

/**
 * The store side of reminders (ADR 0126): which cases may owe one, which participants have a VEX
 * answer, and the record of reminders sent, one row per (case, participant, kind, the instant it is
 * about). Which reminders are due is the {@code disclosure} core's ({@link Reminders#due}); the
 * candidate query is only a superset that keeps a sweep from reading every case. Stateless and
 * thread-safe; methods run on the caller's handle and transaction.
 */
public final class CaseReminders {
  private CaseReminders() {}

  /**
   * How far the candidate query looks.
   *
   * @param terms the EM states in which an RSVP deadline runs
   * @param inForce the EM states in which terms are in force
   * @param waiting the consents a deadline can lapse
   */
  public record Scope(Collection<EmState> terms, Collection<EmState> inForce, Collection<PecState> waiting) {}

  /**
   * The row ids of the cases that may owe a reminder at {@code now}, oldest first: a participant other
   * than the owner that never opened the case {@link Reminders#UNSEEN_AFTER} after joining, a vendor
   * without a VEX answer {@link Reminders#NO_STATUS_AFTER} after joining (each unless that reminder was
   * sent), a participant waiting to answer terms whose deadline may be within {@link
   * Reminders#RSVP_BEFORE}, or terms in force ending within {@link Reminders#EMBARGO_FIRST}.
   *
   * @param rsvpDefault a participant's own RSVP window after joining ({@code EmbargoRules.RSVP_DEFAULT})
   */
  public static List<Long> candidates(Handle handle, Instant now, Scope scope, Duration rsvpDefault) {
    long at = now.toEpochMilli();
    long unseen = Reminders.UNSEEN_AFTER.toMillis();
    long silent = Reminders.NO_STATUS_AFTER.toMillis();
    return handle.createQuery(
            "SELECT c.id FROM cases c WHERE"
                + " EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id AND p.org_id <> c.owner_org_id"
                + "   AND p.viewed_at IS NULL AND p.invited_at <= :now - :unseen"
                + "   AND NOT EXISTS (SELECT 1 FROM case_reminders r WHERE r.case_id = c.id AND r.org_id = p.org_id"
                + "     AND r.kind = :unseenKind AND r.about_at = p.invited_at + :unseen))"
                + " OR EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id AND p.roles LIKE '%\"vendor\"%'"
                + "   AND p.invited_at <= :now - :silent"
                + "   AND NOT EXISTS (SELECT 1 FROM case_statuses s WHERE s.case_id = c.id AND s.org_id = p.org_id AND s.vex_status IS NOT NULL)"
                + "   AND NOT EXISTS (SELECT 1 FROM case_reminders r WHERE r.case_id = c.id AND r.org_id = p.org_id"
                + "     AND r.kind = :silentKind AND r.about_at = p.invited_at + :silent))"
                + " OR (c.em_state IN (<terms>) AND EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id"
                + "   AND p.pec_state IN (<waiting>) AND ((SELECT MAX(e.rsvp_deadline) FROM case_embargo_proposals e WHERE e.case_id = c.id)"
                + "     BETWEEN :now AND :now + :rsvp OR p.invited_at + :rsvpDefault BETWEEN :now AND :now + :rsvp)))"
                + " OR (c.em_state IN (<inForce>) AND c.embargo_end > :now AND c.embargo_end <= :now + :embargo)"
                + " ORDER BY c.id")
        .bind("now", at)
        .bind("unseen", unseen)
        .bind("silent", silent)
        .bind("unseenKind", Reminders.Kind.UNSEEN.label())
        .bind("silentKind", Reminders.Kind.NO_STATUS.label())
        .bind("rsvp", Reminders.RSVP_BEFORE.toMillis())
        .bind("rsvpDefault", rsvpDefault.toMillis())
        .bind("embargo", Reminders.EMBARGO_FIRST.toMillis())
        .bindList("terms", scope.terms().stream().map(Enum::name).sorted().toList())
        .bindList("inForce", scope.inForce().stream().map(Enum::name).sorted().toList())
        .bindList("waiting", scope.waiting().stream().map(Enum::name).sorted().toList())
        .mapTo(Long.class)
        .list();
  }

  /** The organizations of the case that have a VEX answer (not "not yet checked") for at least one product. */
  public static Set<Long> answered(Handle handle, long pk) {
    return new TreeSet<>(handle.createQuery("SELECT DISTINCT org_id FROM case_statuses WHERE case_id = :pk AND vex_status IS NOT NULL")
        .bind("pk", pk).mapTo(Long.class).list());
  }

  /**
   * Records a reminder as sent, in the transaction that writes its notifications.
   *
   * On PostgreSQL a concurrent insert of the same key waits for the other transaction and then does
   * nothing; on SQLite the write lock orders them.
   *
   * @return whether it was recorded now; false when it was sent before (by this or another sweep)
   */
  public static boolean record(Handle handle, long pk, long organization, Reminders.Kind kind, Instant about, long now) {
    return handle.createUpdate("INSERT INTO case_reminders (case_id, org_id, kind, about_at, sent_at, notified)"
            + " VALUES (:pk, :org, :kind, :about, :now, 0) ON CONFLICT (case_id, org_id, kind, about_at) DO NOTHING")
        .bind("pk", pk).bind("org", organization).bind("kind", kind.label()).bind("about", about.toEpochMilli())
        .bind("now", now)
        .execute() == 1;
  }

  /** Sets how many notifications a recorded reminder wrote. */
  public static void notified(Handle handle, long pk, long organization, Reminders.Kind kind, Instant about, int notified) {
    handle.createUpdate("UPDATE case_reminders SET notified = :n WHERE case_id = :pk AND org_id = :org AND kind = :kind AND about_at = :about")
        .bind("n", notified).bind("pk", pk).bind("org", organization).bind("kind", kind.label()).bind("about", about.toEpochMilli())
        .execute();
  }

  /**
   * A reminder sent.
   *
   * @param caseId the case's public id
   * @param organization the participant's organization name
   */
  public record Sent(String caseId, String organization, Reminders.Kind kind, Instant about, Instant sent, int notified) {}

  /** Every reminder sent, oldest first; for tests and diagnostics. */
  public static List<Sent> all(Handle handle) {
    return handle.createQuery("SELECT c.public_id, o.name, r.kind, r.about_at, r.sent_at, r.notified FROM case_reminders r"
            + " JOIN cases c ON c.id = r.case_id JOIN organizations o ON o.id = r.org_id ORDER BY r.id")
        .map((rs, ctx) -> new Sent(rs.getString("public_id"), rs.getString("name"), Reminders.Kind.parse(rs.getString("kind")),
            Instant.ofEpochMilli(rs.getLong("about_at")), Instant.ofEpochMilli(rs.getLong("sent_at")), rs.getInt("notified")))
        .list();
  }
}
