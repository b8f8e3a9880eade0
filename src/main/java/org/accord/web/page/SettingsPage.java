package org.accord.web.page;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.accord.ForbiddenException;
import org.accord.NotFoundException;
import org.accord.app.Notifications;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code GET /settings}: the signed-in member's organization as the API shows it to that member:
 * members (admins and the coordinator, {@code GET /api/v1/orgs/{name}/members}), tokens ({@code GET
 * /api/v1/tokens}: all of the organization's for an admin, a member's own otherwise) with a create form
 * (admins and the coordinator, as the API) and a revoke button, the member's notification preferences, the organization's product claims and
 * its published commitments. Each section calls the service the API calls, with the viewer's
 * principal; a section the API refuses shows the API's reason instead of its rows. Creating a token
 * shows its secret once, in the page, and never again.
 */
public final class SettingsPage implements Pages.Module {
  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, "/settings", Parameters.NONE, ctx -> show(server, ctx));
  }

  /** A section's rows, or the API's refusal. */
  public record Section<T>(List<T> rows, String refused) {}

  public record MemberRow(String email, String role) {}

  public record TokenRow(String id, String label, String member, String created, String expires, String revoked) {}

  public record ClaimRow(String namespace, String state, String reason, String created) {}

  public record CommitmentRow(String id, int version, String kind, String title, String published) {}

  /** Everything on the page. */
  public record Model(String organization, String email, boolean manages, Section<MemberRow> members, Section<TokenRow> tokens,
      List<String> channels, String digest, Section<ClaimRow> claims, List<CommitmentRow> commitments) {}

  private static void show(WebServer server, Context ctx) {
    var caller = Pages.signedIn(server, ctx);
    if (caller.isEmpty()) {
      return;
    }
    Principal principal = caller.get().principal();
    var accord = server.accord();
    String org = principal.organization().name();
    ZoneId utc = ZoneId.of("UTC");
    Section<MemberRow> members = section(() -> accord.parties().members(principal, org).stream()
        .map(m -> new MemberRow(m.email(), m.role().label())).toList());
    Section<TokenRow> tokens = section(() -> accord.parties().tokens(principal, org).stream()
        .map(t -> new TokenRow(t.id(), t.label(), t.member() == null ? "(organization)" : t.member().email(), Zones.format(t.created(), utc),
            t.expires() == null ? "never" : Zones.format(t.expires(), utc), t.revoked() == null ? null : Zones.format(t.revoked(), utc)))
        .toList());
    List<String> channels = List.of();
    String digest = null;
    String email = principal.member() == null ? null : principal.member().email();
    if (email != null) {
      Map<String, Object> preferences = Notifications.describe(accord.notifications().preferences(principal, email));
      channels = ((List<?>) preferences.get("channels")).stream().map(String::valueOf).toList();
      digest = String.valueOf(preferences.get("digest"));
    }
    Section<ClaimRow> claims = section(() -> accord.claims().claims(principal).stream()
        .filter(c -> c.organization().name().equals(org))
        .map(c -> new ClaimRow(c.namespace(), c.state().label(), c.reason(), Zones.format(c.created(), utc))).toList());
    List<CommitmentRow> commitments = accord.commitments().list(org, null, 100).stream()
        .map(v -> new CommitmentRow(v.commitment(), v.version(), v.pledge().kind().label(), v.pledge().title(), Zones.format(v.published(), utc)))
        .toList();
    Pages.render(ctx, HttpStatus.OK, "settings.jte", new Shell("Organization settings", Nav.SETTINGS, caller),
        new Model(org, email, Authority.manages(principal, principal.organization()), members, tokens, channels, digest, claims, commitments));
  }

  private static <T> Section<T> section(Supplier<List<T>> rows) {
    try {
      return new Section<>(rows.get(), null);
    } catch (ForbiddenException | NotFoundException e) {
      return new Section<>(List.of(), e.getMessage());
    }
  }
}
