package org.accord.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.app.Accord;
import org.accord.app.LedgerService;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Hash;
import org.accord.ledger.LogReport;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.TileSource;
import org.accord.ledger.VerificationException;
import org.accord.ledger.VerifiedReceipt;
import org.accord.ledger.Receipt;
import org.accord.ledger.TlogPolicy;
import org.accord.ledger.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code accord verify}: the auditor's offline checks of a transparency log. Each exits 0 when
 * everything verifies and 1 with the reason on any failure.
 */
@Command(
    name = "verify",
    description = {
      "Verify a transparency log offline, with only its key.",
      "",
      "Each command trusts nothing but the log's verifier key. It exits 0 when everything verifies, and 1 "
          + "naming what failed."
    },
    subcommands = {
      VerifyCommand.CheckpointCommand.class,
      VerifyCommand.ReceiptCommand.class,
      VerifyCommand.ConsistencyCommand.class,
      VerifyCommand.VerifyLogCommand.class,
      VerifyCaseCommand.class,
      VerifyIndicatorsCommand.class
    })
final class VerifyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Main.missingCommand(spec.commandLine());
  }

  /** Shared by the verify commands: key and file reading, and the failure report. */
  abstract static class VerifyBase extends AccordCommand {
    static String read(Path file, String what) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException e) {
        throw new UserException(what + " " + file + " is not UTF-8 text");
      } catch (IOException e) {
        throw new UserException("cannot read " + what + " " + file + ": " + e.getMessage());
      }
    }

    /** A verifier key given inline, or the name of a file that holds one. */
    static NoteVerifier key(String key) {
      String text = key;
      Path path = Path.of(key);
      if (!key.contains("+") || Files.isRegularFile(path)) {
        if (!Files.isRegularFile(path)) {
          throw new UserException("--key '" + key + "' is neither a verifier key (name+id+base64) nor a file");
        }
        text = read(path, "key file");
      }
      try {
        return Verifier.parseKey(text);
      } catch (VerificationException e) {
        throw new UserException("bad --key: " + e.describe());
      }
    }

    /** The tlog-policy in {@code file}. */
    static TlogPolicy policy(Path file) {
      try {
        return TlogPolicy.parse(read(file, "policy"));
      } catch (VerificationException e) {
        throw new UserException("bad --policy " + file + ": " + e.describe());
      }
    }

    /** The log key: --key, else null when a policy names the logs; neither is a usage error. */
    static NoteVerifier keyOrPolicy(String key, Path policy) {
      if (key == null && policy == null) {
        throw new UserException("give the log's key with --key, or a tlog-policy with --policy");
      }
      return key == null ? null : key(key);
    }

    static Map<String, Object> describe(TlogPolicy.Accepted accepted, TlogPolicy policy) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("quorum", policy.quorum());
      out.put("cosigners", accepted.cosigners());
      return out;
    }

    /** Reports a failed verification and returns exit code 1. */
    int failed(VerificationException e) {
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verified", false);
        result.put("reason", e.getMessage());
        result.put("location", e.location());
        printJson(result);
      } else {
        err().println("accord: verification failed: " + e.describe());
      }
      return Main.USER_ERROR;
    }

    static Map<String, Object> describe(Checkpoint checkpoint) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("origin", checkpoint.origin());
      out.put("size", checkpoint.size());
      out.put("root", checkpoint.root().base64());
      return out;
    }
  }

  @Command(
      name = "checkpoint",
      description = "Verify that a checkpoint is well-formed and signed by the key.",
      footer = {"", "Examples:", "  accord verify checkpoint checkpoint.txt --key verifier_key.txt",
          "  accord verify checkpoint cosigned-checkpoint.txt --policy 2-of-3.policy"})
  static final class CheckpointCommand extends VerifyBase implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The checkpoint (a signed note).")
    Path file;

    @Option(names = "--key", paramLabel = "VKEY",
        description = "The log's verifier key (name+id+base64), or a file holding it; optional with --policy.")
    String key;

    @Option(names = "--policy", paramLabel = "FILE",
        description = "A C2SP tlog-policy: accept the checkpoint only if a listed log signed it and the quorum cosigned it"
            + " (cosignature lines appended to the note).")
    Path policyFile;

    @Override
    protected int execute() {
      NoteVerifier given = keyOrPolicy(key, policyFile);
      TlogPolicy policy = policyFile == null ? null : policy(policyFile);
      String note = read(file, "checkpoint");
      Checkpoint checkpoint;
      NoteVerifier verifier = given;
      TlogPolicy.Accepted accepted = null;
      try {
        if (policy != null) {
          accepted = policy.verify(note, java.util.Optional.ofNullable(given));
          verifier = accepted.log();
        }
        checkpoint = Verifier.verifyCheckpoint(note, verifier);
      } catch (VerificationException e) {
        return failed(e);
      }
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verified", true);
        result.putAll(describe(checkpoint));
        if (accepted != null) {
          result.putAll(describe(accepted, policy));
        }
        printJson(result);
      } else {
        out().println("OK: checkpoint of " + checkpoint.origin() + " at size " + checkpoint.size()
            + ", root " + checkpoint.root().base64() + ", signed by " + verifier.name() + "+" + verifier.keyIdHex()
            + (accepted == null ? "" : ", quorum " + policy.quorum() + " cosigned by " + String.join(", ", accepted.cosigners())));
      }
      return Main.OK;
    }
  }

  @Command(
      name = "receipt",
      description = {
        "Verify that a receipt's entry is in the signed log.",
        "",
        "Its checkpoint must be signed by the log's key and its entry included at its index. A receipt is a C2SP tlog-proof carrying the entry on its 'extra' line, or Accord's JSON receipt;"
            + " for a private event, the JSON receipt's salt and event must open the logged commitment."
      },
      footer = {"", "Examples:", "  accord verify receipt 42.json --key verifier_key.txt",
          "  accord verify receipt 42.json --policy 2-of-3.policy"})
  static final class ReceiptCommand extends VerifyBase implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The receipt (tlog-proof text or JSON).")
    Path file;

    @Option(names = "--key", paramLabel = "VKEY",
        description = "The log's verifier key (name+id+base64), or a file holding it; optional with --policy.")
    String key;

    @Option(names = "--policy", paramLabel = "FILE",
        description = "A C2SP tlog-policy: accept the receipt's checkpoint only if a listed log signed it and the quorum cosigned it.")
    Path policyFile;

    @Override
    protected int execute() {
      NoteVerifier verifier = keyOrPolicy(key, policyFile);
      TlogPolicy policy = policyFile == null ? null : policy(policyFile);
      String receipt = read(file, "receipt");
      VerifiedReceipt verified;
      TlogPolicy.Accepted accepted = null;
      try {
        Receipt parsed = Receipt.parse(receipt);
        if (policy != null) {
          accepted = policy.verify(parsed.checkpoint(), java.util.Optional.ofNullable(verifier));
          verifier = accepted.log();
        }
        verified = Verifier.verifyReceipt(parsed, verifier);
      } catch (VerificationException e) {
        return failed(e);
      }
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verified", true);
        result.put("index", verified.index());
        result.put("leaf_hash", verified.leafHash().hex());
        result.put("committed", verified.committed());
        verified.event().ifPresent(event -> {
          result.put("type", event.event().type());
          result.put("subject", event.event().subject());
          result.put("time", event.event().timeText());
          result.put("prev", event.previous().map(Hash::hex).orElse(null));
        });
        result.put("checkpoint", describe(verified.checkpoint()));
        if (accepted != null) {
          result.putAll(describe(accepted, policy));
        }
        printJson(result);
      } else {
        String what = verified.event()
            .map(event -> (verified.committed() ? "private event " : "event ") + event.event().type()
                + " of " + event.event().subject() + " at " + event.event().timeText())
            .orElse(verified.committed() ? "a commitment (private event, not revealed)" : "an entry");
        out().println("OK: entry " + verified.index() + " (" + what + ") is in " + verified.checkpoint().origin()
            + " at size " + verified.checkpoint().size());
      }
      return Main.OK;
    }
  }

  @Command(
      name = "consistency",
      description = {
        "Verify that a newer checkpoint extends an older one.",
        "",
        "That is, the log only grew and nothing was rewritten. The proof is the JSON of /api/v1/log/proof/consistency, a JSON array, or one base64 hash per line."
      },
      footer = {"", "Example:",
          "  curl -so proof.json \\",
          "      'https://log.example/api/v1/log/proof/consistency?from=10&to=20'",
          "  accord verify consistency old.txt new.txt --proof proof.json \\",
          "      --key verifier_key.txt"})
  static final class ConsistencyCommand extends VerifyBase implements StorelessCommand {
    @Parameters(index = "0", paramLabel = "OLD_CHECKPOINT", description = "The older checkpoint.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW_CHECKPOINT", description = "The newer checkpoint.")
    Path newer;

    @Option(names = "--proof", required = true, paramLabel = "FILE", description = "The consistency proof.")
    Path proof;

    @Option(names = "--key", paramLabel = "VKEY",
        description = "The log's verifier key, or a file holding it; without it, signatures are not checked.")
    String key;

    @Override
    protected int execute() {
      Optional<NoteVerifier> verifier = key == null ? Optional.empty() : Optional.of(key(key));
      String oldNote = read(older, "checkpoint");
      String newNote = read(newer, "checkpoint");
      String proofText = read(proof, "proof");
      List<Checkpoint> checkpoints;
      try {
        List<Hash> hashes = Verifier.parseProof(proofText);
        checkpoints = Verifier.verifyConsistency(oldNote, newNote, hashes, verifier);
      } catch (VerificationException e) {
        return failed(e);
      }
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verified", true);
        result.put("signatures_checked", verifier.isPresent());
        result.put("old", describe(checkpoints.get(0)));
        result.put("new", describe(checkpoints.get(1)));
        printJson(result);
      } else {
        out().println("OK: " + checkpoints.get(1).origin() + " at size " + checkpoints.get(1).size()
            + " extends size " + checkpoints.get(0).size()
            + (verifier.isPresent() ? "" : " (signatures not checked: no --key)"));
      }
      return Main.OK;
    }
  }

  @Command(
      name = "log",
      description = {
        "Verify a whole tiled log, tile by tile.",
        "",
        "Fetches or reads every entry bundle and hash tile, recomputes every level,"
            + " checks the checkpoint's signature and root, and reports the first bad tile or entry.",
        "SOURCE is the log's URL prefix (the one that serves /checkpoint and /tile/...), a tlog-tiles"
            + " directory, or an Accord data directory. Without SOURCE, the log in --data / --db is checked.",
        "Verification is offline by nature and never goes through a server (--server): while a server holds"
            + " the data directory, verify its URL prefix instead."
      },
      footer = {"", "Examples:",
          "  accord verify log https://accord.example/log --key verifier_key.txt",
          "  accord verify log ../shared/testdata/tlog/testdata/log --key verifier_key.txt",
          "  accord verify log --previous last-seen-checkpoint.txt --key verifier_key.txt"})
  static final class VerifyLogCommand extends VerifyBase {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "URL, tlog-tiles directory or data directory.")
    String source;

    @Option(names = "--key", paramLabel = "VKEY",
        description = "The log's verifier key, or a file holding it. Required for a URL or tiles directory;"
            + " for a local data directory it defaults to that log's own key.")
    String key;

    @Option(names = "--previous", paramLabel = "CHECKPOINT",
        description = "A checkpoint seen earlier: the log must still contain that tree (detects a fork).")
    Path previous;

    @Override
    protected int execute() throws Exception {
      if (source == null) {
        return verifyStored(context().accord(), root().dataDir());
      }
      if (source.startsWith("http://") || source.startsWith("https://")) {
        return verify(TileSources.http(source), requireKey());
      }
      Path dir = Path.of(source);
      if (Files.isRegularFile(dir.resolve("checkpoint"))) {
        return verify(TileSources.directory(dir), requireKey());
      }
      if (Files.isRegularFile(dir.resolve("accord.db")) || Files.isRegularFile(dir.resolve("ledger.key"))) {
        try (Accord accord = Accord.open(new Accord.Config(dir, root().dbUrl()))) {
          return verifyStored(accord, dir);
        }
      }
      throw new UserException("'" + source + "' is not a URL, a tlog-tiles directory (with a checkpoint file) or an Accord data directory");
    }

    /** The log in a data directory's store, read as stored (a damaged log is reported, not refused). */
    private int verifyStored(Accord accord, Path dataDir) {
      NoteVerifier verifier = key != null
          ? key(key)
          : LedgerService.storedKey(dataDir).orElseThrow(() -> new UserException(
              "no log key in " + dataDir + "; pass the log's verifier key with --key"));
      return verify(LedgerService.stored(accord.database()), verifier);
    }

    private NoteVerifier requireKey() {
      if (key == null) {
        throw new UserException("--key is required to verify a log from a URL or a tiles directory");
      }
      return key(key);
    }

    private int verify(TileSource tiles, NoteVerifier verifier) {
      Optional<Checkpoint> before = Optional.empty();
      long start = System.nanoTime();
      try {
        if (previous != null) {
          before = Optional.of(Verifier.verifyCheckpoint(read(previous, "checkpoint"), verifier));
        }
        LogReport report = Verifier.verifyLog(tiles, verifier, before);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("verified", true);
          result.putAll(describe(report.checkpoint()));
          result.put("entries", report.entries());
          result.put("resources", report.tiles());
          result.put("bytes", report.bytes());
          result.put("seconds", Math.round(seconds * 1000) / 1000.0);
          before.ifPresent(old -> result.put("previous_size", old.size()));
          printJson(result);
        } else {
          out().printf("OK: %s at size %d: %d entries and every tile recomputed, root matches the signed checkpoint%s (%d resources, %d bytes, %.2f s)%n",
              report.checkpoint().origin(), report.checkpoint().size(), report.entries(),
              before.map(old -> ", and it extends the previous checkpoint at size " + old.size()).orElse(""),
              report.tiles(), report.bytes(), seconds);
        }
        return Main.OK;
      } catch (VerificationException e) {
        return failed(e);
      }
    }
  }
}
