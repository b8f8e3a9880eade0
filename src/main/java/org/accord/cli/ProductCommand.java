package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.ProductClaims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord product claim|approve|reject|claims}: who owns which product namespaces (ADR 0091). */
@Command(
    name = "product",
    description = {
      "Claim product namespaces and decide claims.",
      "",
      "An organization owns a product through a claim the instance coordinator approves; only the owner's "
          + "(or the coordinator's) VEX statements decide a finding's status. Uploading an SBOM first makes "
          + "no one an owner."
    },
    subcommands = {ProductCommand.Claim.class, ProductCommand.Approve.class, ProductCommand.Reject.class, ProductCommand.ListClaims.class})
final class ProductCommand {
  private ProductCommand() {}

  /** The API's answer to a list of claims. */
  record Listed(List<Map<String, Object>> claims) {}

  @Command(
      name = "claim",
      description = {
        "Claim a product namespace for your organization.",
        "",
        "The claim stays pending until the instance coordinator approves or rejects it.",
        "",
        "PURL is a package URL without version (every version of that package) or a prefix ending in '/' "
            + "(every package under it)."
      },
      footer = {"", "Examples:", "  accord product claim pkg:generic/acme/router --org Acme",
          "  accord product claim pkg:maven/com.vendora/ --server https://accord.example"})
  static final class Claim extends AccordCommand {
    @Parameters(paramLabel = "PURL", description = "The namespace: pkg:generic/acme/router, or a prefix such as pkg:maven/com.vendora/.")
    String purl;

    @Option(names = "--org", paramLabel = "NAME",
        description = "Claim for this existing organization (the coordinator only; default: your own).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> claim;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purl", purl);
        if (organization != null) {
          body.put("organization", organization);
        }
        claim = remote().get().postJson("api/v1/claims", body, Map.class);
      } else {
        claim = ProductClaims.describe(context().accord().claims().claim(actingAs(organization), purl, null));
      }
      print(this, claim, "Claimed");
      return Main.OK;
    }
  }

  @Command(name = "approve", description = {"Approve a pending claim (the instance coordinator only).", "",
      "Its organization then owns the namespace; a claim that overlaps another organization's approved claim is refused."},
      footer = {"", "Example:", "  accord product approve clm_0123456789abcdef"})
  static final class Approve extends AccordCommand {
    @Parameters(paramLabel = "CLAIM-ID", description = "The claim's id, as 'accord product claims' lists it.")
    String id;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> claim = remote().isPresent()
          ? remote().get().postJson("api/v1/claims/" + Remote.segment(id) + "/approve", Map.of(), Map.class)
          : ProductClaims.describe(context().accord().claims().approve(actingAs(null), id));
      print(this, claim, "Approved");
      return Main.OK;
    }
  }

  @Command(name = "reject", description = "Reject a pending claim (the instance coordinator only).",
      footer = {"", "Example:", "  accord product reject clm_0123456789abcdef --reason 'not your product'"})
  static final class Reject extends AccordCommand {
    @Parameters(paramLabel = "CLAIM-ID", description = "The claim's id, as 'accord product claims' lists it.")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the claimant (at most 500 characters).")
    String reason;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> claim;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null) {
          body.put("reason", reason);
        }
        claim = remote().get().postJson("api/v1/claims/" + Remote.segment(id) + "/reject", body, Map.class);
      } else {
        claim = ProductClaims.describe(context().accord().claims().reject(actingAs(null), id, reason));
      }
      print(this, claim, "Rejected");
      return Main.OK;
    }
  }

  @Command(name = "claims", description = {"List the claims you may see.", "",
      "The coordinator sees every claim; others see their own organization's."})
  static final class ListClaims extends AccordCommand {
    @Override
    protected int execute() {
      List<Map<String, Object>> claims = remote().isPresent()
          ? remote().get().get("api/v1/claims", Remote.query(), Listed.class).claims()
          : context().accord().claims().claims(actingAs(null)).stream().map(ProductClaims::describe).toList();
      if (json) {
        printJson(Map.of("claims", claims));
        return Main.OK;
      }
      for (Map<String, Object> claim : claims) {
        out().printf("%-20s %-9s %-24s %s%s%n", claim.get("id"), claim.get("state"), claim.get("organization"), claim.get("purl"),
            "".equals(claim.get("reason")) || claim.get("reason") == null ? "" : "  (" + claim.get("reason") + ")");
      }
      return Main.OK;
    }
  }

  private static void print(AccordCommand command, Map<String, Object> claim, String verb) {
    if (command.json) {
      command.printJson(claim);
    } else {
      command.out().printf("%s %s: %s for %s (%s).%n", verb, claim.get("id"), claim.get("purl"), claim.get("organization"), claim.get("state"));
    }
  }
}
