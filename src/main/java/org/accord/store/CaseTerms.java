package org.accord.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The store side of the terms a case declares (ADR 0152, migration V33): its adopted disclosure policy
 * and the facts rule packs test that Accord does not record itself. One row per case, absent until
 * something is declared. Which policy exists and what it implies are the cores' rules; this class reads
 * and writes the row. Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class CaseTerms {
  private CaseTerms() {}

  /**
   * A case's declared terms.
   *
   * @param policy the adopted policy's id, if any
   * @param policyAdopted when it was adopted (present with {@code policy})
   * @param networkProduct whether an affected product is a network product, if declared
   * @param significantIncident whether operators had a significant incident caused by the flaw, if declared
   */
  public record Row(
      Optional<String> policy, Optional<Instant> policyAdopted, Optional<Boolean> networkProduct, Optional<Boolean> significantIncident) {
    /** A case that declared nothing. */
    public static final Row NONE = new Row(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The case's terms, {@link Row#NONE} when it declared none. */
  public static Row of(Handle handle, long casePk) {
    return handle.createQuery("SELECT * FROM case_terms WHERE case_id = :pk")
        .bind("pk", casePk)
        .map((rs, ctx) -> {
          long adopted = rs.getLong("policy_adopted_at");
          Optional<Instant> adoptedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(adopted));
          return new Row(Optional.ofNullable(rs.getString("policy")), adoptedAt,
              flag(rs.getObject("network_product")), flag(rs.getObject("significant_incident")));
        })
        .findFirst()
        .orElse(Row.NONE);
  }

  /** The row ids of the cases that adopted a disclosure policy. */
  public static java.util.Set<Long> withPolicy(Handle handle) {
    return java.util.Set.copyOf(handle.createQuery("SELECT case_id FROM case_terms WHERE policy IS NOT NULL").mapTo(Long.class).list());
  }

  /** Replaces the case's terms with {@code terms}. */
  public static void save(Handle handle, long casePk, Row terms, Instant now) {
    int updated = bind(handle.createUpdate("UPDATE case_terms SET policy = :policy, policy_adopted_at = :adopted,"
        + " network_product = :network, significant_incident = :incident, updated_at = :now WHERE case_id = :pk"), casePk, terms, now)
        .execute();
    if (updated == 0) {
      bind(handle.createUpdate("INSERT INTO case_terms (case_id, policy, policy_adopted_at, network_product, significant_incident,"
          + " updated_at) VALUES (:pk, :policy, :adopted, :network, :incident, :now)"), casePk, terms, now).execute();
    }
  }

  private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update update, long casePk, Row terms, Instant now) {
    return update.bind("pk", casePk)
        .bind("policy", terms.policy().orElse(null))
        .bind("adopted", terms.policyAdopted().map(Instant::toEpochMilli).orElse(null))
        .bind("network", terms.networkProduct().map(b -> (short) (b ? 1 : 0)).orElse(null))
        .bind("incident", terms.significantIncident().map(b -> (short) (b ? 1 : 0)).orElse(null))
        .bind("now", now.toEpochMilli());
  }

  private static Optional<Boolean> flag(Object value) {
    return value == null ? Optional.empty() : Optional.of(((Number) value).intValue() != 0);
  }
}
