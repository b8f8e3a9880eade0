package org.accord.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.disclosure.EmState;
import org.accord.disclosure.PecState;
import org.jdbi.v3.core.Handle;

/**
 * The store side of RSVP deadlines (ADR 0116): which cases may have an invitation to lapse, and which
 * participants' consent lapsed by their deadline. The rule (whose deadline passed) is the {@code
 * disclosure} core's; this class only finds candidates and writes results. Stateless and thread-safe;
 * methods run on the caller's handle and transaction.
 */
public final class CaseDeadlines {
  private CaseDeadlines() {}

  /**
   * The row ids of the cases in one of {@code states} that have a participant in one of {@code waiting}
   * and whose latest embargo proposal's RSVP deadline is before {@code now}, oldest first: the
   * candidates of a sweep, which decides per participant (one joining after that proposal has its own
   * later deadline).
   */
  public static List<Long> candidates(Handle handle, Instant now, Collection<EmState> states, Collection<PecState> waiting) {
    if (states.isEmpty() || waiting.isEmpty()) {
      return List.of();
    }
    return handle.createQuery(
            "SELECT c.id FROM cases c WHERE c.em_state IN (<states>)"
                + " AND EXISTS (SELECT 1 FROM case_participants p WHERE p.case_id = c.id AND p.pec_state IN (<waiting>))"
                + " AND (SELECT MAX(e.rsvp_deadline) FROM case_embargo_proposals e WHERE e.case_id = c.id) < :now"
                + " ORDER BY c.id")
        .bindList("states", states.stream().map(Enum::name).sorted().toList())
        .bindList("waiting", waiting.stream().map(Enum::name).sorted().toList())
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .list();
  }

  /**
   * Writes a participant's consent after its invitation lapsed, with the deadline that passed; {@link
   * Cases#setConsent} clears the mark on any later change.
   */
  public static void lapse(Handle handle, long pk, long organization, PecState consent, Instant deadline) {
    handle.createUpdate("UPDATE case_participants SET pec_state = :pec, rsvp_lapsed_at = :at WHERE case_id = :pk AND org_id = :org")
        .bind("pec", consent.name()).bind("at", deadline.toEpochMilli()).bind("pk", pk).bind("org", organization).execute();
  }

  /** The case's participants whose consent lapsed by their deadline and has not changed since: organization id to the deadline. */
  public static Map<Long, Instant> lapsed(Handle handle, long pk) {
    Map<Long, Instant> out = new LinkedHashMap<>();
    handle.createQuery("SELECT org_id, rsvp_lapsed_at FROM case_participants WHERE case_id = :pk AND rsvp_lapsed_at IS NOT NULL ORDER BY org_id")
        .bind("pk", pk)
        .map((rs, ctx) -> Map.entry(rs.getLong("org_id"), Instant.ofEpochMilli(rs.getLong("rsvp_lapsed_at"))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
