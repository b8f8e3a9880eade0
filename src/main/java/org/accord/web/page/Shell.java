package org.accord.web.page;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.accord.web.WebServer;

/**
 * What the shared layout ({@code shell.jte}) needs: the page's title, its menu entry, and who is
 * signed in.
 *
 * @param title the page's title, without the site name
 * @param active the menu entry to mark as current, or null
 * @param caller the signed-in caller, empty for an anonymous page
 */
public record Shell(String title, Nav active, Optional<WebServer.Caller> caller) {
  /** A page for an anonymous visitor. */
  public static Shell anonymous(String title, Nav active) {
    return new Shell(title, active, Optional.empty());
  }

  /** Whether someone is signed in. */
  public boolean signedIn() {
    return caller.isPresent();
  }

  /** The signed-in organization's name, or null. */
  public String organization() {
    return caller.map(c -> c.principal().organization().name()).orElse(null);
  }

  /** The session's CSRF token for the page's actions, or null (anonymous, or a bearer token). */
  public String csrf() {
    return caller.flatMap(WebServer.Caller::session).map(s -> s.csrf()).orElse(null);
  }

  /** The menu entries this viewer sees. */
  public List<Nav> nav() {
    return Arrays.stream(Nav.values()).filter(n -> signedIn() || !n.signedInOnly()).toList();
  }
}
