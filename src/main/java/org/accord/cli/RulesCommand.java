package org.accord.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.accord.EnvironmentException;
import org.accord.app.RulePacks;
import org.accord.jurisdiction.BlockedJurisdiction;
import org.accord.jurisdiction.DisclosurePolicy;
import org.accord.jurisdiction.Obligation;
import org.accord.jurisdiction.Recipient;
import org.accord.jurisdiction.Rule;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.jurisdiction.RulePackException;
import org.accord.jurisdiction.RulePackReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code accord rules list|show|validate}: the jurisdiction rule packs (ADR 0130, 0131). {@code list} and
 * {@code show} read the packs the instance uses (through its server when one holds the data directory);
 * {@code validate} checks pack files as the instance would, without a data directory.
 */
@Command(
    name = "rules",
    description = {
      "Show and check jurisdiction rule packs.",
      "",
      "A rule pack is JSON or YAML checked against the JSON Schema that ships with Accord: a law's "
          + "obligations (whom it binds, what triggers them, whom to notify within what term, what not to "
          + "share), published disclosure policies, or a sanctions list. Accord ships eu-cra, eu-nis2, "
          + "cn-rmsv, disclosure-policies and an empty sanctions template. An instance adds its own packs in "
          + "the directory ACCORD_RULES_DIR names, else in DATA/rules: one file per pack, named after its id "
          + "(acme.json, acme.yaml). A pack with the id of a shipped one replaces it only with "
          + "\"overrides\": true. A bad pack stops the instance from starting, naming the file and field."
    },
    subcommands = {RulesCommand.ListPacks.class, RulesCommand.Show.class, RulesCommand.Validate.class},
    footer = {"", "Examples:", "  accord rules list", "  accord rules show eu-cra", "  accord rules validate rules/sanctions.yaml"})
final class RulesCommand {
  private RulesCommand() {}

  /** The API's answer to {@code GET /api/v1/rules}. */
  record Listed(List<Map<String, Object>> packs) {}

  /** The packs the instance on {@code --data} uses, read from its rules directory. */
  static RuleBook local(AccordCommand command) {
    return RulePacks.load(command.root().dataDir()).book();
  }

  @Command(
      name = "list",
      description = {
        "List the rule packs in use.",
        "",
        "Prints ID KIND JURISDICTIONS CHECKED ORIGIN TITLE per pack. ORIGIN is shipped, instance, or "
            + "instance* for an instance pack that replaces the shipped one. With --json: {\"packs\": "
            + "[{\"id\", \"kind\", \"title\", \"jurisdictions\", \"source\", \"checked\", \"origin\", \"file\", "
            + "\"replaces_shipped\", \"rules\", \"policies\", \"blocked\"}]}, as GET /api/v1/rules answers."
      },
      footer = {"", "Examples:", "  accord rules list", "  accord rules list --json"})
  static final class ListPacks extends AccordCommand {
    @Override
    protected int execute() {
      List<Map<String, Object>> packs = remote().isPresent()
          ? remote().get().get("api/v1/rules", Remote.query(), Listed.class).packs()
          : local(this).packs().stream().map(RulePacks::summary).toList();
      if (json) {
        printJson(Map.of("packs", packs));
        return Main.OK;
      }
      for (Map<String, Object> pack : packs) {
        List<?> jurisdictions = (List<?>) pack.get("jurisdictions");
        String origin = pack.get("origin") + (Boolean.TRUE.equals(pack.get("replaces_shipped")) ? "*" : "");
        out().printf("%-20s %-9s %-6s %-10s %-9s %s%n", pack.get("id"), pack.get("kind"),
            jurisdictions.isEmpty() ? "-" : jurisdictions.stream().map(String::valueOf).collect(Collectors.joining(",")),
            pack.get("checked"), origin, pack.get("title"));
      }
      return Main.OK;
    }
  }

  @Command(
      name = "show",
      description = {
        "Show one rule pack: its source and what it holds.",
        "",
        "With --json: {\"id\", \"origin\", \"file\", \"replaces_shipped\", \"pack\"}, where pack is the pack "
            + "as a pack file holds it, as GET /api/v1/rules/ID answers; save it to start an instance pack."
      },
      footer = {"", "Examples:", "  accord rules show cn-rmsv", "  accord rules show eu-cra --json"})
  static final class Show extends AccordCommand {
    @Parameters(paramLabel = "ID", description = "The pack's id, such as eu-cra.")
    String id;

    @Override
    protected int execute() {
      Map<String, Object> shown;
      RulePack pack;
      if (remote().isPresent()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = remote().get().get("api/v1/rules/" + Remote.segment(id), Remote.query(), Map.class);
        shown = answer;
        pack = fromAnswer(answer);
      } else {
        RuleBook.Entry entry = local(this).pack(id)
            .orElseThrow(() -> new org.accord.NotFoundException("no rule pack '" + id + "'"));
        shown = RulePacks.describe(entry);
        pack = entry.pack();
      }
      if (json) {
        printJson(shown);
        return Main.OK;
      }
      String origin = shown.get("origin") + (Boolean.TRUE.equals(shown.get("replaces_shipped")) ? ", replaces the shipped pack" : "");
      out().printf("%s: %s (%s, %s, %s)%n", pack.id(), pack.title(), label(pack.kind()), origin, shown.get("file"));
      out().println("Source: " + pack.source().title());
      if (pack.source().issuer() != null) {
        out().println("Issuer: " + pack.source().issuer());
      }
      if (pack.source().url() != null) {
        out().println("URL: " + pack.source().url());
      }
      out().println("Jurisdictions: " + (pack.jurisdictions().isEmpty() ? "-" : String.join(", ", pack.jurisdictions()))
          + "; checked " + pack.checked());
      for (Rule rule : pack.rules()) {
        out().printf("%n%s (%s)%n", rule.id(), rule.source());
        out().printf("  when %s, binds %s in %s%n", label(rule.trigger()),
            rule.binds().kinds().stream().map(RulesCommand::label).collect(Collectors.joining(", ")),
            String.join(", ", rule.binds().countries()));
        out().println("  " + describe(rule.obligation()));
        if (rule.binds().note() != null) {
          out().println("  note: " + rule.binds().note());
        }
      }
      for (DisclosurePolicy policy : pack.policies()) {
        List<String> terms = new ArrayList<>();
        if (policy.deadlineDays() != null) {
          terms.add(policy.deadlineDays() + " days" + (policy.extensionDays() == null ? "" : " (+" + policy.extensionDays() + ")"));
        }
        if (policy.exploitedDeadlineDays() != null) {
          terms.add(policy.exploitedDeadlineDays() + " days when exploited in the wild");
        }
        if (policy.maxEmbargoDays() != null) {
          terms.add("embargo at most " + policy.maxEmbargoDays() + " days");
        }
        out().printf("%n%s: %s: %s%n  %s%n", policy.id(), policy.title(), String.join("; ", terms), policy.url());
      }
      if (pack.kind() == org.accord.jurisdiction.PackKind.SANCTIONS) {
        out().println(pack.blocked().isEmpty() ? "Blocked: none (an empty template)" : "Blocked:");
        for (BlockedJurisdiction blocked : pack.blocked()) {
          out().println("  " + blocked.country() + " (" + blocked.source() + ")");
        }
      }
      return Main.OK;
    }

    private RulePack fromAnswer(Map<String, Object> answer) {
      try {
        return RulePackReader.read(id + ".json", Json.MAPPER.writeValueAsBytes(answer.get("pack")));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String describe(Obligation obligation) {
      if (obligation instanceof Obligation.Notify notify) {
        return "notify " + notify.recipients().stream().map(Show::recipient).collect(Collectors.joining(" and "))
            + ": " + notify.stage() + notify.term().map(term -> " within " + term.text() + " of").orElse(" (no term stated) from")
            + " " + (notify.after() == null ? label(notify.clock()) : "the notification of " + notify.after());
      }
      Obligation.RestrictSharing sharing = (Obligation.RestrictSharing) obligation;
      return "do not share unpublished details with parties outside " + String.join(", ", sharing.countries())
          + (sharing.except().isEmpty() ? "" : ", except " + sharing.except().stream().map(RulesCommand::label).collect(Collectors.joining(", ")));
    }

    private static String recipient(Recipient recipient) {
      return recipient.name() != null ? recipient.name() : label(recipient.kind());
    }
  }

  @Command(
      name = "validate",
      description = {
        "Check rule pack files as an instance would load them.",
        "",
        "Each file is checked against the shipped JSON Schema, then against what a schema cannot say "
            + "(country codes, unique ids, the rule an 'after' names), then beside the shipped packs: its name "
            + "must be its id, and a shipped id needs \"overrides\": true. Each problem is printed as "
            + "FILE#POINTER: MESSAGE, where POINTER is the JSON Pointer of the field (RFC 6901). Works offline "
            + "and needs no data directory.",
        "",
        "With --json: {\"file\", \"valid\", \"id\", \"kind\", \"problems\": [{\"pointer\", \"message\"}]} for one "
            + "file, an array of those for several.",
        "",
        "Exit code: 0 when every file is valid; 1 when any is not, or cannot be read."
      },
      footer = {"", "Examples:", "  accord rules validate acme.json",
          "  accord rules validate --json rules/*.json rules/*.yaml"})
  static final class Validate extends AccordCommand implements StorelessCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule pack files: *.json, or *.yaml and *.yml.")
    List<Path> files;

    /** The JSON form of one file's result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileReport(String file, boolean valid, String id, String kind, List<ProblemJson> problems) {}

    /** One problem. */
    record ProblemJson(String pointer, String message) {}

    @Override
    protected int execute() {
      List<FileReport> reports = new ArrayList<>();
      for (Path file : files) {
        reports.add(check(file));
      }
      if (json) {
        printJson(reports.size() == 1 ? reports.get(0) : reports);
      } else {
        for (FileReport report : reports) {
          if (report.valid()) {
            out().printf("%s: valid (%s, %s)%n", report.file(), report.id(), report.kind());
          } else {
            out().println(report.file() + ": invalid");
            for (ProblemJson problem : report.problems()) {
              out().println("  " + RulePackException.location(report.file(), problem.pointer()) + ": " + problem.message());
            }
          }
        }
      }
      return reports.stream().allMatch(FileReport::valid) ? Main.OK : Main.USER_ERROR;
    }

    private static FileReport check(Path file) {
      String name = file.toString();
      try {
        RulePack pack = RulePacks.check(file);
        return new FileReport(name, true, pack.id(), label(pack.kind()), List.of());
      } catch (RulePackException e) {
        return new FileReport(name, false, null, null,
            e.problems().stream().map(p -> new ProblemJson(p.pointer(), p.message())).toList());
      } catch (EnvironmentException e) {
        String reason = e.getCause() instanceof java.nio.file.NoSuchFileException ? "no such file"
            : "cannot read it: " + (e.getCause() instanceof java.io.IOException io ? InputFiles.reason(io) : e.getMessage());
        return new FileReport(name, false, null, null, List.of(new ProblemJson("", reason)));
      }
    }
  }

  /** Lower-case labels of enum constants, as the packs spell them ({@code actively_exploited}). */
  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
