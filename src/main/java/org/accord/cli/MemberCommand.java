package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.Parties;
import org.accord.party.MemberRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord member add|list}: the people who act for an organization. */
@Command(
    name = "member",
    description = "Add and list the people who act for an organization.",
    subcommands = {MemberCommand.Add.class, MemberCommand.ListMembers.class})
final class MemberCommand {
  private MemberCommand() {}

  /** The API's answer to a list of members. */
  record Listed(List<Map<String, Object>> members) {}

  @Command(
      name = "add",
      description = {
        "Add a person to an organization.",
        "",
        "Its admins and the instance coordinator may.",
        "",
        "An e-mail address belongs to one member on the instance; web sign-in (OpenID Connect) matches the "
            + "provider's verified address to it."
      },
      footer = {"", "Example:", "  accord member add --org Vendora --email alice@vendora.example --admin"})
  static final class Add extends AccordCommand {
    @Option(names = "--org", required = true, paramLabel = "NAME", description = "The organization.")
    String org;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "The person's e-mail address.")
    String email;

    @Option(names = "--admin", description = "Make the person an admin: manages the organization's members and tokens.")
    boolean admin;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> added;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("admin", admin);
        added = remote().get().postJson("api/v1/orgs/" + Remote.segment(org) + "/members", body, Map.class);
      } else {
        added = Parties.describe(context().accord().parties().addMember(
            actingAs(null), org, email, admin ? MemberRole.ADMIN : MemberRole.MEMBER));
      }
      if (json) {
        printJson(added);
      } else {
        out().printf("Added %s to %s as %s.%n", added.get("email"), added.get("organization"), added.get("role"));
      }
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List an organization's members.", "", "Its admins and the coordinator may."})
  static final class ListMembers extends AccordCommand {
    @Option(names = "--org", required = true, paramLabel = "NAME", description = "The organization.")
    String org;

    @Override
    protected int execute() {
      List<Map<String, Object>> members = remote().isPresent()
          ? remote().get().get("api/v1/orgs/" + Remote.segment(org) + "/members", Remote.query(), Listed.class).members()
          : context().accord().parties().members(actingAs(null), org).stream().map(Parties::describe).toList();
      if (json) {
        printJson(Map.of("members", members));
        return Main.OK;
      }
      for (Map<String, Object> member : members) {
        out().printf("%-40s %s%n", member.get("email"), member.get("role"));
      }
      return Main.OK;
    }
  }
}
