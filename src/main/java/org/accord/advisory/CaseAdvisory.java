package org.accord.advisory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a disclosure case says, as the documents written from it need it (ADR 0121): the case's
 * vulnerabilities, its participants' statuses per product and whom to credit. The caller decides what
 * may be in it (items the audience may see, names that may be published); {@link CaseAdvisoryWriter}
 * writes exactly this and nothing else. Immutable; nothing is null.
 *
 * @param caseId the case id, such as {@code ACC-2026-0001}: the CSAF {@code tracking.id}
 * @param sharingGroup the case's stable UUID, the interim document's closed sharing group
 * @param title the case title
 * @param publisher who publishes (CSAF {@code publisher.name}, VEX author)
 * @param namespace the publisher's URL (CSAF {@code publisher.namespace})
 * @param toolVersion Accord's version, for the generator
 * @param released when the document is (or would be) released; seconds precision
 * @param vulnerabilities the vulnerabilities, oldest first
 * @param statuses the statuses per participant and product
 * @param credits the organizations to acknowledge, in order
 */
public record CaseAdvisory(
    String caseId,
    UUID sharingGroup,
    String title,
    String publisher,
    String namespace,
    String toolVersion,
    Instant released,
    List<Vulnerability> vulnerabilities,
    List<Status> statuses,
    List<Credit> credits) {

  public CaseAdvisory {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(sharingGroup, "sharingGroup");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(toolVersion, "toolVersion");
    released = released.truncatedTo(ChronoUnit.SECONDS);
    vulnerabilities = List.copyOf(vulnerabilities);
    statuses = List.copyOf(statuses);
    credits = List.copyOf(credits);
  }

  /** The CSAF 2.0 party categories of {@code involvements[].party} (§3.2.3.5). */
  public enum Party {
    COORDINATOR, DISCOVERER, OTHER, USER, VENDOR;

    /** The CSAF label, such as {@code vendor}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One vulnerability of the case.
   *
   * @param alias its CVE or other id; empty when it has none
   * @param affected affected packages: PURL without version to a {@code vers:} range, in order
   * @param cvss a CVSS vector, if known
   */
  public record Vulnerability(String alias, Map<String, String> affected, Optional<String> cvss) {
    public Vulnerability {
      Objects.requireNonNull(alias, "alias");
      affected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(affected));
      Objects.requireNonNull(cvss, "cvss");
    }
  }

  /**
   * A participant's status for one product.
   *
   * @param organization the participant's name
   * @param named whether the name may appear in the document; otherwise it is written as its party only
   * @param party what the participant is, as CSAF names parties
   * @param product the product, a PURL (with or without version)
   * @param vex the VEX status, empty for "not yet checked"
   * @param involvement the CSAF involvement status label, such as {@code in_progress}
   * @param updated when it was last set
   */
  public record Status(String organization, boolean named, Party party, String product, Optional<VexStatus> vex,
      String involvement, Instant updated) {
    public Status {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(vex, "vex");
      Objects.requireNonNull(involvement, "involvement");
      Objects.requireNonNull(updated, "updated");
    }

    /** The status a VEX document states: "not yet checked" is {@code under_investigation}, never {@code not_affected}. */
    public VexStatus stated() {
      return vex.orElseGet(VexStatus.UnderInvestigation::new);
    }
  }

  /**
   * An acknowledgment.
   *
   * @param organization the organization credited
   * @param summary what it did, such as {@code vendor}
   */
  public record Credit(String organization, String summary) {
    public Credit {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(summary, "summary");
    }
  }

  /** The case's name for the vulnerability as a whole: its first CVE, else its first alias, else the case id. */
  public String primaryName() {
    return names().get(0);
  }

  /** Every name: CVE aliases first, then other aliases, then the case id. */
  public List<String> names() {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    vulnerabilities.stream().map(Vulnerability::alias).filter(a -> a.matches("CVE-\\d{4}-\\d{4,}")).forEach(names::add);
    vulnerabilities.stream().map(Vulnerability::alias).filter(a -> !a.isEmpty()).forEach(names::add);
    names.add(caseId);
    return List.copyOf(names);
  }
}
