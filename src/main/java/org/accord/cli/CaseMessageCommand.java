package org.accord.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.CaseMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord case message post|list|read|edit|search}: a case's messages (ADR 0117, 0118), on the
 * data directory (as the local coordinator acting for {@code --org}) or through {@code --server}.
 */
@Command(name = "message", description = {"Talk in a case: threads, messages, attachments.",
    "",
    "Each case has a general thread and threads per product or vendor. A message goes to all participants, "
        + "some organizations (--to, repeatable) or one; its TLP is never below the case's."},
    subcommands = {CaseMessageCommand.Post.class, CaseMessageCommand.ListMessages.class, CaseMessageCommand.Read.class,
        CaseMessageCommand.Edit.class, CaseMessageCommand.Search.class})
final class CaseMessageCommand {
  private CaseMessageCommand() {}

  /** The body from {@code --body} or {@code --file}, exactly one. */
  static String body(String body, Path file) {
    if ((body == null) == (file == null)) {
      throw new UserException("give the Markdown text with --body TEXT or --file FILE.md (one of them)");
    }
    if (file == null) {
      return body;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Command(name = "post", description = {"Post a message to a case.", "A participant or the coordinator may."},
      footer = {"", "Examples:", "  accord case message post ACC-2026-0001 --body 'Patch **ready** in 2.3.5'",
          "  accord case message post ACC-2026-0001 --thread vendor:Beta --to Beta \\",
          "      --tlp AMBER+STRICT --file note.md",
          "  accord case message post ACC-2026-0001 --attach poc.zip --body 'PoC' \\",
          "      --thread product:pkg:maven/org.libra/libracore"})
  static final class Post extends CaseCommand.OnCase {
    @Option(names = "--body", paramLabel = "TEXT", description = "The Markdown text.")
    String body;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the Markdown text from this file.")
    Path file;

    @Option(names = "--thread", paramLabel = "THREAD", description = "general (default), product:PURL, vendor:ORGANIZATION or a thread id.")
    String thread;

    @Option(names = "--to", paramLabel = "ORGANIZATION", description = "Address a participant organization (repeatable; default: all participants).")
    List<String> to;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "The message's TLP label (default: the case's; never below it).")
    String tlp;

    @Option(names = "--recipient", paramLabel = "EMAIL", description = "TLP:RED only: a person who may read it (repeatable).")
    List<String> recipients;

    @Option(names = "--attach", paramLabel = "FILE", description = "Attach a file (repeatable): PDF, PNG, JPEG, zip, JSON, CSAF, CycloneDX or text; checked by its bytes.")
    List<Path> attach;

    @Option(names = "--attachment-tlp", paramLabel = "LABEL", description = "The attachments' TLP label (default: the message's).")
    String attachmentTlp;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      String text = body(body, file);
      List<CaseMessages.Attachment> files = new ArrayList<>();
      for (Path path : attach == null ? List.<Path>of() : attach) {
        try {
          files.add(new CaseMessages.Attachment(path.getFileName().toString(), null, attachmentTlp, Files.readAllBytes(path)));
        } catch (IOException e) {
          throw new UserException("cannot read " + path + ": " + e.getMessage(), e);
        }
      }
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("body", text);
        if (thread != null) {
          request.put("thread", thread);
        }
        if (to != null) {
          request.put("audience", to);
        }
        if (tlp != null) {
          request.put("tlp", tlp);
        }
        if (recipients != null) {
          request.put("recipients", recipients);
        }
        if (!files.isEmpty()) {
          List<Map<String, Object>> encoded = new ArrayList<>();
          for (CaseMessages.Attachment a : files) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", a.name());
            one.put("content_base64", Base64.getEncoder().encodeToString(a.content()));
            if (a.tlp() != null) {
              one.put("tlp", a.tlp());
            }
            encoded.add(one);
          }
          request.put("attachments", encoded);
        }
        answer = remote().get().postJson(path("/messages"), request, Map.class);
      } else {
        answer = context().accord().messages().post(actingAs(organization), id,
            new CaseMessages.Draft(thread, to, tlp, recipients, text, files));
      }
      printMessage(this, answer, "Posted");
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List a case's threads, or one thread's messages.",
      "Threads show your unread counts; only what you may see is listed and counted."},
      footer = {"", "Examples:", "  accord case message list ACC-2026-0001", "  accord case message list ACC-2026-0001 --thread tabcdefghijklmnop --limit 20"})
  static final class ListMessages extends CaseCommand.OnCase {
    @Option(names = "--thread", paramLabel = "ID", description = "List this thread's messages, oldest first.")
    String thread;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Messages per page (1 to 200). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "The cursor of the previous page.")
    String cursor;

    @Override
    protected int execute() {
      if (thread == null) {
        List<Map<String, Object>> threads = remote().isPresent()
            ? CaseCommand.castList(remote().get().get(path("/threads"), Remote.query(), Map.class).get("threads"))
            : context().accord().messages().threads(actingAs(organization), id);
        if (json) {
          printJson(Map.of("case", id, "threads", threads));
          return Main.OK;
        }
        for (Map<String, Object> t : threads) {
          Object about = t.get("product") != null ? t.get("product") : t.get("vendor") != null ? t.get("vendor") : "";
          out().printf("%s  %-8s %-40s %3s unread  latest %s%n", t.get("id"), t.get("kind"), about, t.get("unread"), t.get("latest"));
        }
        return Main.OK;
      }
      Map<String, Object> page;
      if (remote().isPresent()) {
        Remote.Query query = Remote.query("limit", Integer.toString(limit));
        if (cursor != null) {
          query.add("cursor", cursor);
        }
        page = remote().get().get(path("/threads/" + Remote.segment(thread) + "/messages"), query, Map.class);
      } else {
        page = context().accord().messages().page(actingAs(organization), id, thread, limit, cursor);
      }
      if (json) {
        printJson(page);
        return Main.OK;
      }
      for (Map<String, Object> m : CaseCommand.castList(page.get("messages"))) {
        printMessage(this, m, "");
      }
      if (page.get("cursor") != null) {
        out().printf("more: --cursor %s%n", page.get("cursor"));
      }
      return Main.OK;
    }
  }

  @Command(name = "read", description = {"Show a message and mark its thread read through it.",
      "With its versions (the original first) and who has read it."},
      footer = {"", "Example:", "  accord case message read ACC-2026-0001 mabcdefghijklmnop"})
  static final class Read extends CaseCommand.OnCase {
    @Parameters(index = "1", paramLabel = "MESSAGE-ID", description = "The message.")
    String message;

    @Override
    protected int execute() {
      Map<String, Object> shown;
      if (remote().isPresent()) {
        shown = remote().get().get(path("/messages/" + Remote.segment(message)), Remote.query(), Map.class);
        remote().get().postJson(path("/threads/" + Remote.segment((String) shown.get("thread")) + "/read"), Map.of("through", message),
            Map.class);
        shown = remote().get().get(path("/messages/" + Remote.segment(message)), Remote.query(), Map.class); // now seen by the reader
      } else {
        CaseMessages messages = context().accord().messages();
        shown = messages.message(actingAs(organization), id, message);
        messages.markRead(actingAs(organization), id, (String) shown.get("thread"), message);
        shown = messages.message(actingAs(organization), id, message); // now seen by the reader
      }
      if (json) {
        printJson(shown);
        return Main.OK;
      }
      printMessage(this, shown, "");
      for (Map<String, Object> v : CaseCommand.castList(shown.get("versions"))) {
        out().printf("  version %s at %s by %s%n", v.get("version"), v.get("at"), v.get("member") != null ? v.get("member") : v.get("organization"));
      }
      for (Map<String, Object> s : CaseCommand.castList(shown.get("seen_by"))) {
        out().printf("  seen by %s %s at %s%n", s.get("organization"), s.get("member") == null ? "" : s.get("member"), s.get("at"));
      }
      return Main.OK;
    }
  }

  @Command(name = "edit", description = {"Edit your message: a new version; the original and each edit are kept."},
      footer = {"", "Example:", "  accord case message edit ACC-2026-0001 mabcdefghijklmnop --body 'In 2.3.6'"})
  static final class Edit extends CaseCommand.OnCase {
    @Parameters(index = "1", paramLabel = "MESSAGE-ID", description = "The message.")
    String message;

    @Option(names = "--body", paramLabel = "TEXT", description = "The new Markdown text.")
    String body;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the new Markdown text from this file.")
    Path file;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      String text = body(body, file);
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/messages/" + Remote.segment(message) + "/versions"), Map.of("body", text), Map.class)
          : context().accord().messages().edit(actingAs(organization), id, message, text);
      printMessage(this, answer, "Edited");
      return Main.OK;
    }
  }

  @Command(name = "search", description = {"Search a case's messages you may see (every word), newest first."},
      footer = {"", "Example:", "  accord case message search ACC-2026-0001 'patch libracore' --limit 10"})
  static final class Search extends CaseCommand.OnCase {
    @Parameters(index = "1", paramLabel = "QUERY", description = "Words to find.")
    String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Hits to show (1 to 100). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    protected int execute() {
      Map<String, Object> hits = remote().isPresent()
          ? remote().get().get(path("/messages"), Remote.query("q", query, "limit", Integer.toString(limit)), Map.class)
          : context().accord().messages().search(actingAs(organization), id, query, limit);
      if (json) {
        printJson(hits);
        return Main.OK;
      }
      out().printf("%s hits%n", hits.get("total"));
      for (Map<String, Object> m : CaseCommand.castList(hits.get("messages"))) {
        printMessage(this, m, "");
      }
      return Main.OK;
    }
  }

  private static void printMessage(AccordCommand command, Map<String, Object> m, String verb) {
    if (command.json) {
      command.printJson(m);
      return;
    }
    Object author = m.get("author") instanceof Map<?, ?> a ? (a.get("member") != null ? a.get("member") : a.get("organization")) : "";
    Object to = m.get("audience") instanceof Map<?, ?> a && a.get("organizations") instanceof List<?> orgs && !orgs.isEmpty() ? orgs : "all";
    command.out().printf("%s%s  %s  %s  to %s  %s  thread %s  v%s%n", verb.isEmpty() ? "" : verb + " ", m.get("id"), m.get("posted"),
        author, to, m.get("tlp"), m.get("thread"), m.get("version"));
    for (String line : String.valueOf(m.get("body")).split("\n", -1)) {
      command.out().printf("    %s%n", line);
    }
    for (Map<String, Object> a : CaseCommand.castList(m.get("attachments"))) {
      command.out().printf("    [%s] %s (%s, %s bytes, sha256 %s, %s)%n", a.get("position"), a.get("name"), a.get("type"), a.get("size"),
          a.get("sha256"), a.get("tlp"));
    }
  }
}
