package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, items 2 and 7 through {@link Cases}: TLP:RED named recipients, AMBER+STRICT, items never
 * below the case, member-only participants, and the per-case access log (ADR 0112, 0113), on SQLite
 * and PostgreSQL.
 */
class CaseNeedToKnowTest extends InstanceOnEngine {
  static final String LIBRACORE = "pkg:maven/org.libra/libracore [2.0,2.3.4)";
  Cases cases;

  void open(String engine) {
    open(engine, CasesTest.NOW);
    cases = accord.cases();
    for (String org : List.of("Alpha", "Beta", "Gamma", "Outsider")) {
      accord.parties().ensure(org, OrgKind.VENDOR);
    }
  }

  /** A person of {@code org}: {@code name@org.example}. */
  Principal person(String org, String name) {
    String email = name + "@" + org.toLowerCase() + ".example";
    Member member = accord.parties().members(coordinator, org).stream().filter(m -> m.email().equals(email)).findFirst()
        .orElseGet(() -> accord.parties().addMember(coordinator, org, email, MemberRole.MEMBER));
    return new Principal.OrgMember(member.organization(), member, null);
  }

  /** An admin of {@code org}: {@code name@org.example}. */
  Principal admin(String org, String name) {
    Member member = accord.parties().addMember(coordinator, org, name + "@" + org.toLowerCase() + ".example", MemberRole.ADMIN);
    return new Principal.OrgAdmin(member.organization(), member, null);
  }

  static String messageOf(Runnable call) {
    return CaseItemsTest.messageOf(call);
  }

  static InvalidInputException refusal(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aRedCaseReachesItsCreatorAndNamedPeopleOnly(String engine) {
    open(engine);
    Principal a1 = person("Alpha", "a1");
    Principal a2 = person("Alpha", "a2");
    Principal a3 = person("Alpha", "a3");
    Principal g1 = person("Gamma", "g1");
    Principal g2 = person("Gamma", "g2");
    String id = cases.create(a1, "Red case", "TLP:RED", List.of("vendor"), List.of("a3@alpha.example")).row().id().toString();
    String missing = messageOf(() -> cases.show(a2, "ACC-2026-0999")).replace("0999", id.substring(9));

    assertThat(cases.show(a1, id).row().title()).isEqualTo("Red case");
    assertThat(cases.show(a3, id).row().title()).as("a named colleague").isEqualTo("Red case");
    // The creator's other colleague and the coordinator: the answer for a missing case.
    for (Principal hidden : List.of(a2, coordinator, new Principal.OrgMember(a1.organization(), null, null))) {
      assertThat(messageOf(() -> cases.show(hidden, id))).isEqualTo(missing);
      assertThat(cases.list(hidden)).extracting(v -> v.row().id().toString()).doesNotContain(id);
    }
    // A RED case is shared with people: an organization as a whole is refused, a member joins the recipients.
    assertThat(refusal(() -> cases.invite(a1, id, "Gamma", List.of("vendor"), null)).location()).isEqualTo("member");
    cases.invite(a1, id, "Gamma", List.of("vendor"), "g1@gamma.example");
    assertThat(cases.show(g1, id).participants()).hasSize(2);
    assertThat(messageOf(() -> cases.events(g2, id))).isEqualTo(missing.replace("show", "events"));
    // Recipients only on RED, only people of the owner at creation.
    assertThat(refusal(() -> cases.create(a1, "Amber", "TLP:AMBER", null, List.of("a3@alpha.example"))).location()).isEqualTo("recipients");
    assertThat(refusal(() -> cases.create(a1, "Red", "TLP:RED", null, List.of("g2@gamma.example"))).location()).isEqualTo("recipients[0]");
    // An item in a RED case is RED; named none, it reaches the case's recipients.
    assertThat(refusal(() -> cases.addVulnerability(a1, id, null, List.of(LIBRACORE), null, "TLP:AMBER+STRICT")).location()).isEqualTo("tlp");
    cases.addVulnerability(a1, id, "CVE-2026-0001", List.of(LIBRACORE), null, null);
    for (Principal named : List.of(a1, a3, g1)) {
      assertThat(cases.vulnerabilities(named, id)).singleElement().satisfies(v -> assertThat(v).containsEntry("tlp", "TLP:RED")
          .containsEntry("recipients", List.of("a3@alpha.example", "a1@alpha.example", "g1@gamma.example").stream().sorted().toList()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void redAndStrictItemsHideTheItemItsEventAndItsCount(String engine) {
    open(engine);
    Principal a1 = person("Alpha", "a1");
    Principal a2 = person("Alpha", "a2");
    Principal b1 = person("Beta", "b1");
    Principal b2 = person("Beta", "b2");
    Principal g1 = person("Gamma", "g1");
    String id = cases.create(a1, "Amber case", null, List.of("vendor")).row().id().toString();
    cases.invite(a1, id, "Beta", List.of("vendor"), null);
    cases.invite(a1, id, "Gamma", List.of("vendor"), null);
    cases.addVulnerability(a1, id, "CVE-2026-0001", List.of(LIBRACORE), null, null);
    long log = accord.ledger().size();

    // Refusals name the field and write nothing.
    assertThat(refusal(() -> cases.addVulnerability(a1, id, null, List.of(LIBRACORE), null, "TLP:GREEN")).location()).isEqualTo("tlp");
    assertThat(refusal(() -> cases.addVulnerability(a1, id, null, List.of(LIBRACORE), null, "TLP:AMBER", List.of("b1@beta.example")))
        .location()).isEqualTo("recipients");
    InvalidInputException outsider = refusal(() -> cases.addVulnerability(a1, id, null, List.of(LIBRACORE), null, "RED",
        List.of("b1@beta.example", "o1@outsider.example")));
    assertThat(accord.ledger().size()).isEqualTo(log);
    person("Outsider", "o1");
    log = accord.ledger().size();
    InvalidInputException real = refusal(() -> cases.addVulnerability(a1, id, null, List.of(LIBRACORE), null, "RED",
        List.of("b1@beta.example", "o1@outsider.example")));
    assertThat(real.location()).isEqualTo("recipients[1]");
    assertThat(real.getMessage()).as("an address that exists answers like one that does not").isEqualTo(outsider.getMessage());
    assertThat(accord.ledger().size()).isEqualTo(log);
    assertThat(cases.vulnerabilities(a1, id)).hasSize(1);

    // RED vulnerability for b1 alone; AMBER+STRICT status about Gamma set by the coordinator.
    cases.addVulnerability(a1, id, "CVE-2026-0002", List.of(LIBRACORE), null, "TLP:RED", List.of("b1@beta.example"));
    cases.setStatus(coordinator, id, "Gamma", "pkg:generic/gamma/router", "affected", null, null, "TLP:AMBER+STRICT");
    List<Object> before = cases.events(a2, id).stream().map(e -> e.get("type")).toList();

    assertThat(cases.vulnerabilities(a1, id)).hasSize(2);
    assertThat(cases.vulnerabilities(b1, id)).extracting(v -> v.get("alias")).containsExactly("CVE-2026-0001", "CVE-2026-0002");
    for (Principal hidden : List.of(a2, b2, g1, coordinator)) {
      assertThat(cases.vulnerabilities(hidden, id)).as("neither the item nor its count").extracting(v -> v.get("alias"))
          .containsExactly("CVE-2026-0001");
      assertThat(cases.events(hidden, id).toString()).doesNotContain("CVE-2026-0002");
    }
    for (Principal sees : List.of(g1, coordinator)) {
      assertThat(cases.statuses(sees, id)).singleElement().satisfies(s -> assertThat(s).containsEntry("vexStatus", "affected"));
    }
    for (Principal hidden : List.of(a1, b1)) {
      assertThat(cases.statuses(hidden, id)).isEmpty();
      assertThat(cases.events(hidden, id).toString()).doesNotContain("gamma/router");
    }
    // The history a viewer sees has no gap where a hidden event was: seq counts what it sees.
    List<Map<String, Object>> a2Events = cases.events(a2, id);
    List<Map<String, Object>> b1Events = cases.events(b1, id);
    assertThat(a2Events).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3, 4);
    assertThat(b1Events).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3, 4, 5);
    assertThat(before).hasSize(4);
    assertThat(cases.events(g1, id)).hasSize(5).last().satisfies(e -> assertThat(e).containsEntry("type", "case.status_set"));
  }

  /** Item 2: one member of an organization takes part; the organization's other members do not see the case. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aMemberTakesPartWithoutTheRestOfItsOrganization(String engine) {
    open(engine);
    Principal a1 = person("Alpha", "a1");
    Principal g1 = person("Gamma", "g1");
    Principal g2 = person("Gamma", "g2");
    String other = cases.create(person("Gamma", "g3"), "Gamma's own case", null, null).row().id().toString();
    String id = cases.create(a1, "Amber case", null, List.of("vendor")).row().id().toString();
    cases.invite(a1, id, "Gamma", List.of("vendor"), "g1@gamma.example");
    assertThat(cases.list(g1)).extracting(v -> v.row().id().toString()).containsExactly(other, id);
    assertThat(cases.list(g2)).extracting(v -> v.row().id().toString()).containsExactly(other);
    assertThat(messageOf(() -> cases.statuses(g2, id))).isEqualTo(messageOf(() -> cases.statuses(g2, "ACC-2026-0999"))
        .replace("ACC-2026-0999", id));
    assertThat(messageOf(() -> cases.statuses(new Principal.OrgMember(g1.organization(), null, null), id)))
        .as("a machine token of the organization is not the member").contains("no case " + id);
    cases.setStatus(g1, id, null, "pkg:generic/gamma/router", "under_investigation", null, null, null);
    assertThat(cases.statuses(a1, id)).singleElement().satisfies(s -> assertThat(s).containsEntry("organization", "Gamma"));
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theOwnersAdminReadsWhoViewedWhatAndRepeatsCoalesce(String engine) {
    open(engine);
    Principal a1 = admin("Alpha", "a1");
    Principal a2 = person("Alpha", "a2");
    Principal b1 = person("Beta", "b1");
    Principal outsider = person("Outsider", "o1");
    String id = cases.create(a1, "Amber case", null, List.of("vendor")).row().id().toString();
    cases.invite(a1, id, "Beta", List.of("vendor"), null);
    accord.caseAccessLog().flush();
    clock.advance(Duration.ofMinutes(1));
    cases.show(b1, id);
    clock.advance(Duration.ofMillis(10));
    cases.vulnerabilities(b1, id);
    cases.vulnerabilities(b1, id);
    clock.advance(Duration.ofMillis(10));
    cases.vulnerabilities(b1, id);
    cases.statuses(coordinator, id);

    assertThatThrownBy(() -> cases.accessLog(b1, id)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> cases.accessLog(a2, id)).as("a plain member of the owner").isInstanceOf(ForbiddenException.class);
    assertThat(messageOf(() -> cases.accessLog(outsider, id))).isEqualTo(messageOf(() -> cases.accessLog(outsider, "ACC-2026-0999"))
        .replace("ACC-2026-0999", id));
    List<Map<String, Object>> entries = cases.accessLog(a1, id);
    String start = CasesTest.NOW.plus(Duration.ofMinutes(1)).toString();
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("organization", "Beta").containsEntry("member", "b1@beta.example")
        .containsEntry("what", "case").containsEntry("first", start).containsEntry("views", 1L));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("organization", "Beta").containsEntry("what", "vulnerabilities")
        .containsEntry("views", 3L).containsEntry("first", CasesTest.NOW.plus(Duration.ofMillis(60_010)).toString())
        .containsEntry("last", CasesTest.NOW.plus(Duration.ofMillis(60_020)).toString()));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("organization", "CERT").containsEntry("member", null)
        .containsEntry("what", "statuses"));
    assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("organization", "Alpha").containsEntry("member", "a1@alpha.example")
        .containsEntry("what", "access_log"));
    assertThat(cases.accessLog(coordinator, id)).hasSizeGreaterThan(entries.size());
    assertThat(entries).noneSatisfy(e -> assertThat(e).containsEntry("organization", "Outsider"));
  }

  /**
   * Sixteen readers read a case while four participants write statuses (the ledger's threads running)
   * and the access log flushes in the background and by hand: every read is counted exactly once
   * (no view lost to a flush racing a merge, none counted twice), and every write has its one event.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentReadersWhileTheLogFlushesAndTheLedgerRuns(String engine) throws Exception {
    open(engine);
    Principal a1 = admin("Alpha", "a1");
    String id = cases.create(a1, "Busy case", null, List.of("vendor")).row().id().toString();
    List<Principal> vendors = new ArrayList<>();
    for (int v = 0; v < 4; v++) {
      accord.parties().ensure("Vendor" + v, OrgKind.VENDOR);
      vendors.add(person("Vendor" + v, "v"));
      cases.invite(a1, id, "Vendor" + v, List.of("vendor"), null);
    }
    accord.caseAccessLog().flush();
    long base = views(cases.accessLog(a1, id));
    long logBefore = accord.ledger().size();
    AtomicLong reads = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(21);
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 16; r++) {
      Principal me = r % 2 == 0 ? a1 : vendors.get(r % 4);
      int kind = r;
      readers.add(pool.submit(() -> {
        while (writing.get()) {
          switch (kind % 4) {
            case 0 -> cases.show(me, id);
            case 1 -> cases.statuses(me, id);
            case 2 -> cases.vulnerabilities(me, id);
            default -> cases.events(me, id);
          }
          reads.incrementAndGet();
        }
        return null;
      }));
    }
    Future<?> flusher = pool.submit(() -> {
      while (writing.get()) {
        accord.caseAccessLog().flush();
        clock.advance(Duration.ofMillis(5));
      }
      return null;
    });
    List<Future<?>> writers = new ArrayList<>();
    for (Principal me : vendors) {
      writers.add(pool.submit(() -> {
        for (int i = 0; i < 5; i++) {
          cases.setStatus(me, id, null, "pkg:generic/product-" + i, "under_investigation", null, null, null);
        }
        return null;
      }));
    }
    for (Future<?> w : writers) {
      w.get();
    }
    writing.set(false);
    for (Future<?> r : readers) {
      r.get();
    }
    flusher.get();
    pool.shutdown();

    assertThat(accord.ledger().size() - logBefore).isEqualTo(20);
    assertThat(cases.statuses(a1, id)).hasSize(20);
    List<Map<String, Object>> entries = cases.accessLog(a1, id);
    // The readers' reads, the statuses each write answers with (20), the statuses read just above and
    // this read of the log (the earlier one is in base).
    assertThat(views(entries) - base).isEqualTo(reads.get() + 20 + 1 + 1);
    assertThat(entries).noneSatisfy(e -> assertThat(e).containsEntry("what", "unrecorded"));
  }

  private static long views(List<Map<String, Object>> entries) {
    return entries.stream().mapToLong(e -> ((Number) e.get("views")).longValue()).sum();
  }
}
