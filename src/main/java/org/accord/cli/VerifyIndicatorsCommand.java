package org.accord.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accord.accountability.indicators.IndicatorAudit;
import org.accord.disclosure.RevealBundle;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.TileSource;
import org.accord.ledger.VerificationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord verify indicators}: recompute published indicators from the published files alone (ADR 0143). */
@Command(
    name = "indicators",
    description = {
      "Recompute published indicators from the log and bundles.",
      "",
      "Audits the whole tiled log against its signed checkpoint, takes the log's public publication entries as the set of"
          + " published cases (a bundle left out is reported), verifies each bundle as 'accord verify case' does and checks that"
          + " its entries are the log's, folds the revealed events and recomputes the indicators in the published file's own"
          + " scope. Exits 0 when every published figure is reproduced, and 1 naming the first failed check or every figure that"
          + " differs. Needs no database."
    },
    footer = {"", "Example:",
        "  curl -so indicators.json https://accord.example/api/v1/indicators",
        "  accord case reveal ACC-2026-0001 -o bundles/ACC-2026-0001.json \\",
        "      --server https://accord.example",
        "  accord verify indicators --published indicators.json --bundles bundles \\",
        "      --log https://accord.example/log --key verifier_key.txt"})
final class VerifyIndicatorsCommand extends VerifyCommand.VerifyBase implements StorelessCommand {
  @Option(names = "--published", required = true, paramLabel = "FILE", description = "The published indicators (GET /api/v1/indicators).")
  Path published;

  @Option(names = "--bundles", required = true, paramLabel = "DIR", description = "A directory of reveal bundles (*.json), one per published case.")
  Path bundles;

  @Option(names = "--log", required = true, paramLabel = "SOURCE", description = "The log's URL prefix or a tlog-tiles directory.")
  String log;

  @Option(names = "--key", required = true, paramLabel = "VKEY", description = "The log's verifier key (name+id+base64), or a file holding it.")
  String key;

  @Override
  protected int execute() {
    NoteVerifier verifier = key(key);
    String figures = read(published, "published indicators");
    TileSource tiles = log.startsWith("http://") || log.startsWith("https://") ? TileSources.http(log) : TileSources.directory(Path.of(log));
    List<Path> files;
    try (Stream<Path> list = Files.list(bundles)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UserException("cannot list --bundles " + bundles + ": " + e.getMessage());
    }
    IndicatorAudit.Result result;
    try {
      List<RevealBundle> parsed = new ArrayList<>();
      for (Path file : files) {
        try {
          parsed.add(RevealBundle.parse(read(file, "bundle")));
        } catch (VerificationException e) {
          throw new VerificationException(e.getMessage(), file.getFileName() + (e.location().isEmpty() ? "" : ", " + e.location()));
        }
      }
      result = IndicatorAudit.audit(tiles, verifier, parsed, figures);
    } catch (VerificationException e) {
      return failed(e);
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("verified", result.reproduced());
      out.put("cases", result.cases());
      out.put("checkpoint", describe(result.checkpoint()));
      out.put("differences", result.differences());
      printJson(out);
    } else if (result.reproduced()) {
      out().printf("OK: every published figure reproduced from %d published cases' bundles and the log at size %d%n", result.cases(),
          result.checkpoint().size());
    } else {
      err().println("accord: " + result.differences().size() + " published figure(s) differ from the recomputation:");
      result.differences().forEach(d -> err().println("  " + d));
    }
    return result.reproduced() ? Main.OK : Main.USER_ERROR;
  }
}
