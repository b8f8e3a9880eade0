package org.accord.cli.witness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.witness.Witnesses;
import org.accord.cli.AccordCommand;
import org.accord.cli.Main;
import org.accord.ledger.Cosigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord witness}: this instance as a C2SP tlog-witness of other logs (ADR 0144). */
@Command(
    name = "witness",
    description = {
      "Cosign other logs' checkpoints (C2SP tlog-witness).",
      "",
      "A checkpoint is cosigned only after it is checked to extend the one cosigned before.",
      "",
      "Logs submit to POST /witness/add-checkpoint on 'accord serve'; monitors read GET /witness/<sha256 of origin>/checkpoint."
    },
    subcommands = {WitnessCommand.AddLogCommand.class, WitnessCommand.ListCommand.class, WitnessCommand.KeyCommand.class,
        WitnessCommand.AddWitnessCommand.class, WitnessCommand.StatusCommand.class})
public final class WitnessCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Main.missingCommand(spec.commandLine());
  }

  /** The JSON form of a witnessed log. */
  static Map<String, Object> describe(Witnesses.Log log) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("origin", log.origin());
    out.put("vkeys", log.vkeys());
    out.put("origin_sha256", log.originHash());
    out.put("size", log.size());
    out.put("root", log.root().orElse(null));
    out.put("updated_at", log.updatedAt());
    return out;
  }

  @Command(
      name = "add-log",
      description = {
        "Witness a log: trust its verifier keys for their origin.",
        "",
        "A VKEY is a signed-note Ed25519 verifier key; its name is the log's origin.",
        "Adding a known origin again replaces its keys and keeps what was cosigned. The change is logged (witness.log_added)."
      },
      footer = {"", "Example:", "  accord witness add-log \"$(cat other-cert.vkey)\""})
  public static final class AddLogCommand extends AccordCommand {
    @Parameters(arity = "1..*", paramLabel = "VKEY", description = "The log's verifier key(s), all naming its origin.")
    List<String> vkeys = new ArrayList<>();

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Witnesses.Log log = context().accord().witnesses().addLog(actingAs(null), vkeys);
      if (json) {
        printJson(describe(log));
      } else {
        out().println("witnessing " + log.origin() + " (" + log.vkeys().size() + " key" + (log.vkeys().size() == 1 ? "" : "s")
            + "), cosigned size " + log.size());
      }
      return Main.OK;
    }
  }

  @Command(
      name = "list",
      description = {"List the logs witnessed, with the size last cosigned.", "", "Each log's origin, and the size and root this witness cosigned last."},
      footer = {"", "Example:", "  accord witness list --json"})
  public static final class ListCommand extends AccordCommand {
    @Override
    protected int execute() {
      List<Witnesses.Log> logs = context().accord().witnesses().logs();
      if (json) {
        printJson(logs.stream().map(WitnessCommand::describe).toList());
      } else if (logs.isEmpty()) {
        out().println("no logs witnessed; add one with 'accord witness add-log VKEY'");
      } else {
        for (Witnesses.Log log : logs) {
          out().println(log.origin() + "  size " + log.size() + (log.root().map(r -> "  root " + r).orElse("")));
        }
      }
      return Main.OK;
    }
  }

  @Command(
      name = "key",
      description = {
        "Print this witness's public key (a cosignature/v1 vkey).",
        "",
        "Give it to the logs you witness and put it in clients' tlog-policy files.",
        "",
        "The private key is DATA/witness.key (mode 0600), created on first use, named by ACCORD_WITNESS_NAME or the log origin with /witness."
      },
      footer = {"", "Example:", "  accord witness key --json"})
  public static final class KeyCommand extends AccordCommand {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Cosigner key = context().accord().witnesses().key();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", key.name());
        out.put("vkey", key.verifier().format());
        printJson(out);
      } else {
        out().println(key.verifier().format());
      }
      return Main.OK;
    }
  }

  /** The JSON form of one of this log's witnesses. */
  static Map<String, Object> describe(org.accord.app.witness.LogWitnessing.Status w) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", w.name());
    out.put("vkey", w.vkey());
    out.put("url", w.url());
    out.put("cosigned_size", w.cosignedSize());
    out.put("failures", w.failures());
    out.put("last_status", w.lastStatus().orElse(null));
    out.put("last_error", w.lastError().orElse(null));
    return out;
  }

  @Command(
      name = "add-witness",
      description = {
        "Have this log witnessed by a C2SP witness.",
        "",
        "VKEY is the witness's cosignature/v1 key (its name is the witness's name); URL its submission prefix, to which"
            + " '/add-checkpoint' is appended (an Accord instance: https://HOST/witness). 'accord serve' submits each published"
            + " checkpoint and serves the cosignatures with the checkpoint and receipts. Adding a known name again replaces its"
            + " key and URL. Each change is a logged event (ADR 0153)."
      },
      footer = {"", "Example:", "  accord witness add-witness \"$(cat ee.vkey)\" https://accord.cert.ee/witness"})
  public static final class AddWitnessCommand extends AccordCommand {
    @Parameters(index = "0", paramLabel = "VKEY", description = "The witness's cosignature/v1 verifier key.")
    String vkey;

    @Parameters(index = "1", paramLabel = "URL", description = "The witness's submission prefix.")
    String url;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      var witness = context().accord().logWitnessing().addWitness(actingAs(null), vkey, url);
      if (json) {
        printJson(describe(witness));
      } else {
        out().println("witnessed by " + witness.name() + " at " + witness.url());
      }
      return Main.OK;
    }
  }

  @Command(
      name = "status",
      description = {
        "Show this log's witnesses and the witness alerts.",
        "",
        "Each witness with the size it cosigned last and the last attempt's outcome; then the alerts: a witness refusing"
            + " this log's checkpoint (refused_by_witness) and a witnessed log presenting a fork (fork_presented). Exit 1 if"
            + " any alert."
      },
      footer = {"", "Example:", "  accord witness status --json"})
  public static final class StatusCommand extends AccordCommand {
    @Override
    protected int execute() {
      var witnessing = context().accord().logWitnessing();
      var witnesses = witnessing.witnesses();
      var alerts = witnessing.alerts(100);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("witnesses", witnesses.stream().map(WitnessCommand::describe).toList());
        out.put("alerts", alerts.stream().map(a -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("kind", a.kind());
          row.put("subject", a.subject());
          row.put("size", a.size());
          row.put("status", a.status());
          row.put("reason", a.reason());
          row.put("times", a.times());
          return row;
        }).toList());
        printJson(out);
      } else {
        if (witnesses.isEmpty()) {
          out().println("no witnesses; add one with 'accord witness add-witness VKEY URL'");
        }
        for (var w : witnesses) {
          out().println(w.name() + "  cosigned " + w.cosignedSize() + w.lastError().map(e -> "  last error: " + e).orElse(""));
        }
        for (var a : alerts) {
          out().println("ALERT " + a.kind() + " " + a.subject() + " size " + a.size() + ": " + a.status() + " " + a.reason());
        }
      }
      return alerts.isEmpty() ? Main.OK : Main.USER_ERROR;
    }
  }
}
