package org.accord.app;

import org.accord.disclosure.CaseEventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.accord.disclosure.CaseCredit;
import org.accord.disclosure.Credit;
import org.accord.disclosure.PublicNames;
import org.accord.party.Organization;
import org.accord.store.Cases.EventRow;
import org.accord.store.Organizations;
import org.jdbi.v3.core.Handle;

/**
 * Gathers, in one place, what decides who a case may name in public (ADR 0124): for each organization,
 * its kind, the credit of its reports that belong to the case and its own {@code case.credit_set}
 * choice. Both the reveal bundle ({@link CasePublication#reveal}) and the published documents ({@link
 * CaseDocuments}) read the resulting {@link PublicNames}; the rule itself is the core's. Stateless.
 */
final class CaseNames {
  /** The event of a participant's credit choice (ADR 0115). */
  static final String CREDIT_SET = CaseEventType.CREDIT_SET.label();
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseNames() {}

  /**
   * Who the case may name: every participant and every organization in {@code also}.
   *
   * @param before only credit choices in history rows before this one count (the publication's row); {@link
   *     Long#MAX_VALUE} for all
   */
  static PublicNames of(Handle handle, long casePk, long before, Collection<String> also) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(also);
    org.accord.store.Cases.participants(handle, casePk).forEach(p -> names.add(p.organizationName()));
    Map<String, CaseCredit> chosen = choices(handle, casePk, before);
    Map<String, List<Credit>> reported = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (org.accord.store.Reports.ReportRow report : org.accord.store.Reports.ofCase(handle, casePk)) {
      report.reporterOrgName().ifPresent(name -> reported.computeIfAbsent(name, n -> new ArrayList<>()).add(credit(report.body())));
    }
    List<PublicNames.Party> parties = new ArrayList<>();
    for (String name : names) {
      // An organization that no longer resolves is not named: nothing says it may be.
      Optional<Organization> organization = Organizations.find(handle, name);
      parties.add(organization.isPresent()
          ? new PublicNames.Party(name, organization.get().kind().listedToOthers(), reported.getOrDefault(name, List.of()),
              Optional.ofNullable(chosen.get(name)))
          : new PublicNames.Party(name, false, List.of(), Optional.of(CaseCredit.ANONYMOUS)));
    }
    return PublicNames.decide(parties);
  }

  /** Each participant's last credit choice written before history row {@code before}. */
  private static Map<String, CaseCredit> choices(Handle handle, long casePk, long before) {
    Map<String, CaseCredit> chosen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (EventRow e : org.accord.store.Cases.events(handle, casePk)) {
      if (e.seq() < before && e.type().equals(CREDIT_SET) && e.data().get("credit") instanceof String label) {
        chosen.put(e.actorOrganization(), CaseCredit.parse(label));
      }
    }
    return chosen;
  }

  /** The credit a stored report states; anonymous, the default, if it states none or none that reads. */
  private static Credit credit(String body) {
    try {
      JsonNode credit = JSON.readTree(body).path("credit");
      Credit.Preference preference = Credit.Preference.parse(credit.path("preference").asText("anonymous"));
      return new Credit(preference, credit.hasNonNull("name") ? Optional.of(credit.get("name").asText()) : Optional.empty());
    } catch (IOException | RuntimeException e) {
      return Credit.anonymous();
    }
  }
}
