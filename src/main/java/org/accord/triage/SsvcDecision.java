package org.accord.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One SSVC decision, recorded so that it can be reproduced and audited: which table (by id and by the
 * SHA-256 of its text, since a custom table may reuse an id), the value of every decision point, the
 * outcome, and the provenance of any evidence that set a decision point.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param table the table's id, such as {@code "deployer"}
 * @param tableDigest the SHA-256 of the table document, lower-case hex
 * @param inputs decision point id to value id, in the table's column order
 * @param outcome the outcome value id, such as {@code "immediate"}
 * @param evidence the feeds consulted to derive inputs (KEV catalog version and release time, EPSS model
 *     version and score date); empty when every input was given directly
 * @param rationale one sentence per derived input saying why it has its value; empty when none was
 *     derived
 */
public record SsvcDecision(
    String table,
    String tableDigest,
    Map<String, String> inputs,
    String outcome,
    List<Provenance> evidence,
    List<String> rationale) {

  public SsvcDecision {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(tableDigest, "tableDigest");
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    Objects.requireNonNull(outcome, "outcome");
    evidence = List.copyOf(evidence);
    rationale = List.copyOf(rationale);
  }
}
