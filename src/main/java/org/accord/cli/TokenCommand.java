package org.accord.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord token create --org NAME}. */
@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
final class TokenCommand {

  /** The API's answer to a token creation. */
  record Created(String organization, String role, String token) {}

  @Command(
      name = "create",
      description = {
        "Create an API token and print it once.",
        "",
        "The token acts for an organization, which is created if new. Only its SHA-256 is stored; a lost "
            + "token cannot be recovered, only replaced."
      },
      footer = {"", "Example:", "  accord token create --org CERT-EU --kind cert --coordinator"})
  static final class Create extends AccordCommand {
    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Organization the token acts for.")
    String org;

    @Option(names = "--kind", defaultValue = "other", paramLabel = "KIND",
        description = "Kind when the organization is new: maintainer, foundation, vendor, operator, cert, government, researcher, other. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--coordinator", description = "Grant the instance coordinator role (sees every deployment).")
    boolean coordinator;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "", description = "A note to recognise the token by.")
    String label;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      String token = remote().isPresent()
          ? remote().get().postJson(
              "api/v1/tokens", Map.of("organization", org, "kind", kind, "coordinator", coordinator, "label", label), Created.class).token()
          : context().accord().createToken(org, kind, coordinator, label);
      if (json) {
        printJson(Map.of("organization", org, "role", coordinator ? "coordinator" : "member", "token", token));
      } else {
        out().println(token);
      }
      return Main.OK;
    }
  }
}
