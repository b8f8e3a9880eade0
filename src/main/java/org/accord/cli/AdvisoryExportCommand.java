package org.accord.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.advisory.AdvisoryFormat;
import org.accord.app.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord advisory export ID --format …}: write an advisory with its VEX statements. */
@Command(
    name = "export",
    description = {
      "Export an advisory with its VEX statements.",
      "",
      "As OSV, CSAF 2.0 (VEX profile), OpenVEX 0.2.0 or "
          + "CycloneDX 1.6 VEX. An OSV advisory exports to OSV as its original document. The VEX formats "
          + "state the stored statements about the advisory's id and aliases; without any, the advisory's "
          + "own affected package ranges are stated as affected. Each output validates against its official "
          + "schema."
    },
    footer = {
      "",
      "Examples:",
      "  accord advisory export GHSA-jfh8-c2jp-5v3q --format openvex",
      "  accord advisory export CVE-2021-44228 --format csaf --author 'Example CERT' \\",
      "      --namespace https://cert.example.org --output log4shell-vex.json"
    })
final class AdvisoryExportCommand extends AccordCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "Advisory id or alias (such as a CVE id).")
  String id;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "osv, csaf, openvex or cyclonedx-vex.")
  String format;

  @Option(
      names = "--source",
      paramLabel = "ORG",
      description = "The organization whose record to export; needed when several organizations imported this id.")
  String source;

  @Option(names = "--author", paramLabel = "NAME", description = "Author or publisher to name. Default: Accord.")
  String author;

  @Option(
      names = "--namespace",
      paramLabel = "URL",
      defaultValue = "${env:ACCORD_NAMESPACE:-https://accord.invalid}",
      description = "Publisher namespace URL (CSAF publisher.namespace, OpenVEX @id). Default, from $ACCORD_NAMESPACE when set: ${DEFAULT-VALUE}")
  String namespace;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  protected int execute() {
    String document = remote().isPresent()
        ? remote().get().getText(
            "api/v1/advisories/" + Remote.segment(id), Remote.query("format", format, "source", source, "author", author, "namespace", namespace))
        : context().accord().advisories().export(
            id, source, AdvisoryFormat.fromLabel(format), Viewer.local(false), author, namespace, Main.versionText());
    if (output != null) {
      try {
        Files.writeString(output, document, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserException("cannot write " + output + ": " + InputFiles.reason(e), e);
      }
      err().println("wrote " + output);
    } else {
      out().print(document);
    }
    return Main.OK;
  }
}
