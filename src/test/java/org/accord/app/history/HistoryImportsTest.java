package org.accord.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.accountability.indicators.IndicatorAudit;
import org.accord.accountability.indicators.Indicators;
import org.accord.accountability.indicators.Interval;
import org.accord.accountability.indicators.Ordering;
import org.accord.app.LedgerService;
import org.accord.app.indicators.IndicatorService;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.ledger.CanonicalJson;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History imports (ADR 0156): the three public timelines of {@code history/public-advisories.csv} give
 * the figures computed by hand, counted as imported; the auditor reproduces them from the log alone;
 * a bad cell names its line and column and writes nothing; an admin imports only its own vendor name;
 * concurrent imports of one file leave one.
 */
class HistoryImportsTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  static byte[] advisories() throws Exception {
    try (var in = HistoryImportsTest.class.getResourceAsStream("/history/public-advisories.csv")) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void publicAdvisoriesGiveTheHandComputedFiguresAndTheLogReproducesThem(String engine) throws Exception {
    open(engine, NOW);
    HistoryImports.Imported imported = accord.historyImports().importFile(coordinator, "public-advisories.csv", advisories());
    assertThat(imported.cases()).hasSize(3);

    Indicators.Report report = new IndicatorService(accord).report(Indicators.Scope.ALL);
    Indicators.Figures all = report.all();
    assertThat(all.cases()).isEqualTo(3);
    assertThat(all.imported()).isEqualTo(3);
    // By hand: report to public 15 d (Log4j) and 1 d (Spring); Rails states no report date.
    assertThat(all.interval(Interval.REPORT_TO_PUBLIC).count()).isEqualTo(2);
    assertThat(all.interval(Interval.REPORT_TO_PUBLIC).medianDays()).contains(8.0);
    // Report to fix: 12 d and 2 d.
    assertThat(all.interval(Interval.REPORT_TO_FIX).meanDays()).contains(7.0);
    // Fix to public: 3 d (Log4j) and 62,819 s (Rails); Spring's fix came after P, not a duration.
    assertThat(all.interval(Interval.FIX_TO_PUBLIC).count()).isEqualTo(2);
    assertThat(all.interval(Interval.FIX_TO_PUBLIC).medianDays().orElseThrow()).isCloseTo((3 + 62_819 / 86_400.0) / 2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.interval(Interval.NOTIFIED_TO_RESPONSE).meanDays()).contains(1.0);
    // F<P held for Log4j and Rails, not Spring: 2 of 3; skill (2/3 - 0.111) / 0.889.
    assertThat(all.ordering(Ordering.F_BEFORE_P).met()).isEqualTo(2);
    assertThat(all.ordering(Ordering.F_BEFORE_P).trials()).isEqualTo(3);
    assertThat(all.ordering(Ordering.F_BEFORE_P).skill().orElseThrow().skill()).isCloseTo((2 / 3.0 - 0.111) / 0.889,
        org.assertj.core.data.Offset.offset(1e-9));
    // P<A in all three (KEV added each after publication); X<A missed by Rails (A with no public exploit).
    assertThat(all.ordering(Ordering.P_BEFORE_A).met()).isEqualTo(3);
    assertThat(all.ordering(Ordering.X_BEFORE_A).met()).isEqualTo(2);
    assertThat(all.ordering(Ordering.X_BEFORE_A).trials()).isEqualTo(3);
    assertThat(report.organizations()).containsOnlyKeys("Apache", "Rails", "VMware");
    Map<?, ?> json = (Map<?, ?>) CanonicalJson.parse(CanonicalJson.string(Indicators.toJson(report)));
    assertThat(json.get("imported").toString()).isEqualTo("3");
    assertThat(json.get("live").toString()).isEqualTo("0");

    // The auditor needs only the log: the history.case_imported events are public.
    accord.ledger().publish();
    String served = CanonicalJson.string(Indicators.toJson(report));
    IndicatorAudit.Result result = IndicatorAudit.audit(LedgerService.stored(accord.database()), accord.ledger().verifierKey(), List.of(), served);
    assertThat(result.reproduced()).as("%s", result.differences()).isTrue();
    String altered = served.replace("\"imported\":3", "\"imported\":2");
    assertThat(IndicatorAudit.audit(LedgerService.stored(accord.database()), accord.ledger().verifierKey(), List.of(), altered).differences())
        .anySatisfy(d -> assertThat(d).contains("$.imported: published 2, recomputed 3"));

    // Imported once: the same file again, or the same vulnerability of the same vendor in another file, is 409.
    assertThatThrownBy(() -> accord.historyImports().importFile(coordinator, "again.csv", advisories()))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("imported before");
    byte[] other = (header() + "cve-2021-44228,apache,,,,,2021-12-09,,\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> accord.historyImports().importFile(coordinator, "other.csv", other))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("line 2");
    assertThat(new IndicatorService(accord).report(Indicators.Scope.ALL).all().cases()).isEqualTo(3);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void badCellsNameLineAndColumnAndAnAdminImportsOnlyItsOwnName(String engine) throws Exception {
    open(engine, NOW);
    String badDate = header() + "CVE-1,Libra,2025-01-01,,,,,,\nCVE-2,Libra,2025-01-01,,,2025-13-01,,,\n";
    assertThatThrownBy(() -> accord.historyImports().importFile(coordinator, "bad.csv", badDate.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("line 3, column 6 (fix_ready)"));
    assertThatThrownBy(() -> accord.historyImports().importFile(coordinator, "future.csv",
        (header() + "CVE-1,Libra,2027-01-01,,,,,,\n").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
    assertThatThrownBy(() -> accord.historyImports().importFile(coordinator, "h.json",
        "[{\"vulnerability\":\"CVE-1\",\"vendor\":\"Libra\",\"public\":\"soon\"}]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("$[0].public"));
    // Nothing was half-written: the first, good row of bad.csv is not there.
    assertThat(accord.historyImports().timelines()).isEmpty();

    accord.parties().createOrganization(coordinator, "Libra", OrgKind.VENDOR, null, null);
    org.accord.party.Member admin = accord.parties().addMember(coordinator, "Libra", "admin@libra.example", org.accord.party.MemberRole.ADMIN);
    Principal libraAdmin = new Principal.OrgAdmin(admin.organization(), admin, null);
    Principal libraMember = new Principal.OrgMember(libraAdmin.organization(), null, null);
    byte[] mixed = (header() + "CVE-1,libra,2025-01-01,,,,2025-02-01,,\nCVE-2,Vendora,2025-01-01,,,,,,\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> accord.historyImports().importFile(libraAdmin, "mixed.csv", mixed))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("line 3").hasMessageContaining("Vendora");
    byte[] own = (header() + "CVE-1,libra,2025-01-01,,,,2025-02-01,,\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> accord.historyImports().importFile(libraMember, "own.csv", own)).isInstanceOf(ForbiddenException.class);
    assertThat(accord.historyImports().importFile(libraAdmin, "own.csv", own).organization()).isEqualTo("Libra");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentImportsOfOneFileLeaveOneWhileTheLedgerRuns(String engine) throws Exception {
    open(engine, NOW);
    byte[] file = advisories();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(() -> {
          try {
            return accord.historyImports().importFile(coordinator, "public-advisories.csv", file).sha256();
          } catch (IllegalTransitionException e) {
            return "conflict";
          } catch (RuntimeException e) {
            return "conflict: " + e.getClass().getSimpleName(); // a unique constraint beaten at commit
          }
        }));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes.stream().filter(o -> !o.startsWith("conflict"))).hasSize(1);
    } finally {
      pool.shutdown();
    }
    assertThat(accord.historyImports().timelines()).hasSize(3);
    assertThat(new IndicatorService(accord).report(Indicators.Scope.ALL).all().imported()).isEqualTo(3);
  }

  static String header() {
    return "vulnerability,vendor,reported,vendor_notified,vendor_responded,fix_ready,public,exploit_public,attacks_observed\n";
  }
}
