package org.accord.cli;

import java.util.Locale;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.accountability.indicators.Indicators;
import org.accord.app.indicators.IndicatorService;
import org.accord.ledger.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord indicators}: the public indicators of the published cases (ADR 0142). */
@Command(
    name = "indicators",
    description = {
      "Print the indicators of the published cases.",
      "",
      "Computed from what the published cases' reveal bundles show, and nothing else, so that 'accord verify indicators'"
          + " reproduces them from the log and the bundles. For the whole set and each organization: per interval (report_to_ack,"
          + " notified_to_response, report_to_fix, fix_to_public, report_to_public, public_to_vex) the count, median and mean in"
          + " days; per Vultron ordering (V<P, F<P, D<P, V<X, F<X, D<X, V<A, F<A, D<A, P<X, P<A, X<A) the trials, the share met"
          + " and the skill (Householder and Spring's alpha) with its 95% interval; embargo adherence; and the share of notified"
          + " organizations notified before publication. --json prints the canonical JSON that GET /api/v1/indicators serves."
    },
    footer = {"", "Examples:", "  accord indicators --org Libra --from 2026-01-01 --to 2027-01-01",
        "  accord indicators --json > indicators.json"})
final class IndicatorsCommand extends AccordCommand {
  @Option(names = "--org", paramLabel = "NAME", description = "Only this organization's timelines.")
  String org;

  @Option(names = "--from", paramLabel = "DATE", description = "Cases reported at or after this date (UTC) or instant.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Cases reported before this date (UTC) or instant.")
  String to;

  @Option(names = "--cases", description = "List every organization's timeline in each case.")
  boolean cases;

  @Override
  protected int execute() {
    String text;
    if (remote().isPresent()) {
      text = remote().get().getText("api/v1/indicators", Remote.query("org", org, "from", from, "to", to, "cases", cases ? "true" : null));
    } else {
      Indicators.Scope scope;
      try {
        scope = IndicatorService.scope(org, from, to, cases);
      } catch (InvalidInputException e) {
        throw new UserException("--" + e.location() + ": " + e.getMessage());
      }
      text = CanonicalJson.string(Indicators.toJson(new IndicatorService(context().accord()).report(scope)));
    }
    if (json) {
      out().println(text);
      return Main.OK;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) CanonicalJson.parse(text);
    out().printf(Locale.ROOT, "%s published cases, %s organization timelines%s%n", report.get("cases"), report.get("timelines"),
        org == null ? "" : " of " + org);
    out().println("interval               count   median d     mean d");
    ((Map<String, Object>) report.get("intervals")).forEach((name, value) -> {
      Map<String, Object> v = (Map<String, Object>) value;
      out().printf(Locale.ROOT, "%-22s %5s %10s %10s%n", name, v.get("count"), v.getOrDefault("median_days", "-"), v.getOrDefault("mean_days", "-"));
    });
    out().println("ordering  trials  met   share    f_d   skill  95% interval");
    ((Map<String, Object>) report.get("orderings")).forEach((name, value) -> {
      Map<String, Object> v = (Map<String, Object>) value;
      out().printf(Locale.ROOT, "%-8s %7s %4s %7s %6s %7s  %s%n", name, v.get("trials"), v.get("met"), v.getOrDefault("share", "-"), v.get("f_d"),
          v.getOrDefault("skill", "-"), v.containsKey("skill_low") ? "[" + v.get("skill_low") + ", " + v.get("skill_high") + "]" : "-");
    });
    Map<String, Object> embargo = (Map<String, Object>) report.get("embargo");
    Map<String, Object> notification = (Map<String, Object>) report.get("notification");
    out().printf(Locale.ROOT, "embargo held in %s of %s cases; notified before publication: %s of %s%n", embargo.get("held"),
        embargo.get("cases"), notification.get("before_public"), notification.get("notified"));
    return Main.OK;
  }
}
