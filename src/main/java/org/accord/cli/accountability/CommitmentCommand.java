package org.accord.cli.accountability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.app.accountability.Commitments;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.cli.Remote;
import org.accord.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord commitment publish|list|show|join}: pledges and arrangements (ADR 0140, 0141). */
@Command(
    name = "commitment",
    description = {
      "Publish, list and join commitments (public promises).",
      "",
      "A pledge binds the organization that publishes it (acknowledge within 3 days, a fix within 30 days for "
          + "critical, ...). An arrangement, published by a foundation, CERT or government body, binds each "
          + "organization whose admin joins it. A case in a commitment's scope gets its deadlines by itself "
          + "(GET /api/v1/cases/ID/commitments lists them)."
    },
    subcommands = {CommitmentCommand.Publish.class, CommitmentCommand.ListCommitments.class, CommitmentCommand.Show.class,
        CommitmentCommand.Join.class})
public final class CommitmentCommand {
  /** The largest document file read, in bytes. */
  static final int MAX_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitmentCommand() {}

  /** The API's answer to a list. */
  record Listed(List<Map<String, Object>> commitments) {}

  @Command(
      name = "publish",
      description = {
        "Publish a commitment in your organization's name.",
        "",
        "Publishing is an admin's act.",
        "",
        "FILE is JSON: kind (pledge or arrangement), title, terms [{kind, severity?, within}], scope {severities, "
            + "products, sectors} (at least one), valid_from?, valid_until?. With supersedes {commitment, version} "
            + "it is the next version of your own commitment; the old one stays readable. A document naming another "
            + "organization is refused.",
        "",
        "Term kinds: acknowledge-report, fix-ready, notify-downstream, publish-vex, join-embargo; "
            + "within is P3D, PT24H, 24h, 3d or 2w (at most five years)."
      },
      footer = {"", "Examples:", "  accord commitment publish pledge.json --org Vendora",

          "  accord commitment publish pledge.json --server https://accord.example --json"})
  public static final class Publish extends AccordCommand {
    @Parameters(paramLabel = "FILE", description = "The commitment document (JSON).")
    Path file;

    @Option(names = "--org", paramLabel = "NAME", description = "Publish as this organization (local runs; default: local).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      JsonNode document = read(file);
      Map<String, Object> version;
      if (remote().isPresent()) {
        version = remote().get().postJson("api/v1/commitments", document, Map.class);
      } else {
        Commitments.Written written = context().accord().commitments().publish(actingAs(organization), document);
        version = Commitments.describe(written.version());
        version.put("log_index", written.logIndex());
      }
      if (json) {
        printJson(version);
      } else {
        out().printf("Published %s version %s (%s) for %s.%n", version.get("id"), version.get("version"), version.get("kind"),
            version.get("organization"));
      }
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List the current version of every commitment, newest first.", "",
      "Commitments are public: every caller sees them all."},
      footer = {"", "Examples:", "  accord commitment list", "  accord commitment list --kind arrangement --json",
          "  accord commitment list --publisher Vendora"})
  public static final class ListCommitments extends AccordCommand {
    @Option(names = "--publisher", paramLabel = "NAME", description = "Only this organization's.")
    String publisher;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only pledge or arrangement.")
    String kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (1 to 500; default 100).")
    int limit;

    @Override
    protected int execute() {
      List<Map<String, Object>> commitments = remote().isPresent()
          ? remote().get().get("api/v1/commitments", Remote.query("organization", publisher, "kind", kind, "limit", String.valueOf(limit)),
              Listed.class).commitments()
          : context().accord().commitments().list(publisher, kind, limit).stream().map(Commitments::describe).toList();
      if (json) {
        printJson(Map.of("commitments", commitments));
        return Main.OK;
      }
      if (commitments.isEmpty()) {
        out().println("No commitments.");
      }
      for (Map<String, Object> c : commitments) {
        out().printf("%-22s v%-3s %-11s %-24s %s%n", c.get("id"), c.get("version"), c.get("kind"), c.get("organization"), c.get("title"));
      }
      return Main.OK;
    }
  }

  @Command(name = "show", description = {"Show a commitment with every version.", "",
      "The current version, every earlier version (never erased), and an arrangement's members."},
      footer = {"", "Example:", "  accord commitment show cmt_0123456789abcdef --json"})
  public static final class Show extends AccordCommand {
    @Parameters(paramLabel = "ID", description = "The commitment's id, as 'accord commitment list' prints it.")
    String id;

    @Override
    protected int execute() {
      Map<String, Object> commitment = remote().isPresent()
          ? remote().get().get("api/v1/commitments/" + Remote.segment(id), Remote.query(), Map.class)
          : Commitments.describe(context().accord().commitments().show(id));
      if (json) {
        printJson(commitment);
        return Main.OK;
      }
      out().printf("%s %s by %s: %s%n", commitment.get("id"), commitment.get("kind"), commitment.get("organization"), commitment.get("title"));
      for (Object v : (List<?>) commitment.get("versions")) {
        Map<?, ?> version = (Map<?, ?>) v;
        out().printf("  version %s published %s%s%n", version.get("version"), version.get("published"),
            version.get("superseded") == null ? " (current)" : ", superseded " + version.get("superseded"));
        for (Object t : (List<?>) version.get("terms")) {
          Map<?, ?> term = (Map<?, ?>) t;
          out().printf("    %-18s %-9s within %s%n", term.get("kind"), term.get("severity") == null ? "any" : term.get("severity"), term.get("within"));
        }
      }
      if (commitment.get("members") instanceof List<?> members) {
        for (Object m : members) {
          Map<?, ?> member = (Map<?, ?>) m;
          out().printf("  member %s (version %s, joined %s)%n", member.get("organization"), member.get("version"), member.get("joined"));
        }
      }
      return Main.OK;
    }
  }

  @Command(name = "join", description = {"Join an arrangement for your organization.", "",
      "Joining is an admin's act on the arrangement's current version. "
          + 
      "Joining binds your organization from now on, for cases in the arrangement's scope; nobody else can join you to it."},
      footer = {"", "Example:", "  accord commitment join cmt_0123456789abcdef --org GridCo"})
  public static final class Join extends AccordCommand {
    @Parameters(paramLabel = "ID", description = "The arrangement's id.")
    String id;

    @Option(names = "--org", paramLabel = "NAME", description = "Join as this organization (local runs; default: local).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> joined;
      if (remote().isPresent()) {
        joined = remote().get().postJson("api/v1/commitments/" + Remote.segment(id) + "/members", Map.of(), Map.class);
      } else {
        var actor = actingAs(organization);
        Commitments.Written written = context().accord().commitments().join(actor, id);
        joined = new java.util.LinkedHashMap<>();
        joined.put("commitment", written.version().commitment());
        joined.put("version", written.version().version());
        joined.put("organization", actor.organization().name());
        joined.put("log_index", written.logIndex());
      }
      if (json) {
        printJson(joined);
      } else {
        out().printf("%s joined %s version %s.%n", joined.get("organization"), joined.get("commitment"), joined.get("version"));
      }
      return Main.OK;
    }
  }

  private static JsonNode read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidInputException(file + " is larger than " + MAX_BYTES + " bytes", "FILE");
      }
      return JSON.readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException(file + " is not JSON: " + e.getOriginalMessage(), "FILE");
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
