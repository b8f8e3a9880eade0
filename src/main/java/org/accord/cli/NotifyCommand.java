package org.accord.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.ListPage;
import org.accord.app.Notifications;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord notify prefs|inbox|dead-letters|webhook}: notification delivery (ADR 0119, 0120). */
@Command(
    name = "notify",
    description = "Notification preferences, inbox, dead letters and webhooks.",
    subcommands = {NotifyCommand.Prefs.class, NotifyCommand.Inbox.class, NotifyCommand.DeadLetters.class, NotifyCommand.Webhook.class})
final class NotifyCommand {
  private NotifyCommand() {}

  @Command(
      name = "prefs",
      description = {
        "Show or set a member's notification channels and digest.",
        "",
        "Channels: email, webhook (the organization's), inbox. Digest: immediate or daily.",
        "",
        "Through a server (--server with a member's ACCORD_TOKEN) it is the token's own member. On the data directory, "
            + "name the member with --member. A daily digest goes out at 07:00 UTC."
      },
      footer = {"", "Examples:", "  accord notify prefs --channels email,inbox --digest daily",
          "  accord notify prefs --member alice@vendora.example --json"})
  static final class Prefs extends AccordCommand {
    @Option(names = "--member", paramLabel = "EMAIL", description = "The member (on the data directory).")
    String member;

    @Option(names = "--channels", split = ",", paramLabel = "CHANNEL", description = "Channels to use: email, webhook, inbox (comma-separated; 'none' for none).")
    List<String> channels;

    @Option(names = "--digest", paramLabel = "WHEN", description = "immediate or daily.")
    String digest;

    @Override
    protected int execute() {
      boolean set = channels != null || digest != null;
      List<String> chosen = channels == null ? null : channels.stream().filter(c -> !c.equals("none")).toList();
      Map<String, Object> answer;
      if (remote().isPresent()) {
        if (member != null) {
          throw new UserException("--member works on the data directory; through a server it is the token's own member");
        }
        answer = set ? remote().get().putJson("api/v1/members/me/notifications", body(chosen, remote().get().get(
            "api/v1/members/me/notifications", Remote.query(), Map.class)), Map.class)
            : remote().get().get("api/v1/members/me/notifications", Remote.query(), Map.class);
      } else {
        Notifications notifications = context().accord().notifications();
        if (set) {
          Map<String, Object> merged = body(chosen, Notifications.describe(notifications.preferences(actingAs(null), member)));
          @SuppressWarnings("unchecked")
          List<String> list = (List<String>) merged.get("channels");
          notifications.setPreferences(actingAs(null), member, list, (String) merged.get("digest"));
        }
        answer = Notifications.describe(notifications.preferences(actingAs(null), member));
      }
      if (json) {
        printJson(answer);
      } else {
        out().printf("channels: %s%ndigest:   %s%n", answer.get("channels"), answer.get("digest"));
      }
      return Main.OK;
    }

    private Map<String, Object> body(List<String> chosen, Map<?, ?> current) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("channels", chosen != null ? chosen : current.get("channels"));
      body.put("digest", digest != null ? digest : current.get("digest"));
      return body;
    }
  }

  @Command(name = "inbox", description = {"List your notifications, unread first (or --newest first).", "",
      "Through a server with a member's token."},
      footer = {"", "Example:", "  accord notify inbox --server https://accord.example --limit 20 --json"})
  static final class Inbox extends AccordCommand {
    @Option(names = "--newest", description = "Newest first instead of unread first.")
    boolean newest;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Notifications per page (1 to 200). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The cursor of the previous page.")
    String cursor;

    @Override
    protected int execute() {
      Map<String, Object> page;
      if (remote().isPresent()) {
        page = remote().get().get("api/v1/inbox", Remote.query("order", newest ? "newest" : "unread", "limit", String.valueOf(limit))
            .add("cursor", cursor), Map.class);
      } else {
        Notifications.Inbox inbox = context().accord().notifications().inbox(actingAs(null),
            newest ? Notifications.InboxOrder.NEWEST : Notifications.InboxOrder.UNREAD, limit, cursor);
        page = new LinkedHashMap<>();
        page.put("notifications", inbox.page().items().stream().map(Notifications::describe).toList());
        page.put("total", inbox.page().total());
        page.put("unread", inbox.unread());
        page.put("cursor", inbox.page().cursor());
      }
      if (json) {
        printJson(page);
        return Main.OK;
      }
      for (Object item : (List<?>) page.get("notifications")) {
        Map<?, ?> n = (Map<?, ?>) item;
        out().printf("%6s %s %-14s %s %s%n", n.get("id"), n.get("read") == null ? "*" : " ", n.get("case"), n.get("kind"), n.get("text"));
      }
      out().printf("%s unread of %s%n", page.get("unread"), page.get("total"));
      return Main.OK;
    }
  }

  @Command(name = "dead-letters", description = {"List notifications given up after their last attempt.", "", "The coordinator may.", "",
      "Shows who each was for, its kind, its attempts and last error; never its content."},
      footer = {"", "Example:", "  accord notify dead-letters --json"})
  static final class DeadLetters extends AccordCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Letters per page (1 to 200). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The cursor of the previous page.")
    String cursor;

    @Override
    protected int execute() {
      Map<String, Object> page;
      if (remote().isPresent()) {
        page = remote().get().get("api/v1/notifications/dead-letters", Remote.query("limit", String.valueOf(limit)).add("cursor", cursor),
            Map.class);
      } else {
        ListPage<org.accord.store.Notifications.DeadLetter> letters =
            context().accord().notifications().deadLetters(actingAs(null), limit, cursor);
        page = new LinkedHashMap<>();
        page.put("dead_letters", letters.items().stream().map(Notifications::describe).toList());
        page.put("total", letters.total());
        page.put("cursor", letters.cursor());
      }
      if (json) {
        printJson(page);
        return Main.OK;
      }
      List<String> lines = new ArrayList<>();
      for (Object item : (List<?>) page.get("dead_letters")) {
        Map<?, ?> d = (Map<?, ?>) item;
        lines.add(String.format("%6s %-8s %-16s %-30s %s attempts: %s", d.get("id"), d.get("channel"), d.get("kind"),
            d.get("member") == null ? d.get("organization") : d.get("member"), d.get("attempts"), d.get("last_error")));
      }
      lines.forEach(out()::println);
      out().printf("%s dead letters%n", page.get("total"));
      return Main.OK;
    }
  }

  @Command(name = "webhook", description = {"Show or set an organization's webhook.", "", "Its admins and the coordinator may.", "",
      "Deliveries are JSON POSTs signed with HMAC-SHA256 over TIMESTAMP.BODY: headers X-Accord-Signature (sha256=HEX), "
          + "X-Accord-Timestamp (Unix seconds) and X-Accord-Delivery (the same on every retry). Without --secret one is made "
          + "and shown once."},
      footer = {"", "Example:", "  accord notify webhook --org Vendora --url https://tickets.example/accord"})
  static final class Webhook extends AccordCommand {
    @Option(names = "--org", required = true, paramLabel = "NAME", description = "The organization.")
    String org;

    @Option(names = "--url", paramLabel = "URL", description = "The http(s) URL to POST to; omit to show the current one.")
    String url;

    @Option(names = "--secret", paramLabel = "SECRET", description = "The signing secret (16 to 200 characters); made when omitted.")
    String secret;

    @Override
    protected boolean createsData() {
      return url != null;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        String path = "api/v1/orgs/" + Remote.segment(org) + "/webhook";
        if (url == null) {
          answer = remote().get().get(path, Remote.query(), Map.class);
        } else {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("url", url);
          body.put("secret", secret);
          answer = remote().get().putJson(path, body, Map.class);
        }
      } else {
        Notifications notifications = context().accord().notifications();
        answer = url == null ? notifications.webhook(actingAs(null), org) : notifications.setWebhook(actingAs(null), org, url, secret);
      }
      if (json) {
        printJson(answer);
      } else {
        out().printf("%s: %s%n", answer.get("organization"), answer.get("url") == null ? "no webhook" : answer.get("url"));
        if (answer.get("secret") != null) {
          out().printf("secret (shown once): %s%n", answer.get("secret"));
        }
      }
      return Main.OK;
    }
  }
}
