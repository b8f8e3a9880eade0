package org.accord.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.VerificationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord case publish|reveal}: publishing a case and fetching its reveal bundle (ADR 0109). */
final class CasePublicationCommands {
  private CasePublicationCommands() {}

  @Command(name = "publish",
      description = {"Publish a case: its history becomes checkable by anyone.",
          "The case owner or the coordinator may. Sets P (public aware) if needed, which ends an embargo in force, and logs one"
              + " public case.published event naming the case's private chain. A case is published once."},
      footer = {"", "Example:", "  accord case publish ACC-2026-0001 --org Libra"})
  static final class Publish extends CaseCommand.OnCase {
    @Override
    protected int execute() {
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/publish"), Map.of(), Map.class)
          : context().accord().publication().publish(actingAs(organization), id);
      if (json) {
        printJson(answer);
      } else {
        out().printf("Published %s: %s private events up to %s, in the checkpoint of size %s; case.published is entry %s%n",
            answer.get("case"), answer.get("events"), answer.get("head"), answer.get("checkpoint"), answer.get("index"));
      }
      return Main.OK;
    }
  }

  @Command(name = "reveal",
      description = {"Fetch the reveal bundle of a published case.",
          "Anyone may. The bundle holds every private event of the case with its salt and inclusion proof (items labelled"
              + " TLP:RED or TLP:AMBER+STRICT withheld); check it offline with 'accord verify case'."},
      footer = {"", "Example:", "  accord case reveal ACC-2026-0001 -o bundle.json \\", "      --server https://accord.example"})
  static final class Reveal extends CaseCommand.OnCase {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the bundle here (default: standard output).")
    Path output;

    @Override
    protected int execute() {
      String text = remote().isPresent()
          ? remote().get().getText(path("/reveal"), Remote.query())
          : context().accord().publication().reveal(id).toJson();
      RevealBundle bundle;
      try {
        bundle = RevealBundle.parse(text);
      } catch (VerificationException e) {
        throw new UserException("the reveal bundle of " + id + " does not read: " + e.describe());
      }
      if (output == null) {
        out().println(text.strip());
        return Main.OK;
      }
      try {
        Files.writeString(output, text.strip() + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserException("cannot write " + output + ": " + e.getMessage());
      }
      long withheld = bundle.events().stream().filter(e -> e.reveal().isEmpty()).count();
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("case", bundle.caseId().toString());
        result.put("file", output.toString());
        result.put("events", bundle.events().size());
        result.put("withheld", withheld);
        printJson(result);
      } else {
        out().printf("Wrote the reveal bundle of %s to %s: %d events, %d withheld%n", bundle.caseId(), output, bundle.events().size(), withheld);
      }
      return Main.OK;
    }
  }
}
