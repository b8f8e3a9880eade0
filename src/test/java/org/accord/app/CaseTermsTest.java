package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseEventType;
import org.accord.disclosure.Deadline;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A case's declared terms through {@link CaseTerms} (ADR 0152): the policy bounds the embargo, who declares, events, calendars. */
class CaseTermsTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

  Principal owner;
  Principal vendor;
  Principal outsider;
  String id;

  void open(String engine) {
    open(engine, NOW);
    owner = member("Libra Maintainers", OrgKind.MAINTAINER);
    vendor = member("Acme", OrgKind.VENDOR);
    outsider = member("Outsider", OrgKind.VENDOR);
    id = accord.cases().create(owner, "libracore parser flaw", null, List.of("vendor")).row().id().toString();
    accord.cases().invite(owner, id, "Acme", List.of("vendor"), null);
  }

  Map<String, Object> declare(Principal who, String policy) {
    return accord.caseTerms().declare(who, id, CaseTerms.Change.to(policy), CaseTerms.Change.keep(), CaseTerms.Change.keep());
  }

  long events(CaseEventType type) {
    return accord.cases().events(owner, id).stream().filter(e -> type.label().equals(e.get("type"))).count();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> policy(Map<String, Object> terms) {
    return (Map<String, Object>) terms.get("policy");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anAdoptedPolicyBoundsTheEmbargoAndShowsInCalendars(String engine) {
    open(engine);
    Map<String, Object> terms = declare(owner, "cert-cc");
    Instant deadline = NOW.plus(Duration.ofDays(45));
    assertThat(policy(terms)).containsEntry("id", "cert-cc").containsEntry("deadline", deadline.toString())
        .containsEntry("adopted_at", NOW.toString());
    assertThat(events(CaseEventType.POLICY_ADOPTED)).isEqualTo(1);
    // the vendor reads the terms, and the deadline is in its calendar
    assertThat(policy(accord.caseTerms().show(vendor, id))).containsEntry("deadline", deadline.toString());
    assertThat(accord.calendars().deadlines(vendor, id)).filteredOn(d -> d instanceof Deadline.PolicyDisclosure)
        .extracting(Deadline::at).containsExactly(deadline);
    assertThat(accord.calendars().deadlines(vendor)).filteredOn(d -> d instanceof Deadline.PolicyDisclosure).hasSize(1);

    // an embargo past the policy's deadline is refused, naming the end and the reason; nothing is stored
    assertThatThrownBy(() -> accord.cases().propose(owner, id, "60d", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("45 days after the report").hasMessageContaining("end it by " + deadline)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("end");
    assertThat(accord.cases().show(owner, id).proposals()).isEmpty();
    accord.cases().propose(owner, id, "45d", null);
    accord.cases().accept(owner, id);

    // a stricter policy than the embargo in force is refused until the embargo is revised
    assertThatThrownBy(() -> declare(owner, "linux-distros")).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("propose a revision ending by " + NOW.plus(Duration.ofDays(14)));
    assertThat(policy(accord.caseTerms().show(owner, id))).containsEntry("id", "cert-cc");

    // declaring the same again records nothing; dropping the policy records its change and clears the deadline
    declare(owner, "cert-cc");
    assertThat(events(CaseEventType.POLICY_ADOPTED)).isEqualTo(1);
    assertThat(declare(owner, null)).containsEntry("policy", null);
    assertThat(events(CaseEventType.POLICY_ADOPTED)).isEqualTo(2);
    assertThat(accord.calendars().deadlines(vendor, id)).noneMatch(d -> d instanceof Deadline.PolicyDisclosure);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void onlyTheOwnerOrTheCoordinatorDeclaresAndHiddenIsMissing(String engine) {
    open(engine);
    assertThatThrownBy(() -> declare(vendor, "cert-cc")).isInstanceOf(ForbiddenException.class);
    String hidden = messageOf(() -> declare(outsider, "cert-cc"));
    String missing = messageOf(() -> accord.caseTerms().declare(outsider, "ACC-2027-0999", CaseTerms.Change.to("cert-cc"),
        CaseTerms.Change.keep(), CaseTerms.Change.keep()));
    assertThat(hidden).isEqualTo(missing.replace("ACC-2027-0999", id));
    assertThatThrownBy(() -> accord.caseTerms().show(outsider, id)).isInstanceOf(NotFoundException.class).hasMessage(hidden);
    assertThatThrownBy(() -> declare(owner, "project-one")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cert-cc, linux-distros, project-zero, zdi")
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("policy");
    assertThat(accord.caseTerms().show(owner, id)).containsEntry("policy", null);
    assertThat(events(CaseEventType.POLICY_ADOPTED)).isZero();

    // the coordinator declares the facts; a fact is kept, set or cleared independently of the policy
    Map<String, Object> facts = accord.caseTerms().declare(coordinator, id, CaseTerms.Change.keep(), CaseTerms.Change.to(true),
        CaseTerms.Change.to(false));
    assertThat(facts.get("facts")).isEqualTo(Map.of("network_product", true, "significant_incident", false));
    Map<String, Object> cleared = accord.caseTerms().declare(owner, id, CaseTerms.Change.keep(), CaseTerms.Change.keep(),
        CaseTerms.Change.clear());
    assertThat(cleared.get("facts").toString()).isEqualTo("{network_product=true, significant_incident=null}");
    assertThat(events(CaseEventType.FACTS_DECLARED)).isEqualTo(2);
    assertThat(events(CaseEventType.POLICY_ADOPTED)).isZero();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentDeclarationsFormOneChainOfChanges(String engine) throws Exception {
    open(engine);
    List<String> policies = List.of("cert-cc", "zdi", "project-zero", "linux-distros");
    int threads = 8;
    int rounds = 5;
    long logBefore = accord.ledger().size();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      futures.add(pool.submit(() -> {
        for (int r = 0; r < rounds; r++) {
          Principal who = me % 2 == 0 ? owner : coordinator;
          accord.caseTerms().declare(who, id, CaseTerms.Change.to(policies.get((me + r) % policies.size())),
              CaseTerms.Change.to(r % 2 == 0), CaseTerms.Change.keep());
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    // every adoption names the policy before it: no change was lost between two writers
    List<Map<String, Object>> adopted = accord.cases().events(owner, id).stream()
        .filter(e -> CaseEventType.POLICY_ADOPTED.label().equals(e.get("type"))).toList();
    assertThat(adopted).isNotEmpty();
    Object previous = null;
    for (Map<String, Object> e : adopted) {
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) e.get("data");
      assertThat(data.get("previous")).isEqualTo(previous);
      assertThat(data.get("policy")).isNotEqualTo(previous);
      previous = data.get("policy");
    }
    assertThat(policy(accord.caseTerms().show(owner, id))).containsEntry("id", previous);
    long facts = events(CaseEventType.FACTS_DECLARED);
    assertThat(accord.ledger().size() - logBefore).as("one log entry per recorded change").isEqualTo(adopted.size() + facts);
  }

  static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }
}
