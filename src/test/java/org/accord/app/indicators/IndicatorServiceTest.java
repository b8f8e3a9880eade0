package org.accord.app.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.accountability.indicators.IndicatorAudit;
import org.accord.accountability.indicators.Indicators;
import org.accord.accountability.indicators.Interval;
import org.accord.accountability.indicators.Ordering;
import org.accord.app.LedgerService;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.CanonicalJson;
import org.accord.ledger.TileSource;
import org.accord.ledger.VerificationException;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.InstanceOnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public indicators from real published cases, and the auditor's recomputation from the log and the
 * bundles alone: reproduced as served, and a tampered bundle, a tampered log, a left-out bundle and an
 * altered figure each caught.
 */
class IndicatorServiceTest extends InstanceOnEngine {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private String publishedCase(Principal vendor, String vendorName, int fixDays, int publicDays) {
    String id = accord.cases().create(coordinator, "case of " + vendorName, null, List.of("coordinator")).row().id().toString();
    accord.cases().invite(coordinator, id, vendorName, List.of("vendor"), null);
    clock.advance(Duration.ofDays(1));
    accord.cases().acknowledge(vendor, id);
    accord.cases().transition(vendor, id, "vendor_aware", vendorName);
    clock.advance(Duration.ofDays(fixDays - 1));
    accord.cases().transition(vendor, id, "fix_ready", vendorName);
    clock.advance(Duration.ofDays(publicDays - fixDays));
    accord.publication().publish(coordinator, id);
    return id;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void servedFiguresAreReproducedFromThePublishedFilesAndTamperingIsCaught(String engine) throws Exception {
    open(engine, NOW);
    Principal libra = member("Libra", OrgKind.VENDOR);
    List<String> ids = new ArrayList<>();
    ids.add(publishedCase(libra, "Libra", 10, 20));
    ids.add(publishedCase(libra, "Libra", 4, 6));
    // An unpublished case is not public and counts nowhere.
    String hidden = accord.cases().create(coordinator, "not published", null, null).row().id().toString();
    accord.cases().invite(coordinator, hidden, "Libra", List.of("vendor"), null);

    IndicatorService service = new IndicatorService(accord);
    Indicators.Report report = service.report(Indicators.Scope.ALL);
    Indicators.Figures libraFigures = report.organizations().get("Libra");
    assertThat(report.all().cases()).isEqualTo(2);
    assertThat(libraFigures.interval(Interval.REPORT_TO_FIX).medianDays()).contains(7.0);
    assertThat(libraFigures.interval(Interval.REPORT_TO_ACK).meanDays()).contains(1.0);
    assertThat(report.all().interval(Interval.REPORT_TO_PUBLIC).meanDays()).contains(13.0);
    assertThat(libraFigures.ordering(Ordering.F_BEFORE_P).met()).isEqualTo(2);
    assertThat(libraFigures.ordering(Ordering.F_BEFORE_P).trials()).isEqualTo(2);

    accord.ledger().publish();
    String served = CanonicalJson.string(Indicators.toJson(report));
    TileSource log = LedgerService.stored(accord.database());
    List<RevealBundle> bundles = new ArrayList<>();
    for (String id : ids) {
      bundles.add(RevealBundle.parse(accord.publication().reveal(id).toJson()));
    }
    IndicatorAudit.Result result = IndicatorAudit.audit(log, accord.ledger().verifierKey(), bundles, served);
    assertThat(result.reproduced()).as("%s", result.differences()).isTrue();
    assertThat(result.cases()).isEqualTo(2);

    // An altered figure is a difference, named by its path.
    String altered = served.replace("\"median_days\":7", "\"median_days\":5");
    assertThat(altered).isNotEqualTo(served);
    assertThat(IndicatorAudit.audit(log, accord.ledger().verifierKey(), bundles, altered).differences())
        .anySatisfy(d -> assertThat(d).contains("median_days: published 5, recomputed 7"));

    // A bundle whose revealed event was changed (F moved to the day after publication) fails its commitment.
    RevealBundle first = bundles.get(0);
    List<RevealBundle.Event> events = new ArrayList<>(first.events());
    int at = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).reveal().isPresent() && new String(events.get(i).reveal().get().event()).contains("fix_ready")) {
        at = i;
      }
    }
    RevealBundle.Event fix = events.get(at);
    byte[] changed = new String(fix.reveal().get().event()).replace("fix_ready", "fix_deployed").getBytes();
    events.set(at, RevealBundle.Event.revealed(fix.index(), fix.entry(), fix.proof(), fix.reveal().get().salt(), changed));
    RevealBundle tampered = new RevealBundle(first.caseId(), first.origin(), first.checkpoint(), events, first.published(), first.consistency());
    assertThatThrownBy(() -> IndicatorAudit.audit(log, accord.ledger().verifierKey(), List.of(tampered, bundles.get(1)), served))
        .isInstanceOf(VerificationException.class)
        .satisfies(e -> assertThat(((VerificationException) e).location()).contains(first.caseId().toString()).contains("index " + fix.index()));

    // A bundle left out: the log publishes the case, so it is missed.
    assertThatThrownBy(() -> IndicatorAudit.audit(log, accord.ledger().verifierKey(), List.of(bundles.get(1)), served))
        .isInstanceOf(VerificationException.class).hasMessageContaining("no bundle given").hasMessageContaining(ids.get(0));

    // A log whose first entry bundle had one byte changed no longer matches its signed checkpoint.
    TileSource tamperedLog = path -> {
      Optional<byte[]> bytes = log.fetch(path);
      if (path.startsWith("tile/entries/000") && bytes.isPresent()) {
        byte[] copy = bytes.get().clone();
        copy[copy.length / 2] ^= 1;
        return Optional.of(copy);
      }
      return bytes;
    };
    assertThatThrownBy(() -> IndicatorAudit.audit(tamperedLog, accord.ledger().verifierKey(), bundles, served))
        .isInstanceOf(VerificationException.class);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void scopeRefusesBadDatesNamingTheField(String engine) {
    assertThatThrownBy(() -> IndicatorService.scope(null, "yesterday", null, false)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("from"));
    assertThatThrownBy(() -> IndicatorService.scope(null, "2026-02-01", "2026-01-01", false)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("to"));
    assertThat(IndicatorService.scope("Libra", "2026-01-01", "2026-02-01T00:00:00Z", false).from())
        .contains(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
