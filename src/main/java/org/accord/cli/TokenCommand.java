package org.accord.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.Parties;
import org.accord.party.ApiToken;
import org.accord.store.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accord token create|list|revoke}: API tokens for machines, people and the web sign-in form. */
@Command(
    name = "token",
    description = "Create, list and revoke API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {
  private TokenCommand() {}

  /** The API's answer to a list of tokens. */
  record Listed(List<Map<String, Object>> tokens) {}

  @Command(
      name = "create",
      description = {
        "Create an API token and print its secret once.",
        "",
        "The token acts for an existing organization (see 'accord org create'), as one of its members when "
            + "--member is given (an admin member's token may manage the organization's members and tokens), "
            + "or as the organization's machine token. Only its SHA-256 is stored; a lost token cannot be "
            + "recovered, only revoked and replaced. With --json the answer holds 'id' (to list and revoke by) "
            + "and 'token' (the secret)."
      },
      footer = {"", "Examples:",
          "  accord token create --org CERT-EU --coordinator --label 'triage desk'",
          "  accord token create --org Vendora --member alice@vendora.example --expires 30d"})
  static final class Create extends AccordCommand {
    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Organization the token acts for.")
    String org;

    @Option(names = "--member", paramLabel = "ADDRESS", description = "The member the token belongs to (default: the organization's machine token).")
    String member;

    @Option(names = "--coordinator", description = "Grant the instance coordinator role (sees every deployment). Only the coordinator may.")
    boolean coordinator;

    @Option(names = "--expires", paramLabel = "LIFETIME", defaultValue = "90d",
        description = "How long the token works: 90d, 12h, 30m, 2w, P90D or never. Default: ${DEFAULT-VALUE}.")
    String expires;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "", description = "A note to recognise the token by.")
    String label;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Duration lifetime = ApiToken.parseLifetime(expires);
      Map<String, Object> created;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", org);
        body.put("member", member);
        body.put("coordinator", coordinator);
        body.put("expires", expires);
        body.put("label", label);
        created = remote().get().postJson("api/v1/tokens", body, Map.class);
      } else {
        var accord = context().accord();
        Tokens.Created made = accord.parties().createToken(actingAs(null), org, member, coordinator, label, lifetime);
        created = new LinkedHashMap<>(Parties.describe(made.token(), accord.clock().instant()));
        created.put("token", made.secret());
      }
      if (json) {
        printJson(created);
      } else {
        out().println(created.get("token"));
        err().printf("Token %s for %s (%s), %s. The secret above is shown only this once.%n",
            created.get("id"), created.get("member") == null ? created.get("organization") : created.get("member"),
            created.get("role"), created.get("expires") == null ? "never expires" : "expires " + created.get("expires"));
      }
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List the tokens you may see, never their secrets.", "",
      "Every token for the coordinator, an organization's for its admins, your own otherwise."})
  static final class ListTokens extends AccordCommand {
    @Option(names = "--org", paramLabel = "NAME", description = "Only this organization's tokens.")
    String org;

    @Override
    protected int execute() {
      List<Map<String, Object>> tokens;
      if (remote().isPresent()) {
        tokens = remote().get().get("api/v1/tokens", Remote.query("org", org), Listed.class).tokens();
      } else {
        var accord = context().accord();
        var now = accord.clock().instant();
        tokens = accord.parties().tokens(actingAs(null), org).stream().map(t -> Parties.describe(t, now)).toList();
      }
      if (json) {
        printJson(Map.of("tokens", tokens));
        return Main.OK;
      }
      out().printf("%-20s %-24s %-28s %-11s %-8s %s%n", "ID", "ORGANIZATION", "MEMBER", "ROLE", "STATE", "LABEL");
      for (Map<String, Object> token : tokens) {
        String state = token.get("revoked") != null ? "revoked" : Boolean.TRUE.equals(token.get("active")) ? "active" : "expired";
        out().printf("%-20s %-24s %-28s %-11s %-8s %s%n", token.get("id"), token.get("organization"),
            token.get("member") == null ? "-" : token.get("member"), token.get("role"), state, token.get("label"));
      }
      return Main.OK;
    }
  }

  @Command(name = "revoke", description = {"Revoke a token.", "",
      "From the next request on it is refused (401), and its web sessions end."},
      footer = {"", "Example:", "  accord token revoke tok_3f2a9c0d1e4b5a6f"})
  static final class Revoke extends AccordCommand {
    @Parameters(paramLabel = "ID", description = "The token's id, as 'accord token list' shows it.")
    String id;

    @Override
    protected int execute() {
      Map<String, Object> revoked;
      if (remote().isPresent()) {
        revoked = remote().get().delete("api/v1/tokens/" + Remote.segment(id), Map.class);
      } else {
        var accord = context().accord();
        revoked = Parties.describe(accord.parties().revokeToken(actingAs(null), id), accord.clock().instant());
      }
      if (json) {
        printJson(revoked);
      } else {
        out().printf("Revoked %s (%s).%n", revoked.get("id"), revoked.get("organization"));
      }
      return Main.OK;
    }
  }
}
