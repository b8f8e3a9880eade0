package org.accord.disclosure;

import java.util.Set;
import org.accord.advisory.CaseAdvisory;
import org.accord.party.OrgKind;

/**
 * What the documents of a published case may carry (ADR 0121): which items, which names, and as what.
 * Items labelled TLP:RED or TLP:AMBER+STRICT stay out of them, as they stay out of the reveal bundle
 * (ADR 0110). Who may be named is {@link PublicNames}', the one rule the reveal bundle applies too (ADR
 * 0124, after ADR 0115): a party that may be named is acknowledged (a finder under its report's credit
 * names) and authors its VEX documents; any other appears as its CSAF party only ("a participant
 * (discoverer)") and by name nowhere, and its name in the case title is replaced ({@link #title}). Pure and
 * stateless.
 */
public final class CaseDocumentRules {
  private CaseDocumentRules() {}

  /** Whether an item with this label goes into the published (TLP:CLEAR) documents. */
  public static boolean published(Tlp tlp) {
    return tlp != Tlp.RED && tlp != Tlp.AMBER_STRICT;
  }

  /** What a published document writes in place of an organization that may not be named. */
  public static final String UNNAMED = "a participant";

  /** The case title as the documents carry it: every organization that may not be named replaced by {@link #UNNAMED}. */
  public static String title(String title, PublicNames names) {
    return names.redact(title, UNNAMED);
  }

  /** The CSAF party of a participant: by its roles in the case first, then by its kind. */
  public static CaseAdvisory.Party party(OrgKind kind, Set<ParticipantRole> roles) {
    if (roles.contains(ParticipantRole.VENDOR)) {
      return CaseAdvisory.Party.VENDOR;
    }
    if (roles.contains(ParticipantRole.COORDINATOR)) {
      return CaseAdvisory.Party.COORDINATOR;
    }
    if (roles.contains(ParticipantRole.FINDER) || roles.contains(ParticipantRole.REPORTER)) {
      return CaseAdvisory.Party.DISCOVERER;
    }
    if (roles.contains(ParticipantRole.DEPLOYER)) {
      return CaseAdvisory.Party.USER;
    }
    return switch (kind) {
      case VENDOR, MAINTAINER, FOUNDATION -> CaseAdvisory.Party.VENDOR;
      case CERT, GOVERNMENT -> CaseAdvisory.Party.COORDINATOR;
      case RESEARCHER -> CaseAdvisory.Party.DISCOVERER;
      case OPERATOR -> CaseAdvisory.Party.USER;
    };
  }

  /** What an acknowledgment says an organization did, by its CSAF party. */
  public static String summary(CaseAdvisory.Party party) {
    return switch (party) {
      case VENDOR -> "vendor: assessed and addressed its products";
      case COORDINATOR -> "coordinated the disclosure";
      case DISCOVERER -> "found and reported the vulnerability";
      case USER -> "took part as a user";
      case OTHER -> "took part in the coordination";
    };
  }
}
