package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.accountability.indicators.Indicators;
import org.accord.accountability.indicators.Interval;
import org.accord.accountability.indicators.Ordering;
import org.accord.advisory.AdvisoryFormat;
import org.accord.app.LedgerService;
import org.accord.app.indicators.IndicatorService;
import org.accord.app.witness.Witnesses;
import org.accord.ledger.Verifier;
import org.accord.web.PageRoutes;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /transparency}: the public dashboard, with no sign-in. It shows only what the public API
 * already serves to anyone: the log's size and published checkpoint with the names that signed it
 * (the log's own key and any witness cosignature), the logs this instance witnesses, a "verify it
 * yourself" panel with the exact commands for this instance's origin, the published (TLP:CLEAR)
 * advisories, and the indicators of the published cases, overall and per organization, as {@code GET
 * /api/v1/indicators} computes them. Each figure links to the JSON it comes from and to the command
 * that recomputes it. A signed-in viewer sees the same page (only the menu differs).
 */
public final class TransparencyPage implements Pages.Module {
  /** The most advisories listed, newest first. */
  static final int ADVISORIES = 50;

  /** The service (with its cache of published cases) of the instance last served; one instance in production. */
  private volatile Served served;

  private record Served(org.accord.app.Accord accord, IndicatorService service) {}

  /** A signature line of the checkpoint: the key's name, and whether it is the log's own. */
  public record Signer(String name, boolean log) {}

  /** A log this instance witnesses and the size it last cosigned. */
  public record Witnessed(String origin, long size, String checkpointUrl) {}

  /** A published advisory. */
  public record Advisory(String caseId, String docId, String title, String released, String url) {}

  /** One organization's (or everyone's) figures: median days per interval (or "—"), and the shares. */
  public record Figures(String name, int cases, List<String> medians, String embargoHeld, String notifiedBefore, String json) {}

  /** One Vultron ordering over all published cases. */
  public record OrderingRow(String label, long trials, long met, String skill) {}

  /** Everything on the dashboard. */
  public record Model(String origin, long size, long publishedSize, String checkpoint, List<Signer> signers, String verifierKey,
      List<Witnessed> witnessed, List<String> commands, List<Advisory> advisories, List<String> intervals, Figures all,
      List<Figures> organizations, List<OrderingRow> orderings) {}

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/transparency", Parameters.NONE, ctx -> show(server, ctx));
  }

  private void show(WebServer server, Context ctx) throws Exception {
    var accord = server.accord();
    LedgerService ledger = accord.ledger();
    String note = ledger.checkpoint();
    String base = PageRoutes.ownOrigin(server, ctx);
    String key = ledger.verifierKey().format();

    List<Signer> signers = new ArrayList<>();
    // A signed note's signature lines follow the blank line: "— <key name> <base64>" (C2SP signed-note).
    String[] parts = note.split("\n\n", 2);
    if (parts.length == 2) {
      for (String line : parts[1].split("\n")) {
        if (line.startsWith("\u2014 ")) {
          String name = line.substring(2).split(" ", 2)[0];
          signers.add(new Signer(name, name.equals(ledger.origin())));
        }
      }
    }
    List<Witnessed> witnessed = new ArrayList<>();
    for (Witnesses.Log log : accord.witnesses().logs()) {
      witnessed.add(new Witnessed(log.origin(), log.size(), "/witness/" + log.originHash() + "/checkpoint"));
    }
    List<String> commands = List.of(
        "printf '%s\\n' '" + key + "' > verifier_key.txt",
        "curl -so checkpoint.txt " + base + "/log/checkpoint",
        "accord verify checkpoint checkpoint.txt --key verifier_key.txt",
        "accord verify log " + base + "/log --key verifier_key.txt",
        "curl -so indicators.json " + base + "/api/v1/indicators",
        "accord case reveal CASE-ID -o bundles/CASE-ID.json --server " + base,
        "accord verify indicators --published indicators.json --bundles bundles --log " + base + "/log --key verifier_key.txt");

    ZoneId utc = ZoneId.of("UTC");
    List<Advisory> advisories = accord.documents().documents(AdvisoryFormat.CSAF).stream().limit(ADVISORIES)
        .map(e -> new Advisory(e.caseId(), e.docId(), e.title(), Zones.format(e.released(), utc), "/.well-known/csaf/" + e.path()))
        .toList();

    Indicators.Report report = service(server).report(Indicators.Scope.ALL);
    List<Figures> organizations = new ArrayList<>();
    for (Map.Entry<String, Indicators.Figures> org : report.organizations().entrySet()) {
      organizations.add(figures(org.getKey(), org.getValue(), "/api/v1/indicators?org=" + java.net.URLEncoder.encode(org.getKey(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    List<OrderingRow> orderings = new ArrayList<>();
    for (Ordering ordering : Ordering.values()) {
      Indicators.OrderingFigure f = report.all().ordering(ordering);
      orderings.add(new OrderingRow(ordering.label(), f.trials(), f.met(),
          f.skill().map(s -> String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]", s.skill(), s.low(), s.high())).orElse("—")));
    }
    List<String> intervals = java.util.Arrays.stream(Interval.values()).map(Interval::label).toList();
    Model model = new Model(ledger.origin(), ledger.size(), Verifier.readCheckpoint(note).size(), note, signers, key, witnessed,
        commands, advisories, intervals, figures("All organizations", report.all(), "/api/v1/indicators"), organizations, orderings);
    Pages.render(ctx, HttpStatus.OK, "transparency.jte", new Shell("Transparency", Nav.TRANSPARENCY, server.caller(ctx)), model);
  }

  private static Figures figures(String name, Indicators.Figures f, String json) {
    List<String> medians = f.intervals().stream()
        .map(i -> i.medianDays().map(d -> String.format(java.util.Locale.ROOT, "%.1f d (%d)", d, i.count())).orElse("—"))
        .toList();
    return new Figures(name, f.cases(), medians, share(f.embargoHeld(), f.embargoed()), share(f.notifiedBeforePublic(), f.notified()), json);
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "—" : part + " of " + whole;
  }

  /** The indicator service of {@code server}'s instance: the modules are shared by every server of the JVM. */
  private IndicatorService service(WebServer server) {
    Served current = served;
    if (current == null || current.accord() != server.accord()) {
      current = new Served(server.accord(), new IndicatorService(server.accord()));
      served = current;
    }
    return current.service();
  }
}
