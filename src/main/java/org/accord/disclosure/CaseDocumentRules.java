package org.accord.disclosure;

import java.util.Set;
import org.accord.advisory.CaseAdvisory;
import org.accord.party.OrgKind;

/**
 * What the documents of a published case may carry (ADR 0121): which items, which names, and as what.
 * Items labelled TLP:RED or TLP:AMBER+STRICT stay out of them, as they stay out of the reveal bundle
 * (ADR 0110). Until the reveal policy (ADR 0115) decides
 * how a finder's credit choice reaches the documents, only organizations that act publicly by their
 * nature are named: vendors, maintainers, foundations and CERTs. A researcher, an operator or a
 * government body appears as its CSAF party only ("a participant (discoverer)"), never by name, whatever
 * it chose: no party that chose anonymity can be named by mistake. Pure and stateless.
 */
public final class CaseDocumentRules {
  private CaseDocumentRules() {}

  /** Whether an item with this label goes into the published (TLP:CLEAR) documents. */
  public static boolean published(Tlp tlp) {
    return tlp != Tlp.RED && tlp != Tlp.AMBER_STRICT;
  }

  /** Whether a published document may name an organization of this kind. */
  public static boolean named(OrgKind kind) {
    return kind == OrgKind.VENDOR || kind == OrgKind.MAINTAINER || kind == OrgKind.FOUNDATION || kind == OrgKind.CERT;
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
