package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.Parties;
import org.accord.party.OrgKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord org create|list}: the organizations taking part. */
@Command(
    name = "org",
    description = "Create and list the organizations taking part.",
    subcommands = {OrgCommand.Create.class, OrgCommand.ListOrgs.class})
final class OrgCommand {
  private OrgCommand() {}

  /** The API's answer to a list of organizations. */
  record Listed(List<Map<String, Object>> organizations) {}

  @Command(
      name = "create",
      description = {
        "Create an organization (the instance coordinator only).",
        "",
        "The local command line acts as the coordinator.",
        "",
        "Uploads never create organizations: an SBOM, inventory or advisory is attributed to the uploader's "
            + "organization, which must exist."
      },
      footer = {"", "Examples:", "  accord org create Vendora --kind vendor --country DE",
          "  accord org create GridCo --kind operator --email soc@gridco.example"})
  static final class Create extends AccordCommand {
    @Parameters(paramLabel = "NAME", description = "The organization's name, unique on this instance.")
    String name;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
        description = "What it is: maintainer, foundation, vendor, operator, cert, government, researcher.")
    String kind;

    @Option(names = "--country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 country code, such as DE.")
    String country;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Contact address of the organization.")
    String email;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> created;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("country", country);
        body.put("contactEmail", email);
        created = remote().get().postJson("api/v1/orgs", body, Map.class);
      } else {
        created = Parties.describe(context().accord().parties().createOrganization(
            actingAs(null), name, OrgKind.parse(kind), country, email));
      }
      if (json) {
        printJson(created);
      } else {
        out().printf("Created %s (%s%s).%n", created.get("name"), created.get("kind"),
            created.get("country") == null ? "" : ", " + created.get("country"));
      }
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List the organizations you may see.", "",
      "The coordinator sees all; others see their own and those of kinds that act in the open "
          + "(not operators or researchers)."})
  static final class ListOrgs extends AccordCommand {
    @Override
    protected int execute() {
      List<Map<String, Object>> organizations = remote().isPresent()
          ? remote().get().get("api/v1/orgs", Remote.query(), Listed.class).organizations()
          : context().accord().parties().organizations(actingAs(null)).stream().map(Parties::describe).toList();
      if (json) {
        printJson(Map.of("organizations", organizations));
        return Main.OK;
      }
      for (Map<String, Object> org : organizations) {
        out().printf("%-30s %-11s %-3s %s%n", org.get("name"), org.get("kind"),
            org.get("country") == null ? "-" : org.get("country"), org.get("contactEmail") == null ? "" : org.get("contactEmail"));
      }
      return Main.OK;
    }
  }
}
