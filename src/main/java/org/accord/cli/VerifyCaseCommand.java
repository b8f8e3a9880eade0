package org.accord.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.CaseRevealVerifier;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.VerificationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord verify case}: a published case's whole history against the log, offline (ADR 0109). */
@Command(
    name = "case",
    description = {
      "Verify a published case's history from its reveal bundle.",
      "",
      "Checks every event's inclusion proof against the bundle's checkpoint and its signature with the key, that each salt and"
          + " event open the logged commitment, that every event is of the case, that the prev chain runs unbroken from the"
          + " first event to the head case.published names, with the count it names, that the checkpoint was signed before"
          + " publication and, with --checkpoint, that the bundle's later checkpoint is the one you hold. Exits 1 naming the"
          + " event's log index on any failure."
    },
    footer = {"", "Example:",
        "  accord case reveal ACC-2026-0001 -o bundle.json \\", "      --server https://accord.example",
        "  accord verify case ACC-2026-0001 --bundle bundle.json --key verifier_key.txt"})
final class VerifyCaseCommand extends VerifyCommand.VerifyBase implements StorelessCommand {
  @Parameters(index = "0", paramLabel = "CASE-ID", description = "The case, such as ACC-2026-0001.")
  String id;

  @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The reveal bundle (accord case reveal).")
  Path bundle;

  @Option(names = "--key", required = true, paramLabel = "VKEY",
      description = "The log's verifier key (name+id+base64), or a file holding it.")
  String key;

  @Option(names = "--checkpoint", paramLabel = "LATEST",
      description = "A checkpoint of the log you hold, signed after publication: the bundle must prove consistency up to it.")
  Path checkpoint;

  @Override
  protected int execute() {
    CaseId caseId;
    try {
      caseId = CaseId.parse(id.strip());
    } catch (InvalidInputException e) {
      throw new UserException("CASE-ID: " + e.getMessage());
    }
    NoteVerifier verifier = key(key);
    String text = read(bundle, "bundle");
    Optional<String> later = checkpoint == null ? Optional.empty() : Optional.of(read(checkpoint, "checkpoint"));
    CaseRevealVerifier.Result result;
    try {
      result = CaseRevealVerifier.verify(RevealBundle.parse(text), caseId, verifier, later);
    } catch (VerificationException e) {
      return failed(e);
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("verified", true);
      out.put("case", result.caseId().toString());
      out.put("events", result.events());
      out.put("withheld", result.withheld());
      out.put("head", result.head().hex());
      out.put("published_index", result.publishedIndex());
      out.put("checkpoint", describe(result.checkpoint()));
      out.put("latest", describe(result.latest()));
      out.put("latest_checked", later.isPresent());
      printJson(out);
    } else {
      out().printf("OK: %s: %d events chain unbroken to the head named by case.published (entry %d), all in %s at size %d,"
              + " signed before publication%s%s%n",
          result.caseId(), result.events(), result.publishedIndex(), result.checkpoint().origin(), result.checkpoint().size(),
          result.withheld().isEmpty() ? "" : "; " + result.withheld().size() + " withheld (TLP) at " + result.withheld(),
          later.isPresent() ? "; consistent with your checkpoint at size " + result.latest().size() : "");
    }
    return Main.OK;
  }
}
