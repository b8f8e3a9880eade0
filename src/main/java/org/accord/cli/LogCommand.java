package org.accord.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.app.LedgerAppends;
import org.accord.app.LedgerService;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code accord log}: the operator's side of the transparency log. */
@Command(
    name = "log",
    description = {
      "Append to and read this instance's transparency log.",
      "",
      "The log lives in the store (--data / --db); 'accord verify' checks it, or any other, offline."
    },
    subcommands = {
      LogCommand.AppendCommand.class,
      LogCommand.KeyCommand.class,
      LogCommand.CheckpointCommand.class,
      LogCommand.ReceiptCommand.class,
      LogCommand.ProofCommand.class
    })
final class LogCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw Main.missingCommand(spec.commandLine());
  }

  @Command(
      name = "append",
      description = {
        "Append events to the log and print their receipts.",
        "",
        "One JSON receipt per line. Each FILE is one event; '-' reads JSON Lines from standard input, one event per line.",
        "An event is a JSON object {\"type\":..., \"subject\":..., \"data\":{...}, \"time\":..., \"private\":...}"
            + " (type and subject default to --type and --subject, time to now); an object without"
            + " \"data\" is itself the data. With --digest, each FILE is any document and the event"
            + " records its name, size and SHA-256 instead.",
        "Types in a namespace Accord writes itself (such as sbom. or org.) are refused, and the error lists them:"
            + " those events come only from Accord's own changes."
      },
      footer = {"", "Examples:",
          "  accord log append --type audit.note --subject product:acme-router \\",
          "      note.json",
          "  accord log append --type test.load --subject bench --quiet - < events.jsonl",
          "  accord log append --type document.filed --subject report:ACC-1 \\",
          "      --digest --private report.pdf"})
  static final class AppendCommand extends AccordCommand {
    @Override
    protected boolean createsData() {
      return true;
    }

    private static final int CHUNK = 10_000;

    @Option(names = "--type", paramLabel = "TYPE", description = "Event type (such as audit.note) for events that do not name one.")
    String type;

    @Option(names = "--subject", paramLabel = "ID", description = "Subject (such as report:ACC-2025-1) for events that do not name one.")
    String subject;

    @Option(names = "--private", description = "Log the events as salted commitments; receipts carry the salt and event.")
    boolean committed;

    @Option(names = "--digest", description = "Log each FILE's name, size and SHA-256 rather than its content.")
    boolean digest;

    @Option(names = "--quiet", description = "Print only a summary line, not the receipts.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Event files, or '-' for JSON Lines on standard input.")
    List<String> files;

    @Override
    protected int execute() throws Exception {
      if (remote().isPresent()) {
        return appendThrough(remote().get());
      }
      List<LedgerService.Append> appends = new ArrayList<>();
      for (String file : files) {
        if (file.equals("-")) {
          readLines(appends);
        } else if (digest) {
          appends.add(digestEvent(Path.of(file)));
        } else {
          Path path = Path.of(file);
          appends.add(parse(read(path), file));
        }
      }
      LedgerService ledger = context().accord().ledger();
      List<CompletableFuture<List<Receipt>>> chunks = new ArrayList<>();
      for (int from = 0; from < appends.size(); from += CHUNK) {
        chunks.add(ledger.submitAll(appends.subList(from, Math.min(appends.size(), from + CHUNK))));
      }
      List<Receipt> receipts = new ArrayList<>(appends.size());
      for (CompletableFuture<List<Receipt>> chunk : chunks) {
        try {
          receipts.addAll(chunk.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
      }
      printReceipts(receipts.stream().map(Receipt::toJson).toList(),
          receipts.isEmpty() ? 0 : receipts.get(0).index(), receipts.isEmpty() ? -1 : receipts.get(receipts.size() - 1).index(),
          ledger.size());
      return Main.OK;
    }

    /**
     * Appends through a server's API ({@code POST /api/v1/log/entries}): the events go as they were
     * written, and the server fills in type, subject and time as {@link LedgerAppends} does here.
     */
    private int appendThrough(Remote server) throws Exception {
      List<String> events = new ArrayList<>();
      for (String file : files) {
        if (file.equals("-")) {
          BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          reader.lines().filter(line -> !line.isBlank()).forEach(events::add);
        } else if (digest) {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("type", require(type, "--type", file));
          event.put("subject", require(subject, "--subject", file));
          event.put("data", digestData(Path.of(file)));
          events.add(Json.PRETTY.writeValueAsString(event));
        } else {
          events.add(read(Path.of(file)));
        }
      }
      List<String> receipts = new ArrayList<>(events.size());
      long first = -1;
      long last = -1;
      for (int from = 0; from < events.size(); from += CHUNK) {
        String body = "[" + String.join(",\n", events.subList(from, Math.min(events.size(), from + CHUNK))) + "]";
        com.fasterxml.jackson.databind.JsonNode answer = server.post(
            "api/v1/log/entries", Remote.query("type", type, "subject", subject, "private", committed ? "true" : null),
            new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "application/json",
            com.fasterxml.jackson.databind.JsonNode.class);
        for (com.fasterxml.jackson.databind.JsonNode receipt : answer.path("receipts")) {
          receipts.add(Json.MAPPER.writeValueAsString(receipt));
          first = first < 0 ? receipt.path("index").asLong() : first;
          last = receipt.path("index").asLong();
        }
      }
      long size = server.get("api/v1/log/key", Remote.query(), com.fasterxml.jackson.databind.JsonNode.class).path("size").asLong();
      printReceipts(receipts, Math.max(first, 0), last, size);
      return Main.OK;
    }

    private void printReceipts(List<String> receipts, long first, long last, long size) {
      if (quiet) {
        if (json) {
          Map<String, Object> summary = new LinkedHashMap<>();
          summary.put("appended", receipts.size());
          summary.put("first_index", first);
          summary.put("last_index", last);
          summary.put("size", size);
          printJson(summary);
        } else {
          out().println("appended " + receipts.size() + " events, indexes " + first + " to " + last + "; log size " + size);
        }
      } else if (json) {
        StringBuilder array = new StringBuilder("[");
        for (String receipt : receipts) {
          array.append(array.length() > 1 ? ",\n" : "\n").append(receipt);
        }
        out().println(array.append("\n]"));
      } else {
        receipts.forEach(out()::println);
      }
    }

    private void readLines(List<LedgerService.Append> appends) throws IOException {
      BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          appends.add(parse(line, "stdin line " + number));
        }
      }
    }

    private static String read(Path path) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserException("cannot read " + path + ": " + e.getMessage());
      }
    }

    private LedgerService.Append digestEvent(Path path) throws Exception {
      byte[] content;
      try {
        content = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new UserException("cannot read " + path + ": " + e.getMessage());
      }
      return new LedgerService.Append(LedgerAppends.event(require(type, "--type", path.toString()),
          require(subject, "--subject", path.toString()), now(), digestData(path), path.toString()), committed);
    }

    /** A document's name, SHA-256 and size: what {@code --digest} logs instead of its content. */
    private static Map<String, Object> digestData(Path path) throws Exception {
      byte[] content;
      try {
        content = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new UserException("cannot read " + path + ": " + e.getMessage());
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("name", path.getFileName().toString());
      data.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      data.put("size", content.length);
      return data;
    }

    private Instant now() {
      return context().accord().clock().instant();
    }

    private LedgerService.Append parse(String text, String where) {
      return LedgerAppends.parse(text, new LedgerAppends.Defaults(type, subject, committed, now()), where);
    }

    private String require(String value, String option, String where) {
      if (value == null) {
        throw new InvalidInputException(option + " is required with --digest", where);
      }
      return value;
    }
  }

  /** The published checkpoint, from the server this run goes through or from the store. */
  static String publishedCheckpoint(AccordCommand command) {
    return command.remote().isPresent()
        ? command.remote().get().getText("log/checkpoint", Remote.query())
        : command.context().accord().ledger().checkpoint();
  }

  @Command(
      name = "key",
      description = {
        "Print the log's verifier key.",
        "",
        "In signed-note vkey form (name+id+base64), as auditors pass it to 'accord verify --key'."
      })
  static final class KeyCommand extends AccordCommand {
    @Override
    protected int execute() {
      Map<String, Object> result = new LinkedHashMap<>();
      if (remote().isPresent()) {
        Map<?, ?> key = remote().get().get("api/v1/log/key", Remote.query(), Map.class);
        result.put("origin", key.get("origin"));
        result.put("verifier_key", key.get("verifier_key"));
      } else {
        LedgerService ledger = context().accord().ledger();
        result.put("origin", ledger.origin());
        result.put("verifier_key", ledger.verifierKey().format());
      }
      if (json) {
        printJson(result);
      } else {
        out().println(result.get("verifier_key"));
      }
      return Main.OK;
    }
  }

  @Command(name = "checkpoint", description = "Print the log's published checkpoint (a signed note).")
  static final class CheckpointCommand extends AccordCommand {
    @Override
    protected int execute() throws VerificationException {
      String note = publishedCheckpoint(this);
      if (json) {
        Checkpoint checkpoint = Verifier.readCheckpoint(note);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("origin", checkpoint.origin());
        result.put("size", checkpoint.size());
        result.put("root", checkpoint.root().base64());
        result.put("note", note);
        printJson(result);
      } else {
        out().print(note);
      }
      return Main.OK;
    }
  }

  @Command(
      name = "receipt",
      description = {
        "Print a fresh receipt for a logged entry.",
        "",
        "The receipt proves the entry against the published checkpoint."
      })
  static final class ReceiptCommand extends AccordCommand {
    @Parameters(index = "0", paramLabel = "INDEX", description = "The entry's index.")
    long index;

    @Option(names = "--reveal", description = "For a private entry, include its salt and event (reveals it).")
    boolean reveal;

    @Option(names = "--tlog-proof", description = "Print the C2SP tlog-proof text instead of the JSON receipt.")
    boolean tlogProof;

    @Override
    protected int execute() {
      if (remote().isPresent()) {
        String text = remote().get().getText(
            "api/v1/log/" + (reveal ? "reveal/" : "receipts/") + index, Remote.query("format", tlogProof ? "tlog-proof" : null));
        out().print(tlogProof ? text : text + "\n");
        return Main.OK;
      }
      Receipt receipt = context().accord().ledger().receipt(index, reveal)
          .orElseThrow(() -> new NotFoundException("the log has no entry " + index));
      out().print(tlogProof ? receipt.tlogProof().format() : receipt.toJson() + "\n");
      return Main.OK;
    }
  }

  @Command(
      name = "proof",
      description = {
        "Print an inclusion or consistency proof as JSON.",
        "",
        "The same JSON as the HTTP API serves: with --index, the inclusion proof of that entry; with --from, "
            + "the consistency proof between two sizes. --size and --to default to the published "
            + "checkpoint's size."
      },
      footer = {"", "Examples:", "  accord log proof --index 42", "  accord log proof --from 100 --to 250 > proof.json"})
  static final class ProofCommand extends AccordCommand {
    @Option(names = "--index", paramLabel = "N", description = "Entry index, for an inclusion proof.")
    Long index;

    @Option(names = "--size", paramLabel = "N", description = "Tree size of the inclusion proof.")
    Long size;

    @Option(names = "--from", paramLabel = "N", description = "Older tree size, for a consistency proof.")
    Long from;

    @Option(names = "--to", paramLabel = "N", description = "Newer tree size of the consistency proof.")
    Long to;

    @Override
    protected int execute() throws VerificationException {
      if ((index == null) == (from == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give either --index or --from");
      }
      long published = Verifier.readCheckpoint(publishedCheckpoint(this)).size();
      Map<String, Object> result = new LinkedHashMap<>();
      if (remote().isPresent()) {
        Map<?, ?> answer = index != null
            ? remote().get().get("api/v1/log/proof/inclusion",
                Remote.query("index", index.toString(), "size", Long.toString(size == null ? Math.max(published, index + 1) : size)), Map.class)
            : remote().get().get("api/v1/log/proof/consistency",
                Remote.query("from", from.toString(), "to", Long.toString(to == null ? published : to)), Map.class);
        for (String name : index != null ? List.of("index", "size", "proof") : List.of("from", "to", "proof")) {
          result.put(name, answer.get(name));
        }
        printJson(result);
        return Main.OK;
      }
      LedgerService ledger = context().accord().ledger();
      try {
        if (index != null) {
          long treeSize = size == null ? Math.max(published, index + 1) : size;
          result.put("index", index);
          result.put("size", treeSize);
          result.put("proof", ledger.inclusionProof(index, treeSize).stream().map(h -> h.base64()).toList());
        } else {
          long newer = to == null ? published : to;
          result.put("from", from);
          result.put("to", newer);
          result.put("proof", ledger.consistencyProof(from, newer).stream().map(h -> h.base64()).toList());
        }
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      printJson(result);
      return Main.OK;
    }
  }
}
