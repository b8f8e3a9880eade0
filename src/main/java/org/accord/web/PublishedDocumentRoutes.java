package org.accord.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.accord.NotFoundException;
import org.accord.advisory.AdvisoryFormat;
import org.accord.app.CaseDocuments;
import org.accord.app.CsafKey;
import org.accord.store.PublishedDocuments.Entry;

/**
 * Where tools look for the documents of published cases (ADR 0122). Everything here is public: only
 * published, TLP:CLEAR documents are served; anything else answers as a missing file.
 *
 * <ul>
 *   <li>The CSAF 2.0 provider (§7): {@code /.well-known/csaf/provider-metadata.json} (requirements 7, 9),
 *       the public OpenPGP key it names ({@code /.well-known/csaf/openpgp/<fingerprint>.asc}, 20), the
 *       ROLIE service document and TLP:CLEAR feed (15, 16), and the directory {@code
 *       /.well-known/csaf/clear/}: {@code <year>/<file>.json} (2, 11) with {@code .sha256}, {@code .sha512}
 *       (18) and {@code .asc} (19), {@code index.txt} (12), {@code changes.csv} (13) and listings (14).
 *   <li>The OSV directory {@code /osv/}: {@code <id>.json}, {@code all.zip} and {@code modified_id.csv}
 *       ({@code <modified>,<id>}, newest first), as osv.dev's export lays them out.
 *   <li>Per-participant VEX: {@code /vex/<case>/<organization>.openvex.json} and {@code .cdx.json}.
 *   <li>{@code GET /api/v1/cases/{id}/csaf}: the case's CSAF document for its participants (interim at
 *       TLP:AMBER before publication); anyone else gets the 404 of a missing case.
 * </ul>
 */
final class PublishedDocumentRoutes implements WebServer.RouteModule {
  static final String CSAF = "/.well-known/csaf";
  static final String CLEAR = CSAF + "/" + CaseDocuments.CLEAR;
  static final String FEED = "csaf-feed-tlp-clear.json";
  private static final String CSAF_SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public void register(JavalinConfig config, WebServer server) {
    server.get(config, CSAF + "/provider-metadata.json", Parameters.NONE, ctx -> providerMetadata(server, ctx));
    server.get(config, CSAF + "/service.json", Parameters.NONE, ctx -> service(server, ctx));
    server.get(config, CSAF + "/openpgp/{key}", Parameters.NONE, ctx -> publicKey(server, ctx));
    server.get(config, CLEAR, Parameters.NONE, ctx -> listing(server, ctx, null));
    server.get(config, CLEAR + "/{file}", Parameters.NONE, ctx -> clearFile(server, ctx));
    server.get(config, CLEAR + "/{year}/{file}", Parameters.NONE, ctx -> csafFile(server, ctx));
    server.get(config, "/osv/{file}", Parameters.NONE, ctx -> osvFile(server, ctx));
    server.get(config, "/vex/{case}/{file}", Parameters.NONE, ctx -> vexFile(server, ctx));
    server.get(config, WebServer.API + "/cases/{id}/csaf", Parameters.NONE, ctx -> ctx.contentType("application/json")
        .result(server.accord().documents().csaf(WebServer.principal(ctx), ctx.pathParam("id"))));
  }

  private static String base(WebServer server, Context ctx) {
    return PageRoutes.ownOrigin(server, ctx);
  }

  private static CsafKey key(WebServer server) {
    return CsafKey.current(server.accord().config().dataDir(), server.accord().clock());
  }

  private static void providerMetadata(WebServer server, Context ctx) {
    String base = base(server, ctx);
    List<Entry> entries = server.accord().documents().documents(AdvisoryFormat.CSAF);
    ObjectNode root = NODES.objectNode();
    root.put("canonical_url", base + CSAF + "/provider-metadata.json");
    ArrayNode distributions = root.putArray("distributions");
    distributions.addObject().put("directory_url", base + CLEAR + "/");
    distributions.addObject().putObject("rolie").putArray("feeds").addObject()
        .put("summary", "All TLP:CLEAR advisories of this Accord instance (CSAF 2.0 label WHITE).")
        .put("tlp_label", "WHITE").put("url", base + CLEAR + "/" + FEED);
    root.put("last_updated", (entries.isEmpty() ? Instant.ofEpochMilli(0) : entries.get(0).released()).toString());
    root.put("list_on_CSAF_aggregators", true);
    root.put("metadata_version", "2.0");
    root.put("mirror_on_CSAF_aggregators", true);
    CsafKey key = key(server);
    root.putArray("public_openpgp_keys").addObject().put("fingerprint", key.fingerprint())
        .put("url", base + CSAF + "/openpgp/" + key.fingerprint() + ".asc");
    root.putObject("publisher").put("category", "coordinator").put("name", "Accord")
        .put("namespace", server.accord().documents().namespace());
    root.put("role", "csaf_trusted_provider");
    ctx.json(root);
  }

  private static void service(WebServer server, Context ctx) {
    ObjectNode root = NODES.objectNode();
    ObjectNode workspace = root.putObject("service").putArray("workspace").addObject();
    workspace.put("title", "Accord CSAF feeds");
    ObjectNode collection = workspace.putArray("collection").addObject();
    collection.put("title", "TLP:CLEAR advisories");
    collection.put("href", base(server, ctx) + CLEAR + "/" + FEED);
    collection.putArray("categories").addObject().putArray("category").addObject()
        .put("scheme", "urn:ietf:params:rolie:category:information-type").put("term", "csaf");
    ctx.json(root);
  }

  private static void publicKey(WebServer server, Context ctx) {
    CsafKey key = key(server);
    if (!ctx.pathParam("key").equals(key.fingerprint() + ".asc")) {
      throw missing(ctx);
    }
    ctx.contentType("application/pgp-keys").result(key.publicKeyArmored());
  }

  /** The feed, index.txt, changes.csv, or the listing of a year. */
  private static void clearFile(WebServer server, Context ctx) {
    String file = ctx.pathParam("file");
    List<Entry> entries = server.accord().documents().documents(AdvisoryFormat.CSAF);
    switch (file) {
      case FEED -> ctx.json(feed(base(server, ctx), entries));
      case "index.txt" -> {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(relative(e)).append('\n'));
        ctx.contentType("text/plain; charset=utf-8").result(text.toString());
      }
      case "changes.csv" -> {
        // §7.1.13: "path","time of the last change", newest first; documents are never changed after release
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append('"').append(relative(e)).append("\",\"").append(e.released()).append("\"\n"));
        ctx.contentType("text/csv; charset=utf-8").result(text.toString());
      }
      default -> {
        if (!file.matches("\\d{4}")) {
          throw missing(ctx);
        }
        listing(server, ctx, file);
      }
    }
  }

  private static ObjectNode feed(String base, List<Entry> entries) {
    ObjectNode root = NODES.objectNode();
    ObjectNode feed = root.putObject("feed");
    feed.put("id", "accord-csaf-feed-tlp-clear");
    feed.put("title", "Accord CSAF feed (TLP:CLEAR)");
    feed.putArray("link").addObject().put("rel", "self").put("href", base + CLEAR + "/" + FEED);
    feed.putArray("category").addObject().put("scheme", "urn:ietf:params:rolie:category:information-type").put("term", "csaf");
    feed.put("updated", (entries.isEmpty() ? Instant.ofEpochMilli(0) : entries.get(0).released()).toString());
    ArrayNode list = feed.putArray("entry");
    for (Entry e : entries) {
      String url = base + CLEAR + "/" + relative(e);
      ObjectNode entry = list.addObject();
      entry.put("id", e.docId());
      entry.put("title", e.docId() + ": " + e.title());
      ArrayNode links = entry.putArray("link");
      links.addObject().put("rel", "self").put("href", url);
      links.addObject().put("rel", "hash").put("href", url + ".sha256");
      links.addObject().put("rel", "hash").put("href", url + ".sha512");
      links.addObject().put("rel", "signature").put("href", url + ".asc");
      entry.put("published", e.released().toString());
      entry.put("updated", e.released().toString());
      entry.putObject("content").put("type", "application/json").put("src", url);
      entry.putObject("format").put("schema", CSAF_SCHEMA).put("version", "2.0");
    }
    return root;
  }

  /** A simple HTML listing of the TLP:CLEAR folder or one year (requirement 14). */
  private static void listing(WebServer server, Context ctx, String year) {
    List<Entry> entries = server.accord().documents().documents(AdvisoryFormat.CSAF);
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Entry e : entries) {
      String relative = relative(e);
      if (year == null) {
        names.add(relative.substring(0, relative.indexOf('/') + 1));
      } else if (relative.startsWith(year + "/")) {
        String file = relative.substring(year.length() + 1);
        for (String suffix : List.of("", ".sha256", ".sha512", ".asc")) {
          names.add(file + suffix);
        }
      }
    }
    if (year == null) {
      names.addAll(List.of(FEED, "index.txt", "changes.csv"));
    } else if (names.isEmpty()) {
      throw missing(ctx);
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Index</title></head><body><ul>\n");
    for (String name : names) {
      String escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
      html.append("<li><a href=\"").append(escaped).append("\">").append(escaped).append("</a></li>\n");
    }
    ctx.contentType("text/html; charset=utf-8").result(html.append("</ul></body></html>\n").toString());
  }

  /** A document, its hashes or its signature. */
  private static void csafFile(WebServer server, Context ctx) {
    String file = ctx.pathParam("file");
    String suffix = file.endsWith(".sha256") ? ".sha256" : file.endsWith(".sha512") ? ".sha512" : file.endsWith(".asc") ? ".asc" : "";
    String name = file.substring(0, file.length() - suffix.length());
    String path = CaseDocuments.CLEAR + "/" + ctx.pathParam("year") + "/" + name;
    Optional<Entry> entry = server.accord().documents().documents(AdvisoryFormat.CSAF).stream().filter(e -> e.path().equals(path)).findFirst();
    if (entry.isEmpty() || !name.endsWith(".json")) {
      throw missing(ctx);
    }
    switch (suffix) {
      // sha256sum's format: the hash first, then two spaces and the file name (§7.1.18)
      case ".sha256" -> ctx.contentType("text/plain; charset=utf-8").result(entry.get().sha256() + "  " + name + "\n");
      case ".sha512" -> ctx.contentType("text/plain; charset=utf-8").result(entry.get().sha512() + "  " + name + "\n");
      default -> {
        byte[] content = server.accord().documents().content(AdvisoryFormat.CSAF, path).orElseThrow(() -> missing(ctx))
            .getBytes(StandardCharsets.UTF_8);
        if (suffix.equals(".asc")) {
          ctx.contentType("application/pgp-signature").result(key(server).sign(content, entry.get().released()));
        } else {
          ctx.contentType("application/json").result(content);
        }
      }
    }
  }

  private static void osvFile(WebServer server, Context ctx) throws IOException {
    String file = ctx.pathParam("file");
    CaseDocuments documents = server.accord().documents();
    List<Entry> entries = documents.documents(AdvisoryFormat.OSV);
    switch (file) {
      case "modified_id.csv" -> {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.released()).append(',').append(e.docId()).append('\n'));
        ctx.contentType("text/csv; charset=utf-8").result(text.toString());
      }
      case "all.zip" -> {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
          for (Entry e : entries) {
            ZipEntry zipEntry = new ZipEntry(e.path());
            zipEntry.setTime(e.released().toEpochMilli());
            zip.putNextEntry(zipEntry);
            zip.write(documents.content(AdvisoryFormat.OSV, e.path()).orElseThrow().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
          }
        }
        ctx.contentType("application/zip").result(bytes.toByteArray());
      }
      default -> ctx.contentType("application/json")
          .result(documents.content(AdvisoryFormat.OSV, file).orElseThrow(() -> missing(ctx)));
    }
  }

  private static void vexFile(WebServer server, Context ctx) {
    String file = ctx.pathParam("file");
    AdvisoryFormat format = file.endsWith(".openvex.json") ? AdvisoryFormat.OPENVEX
        : file.endsWith(".cdx.json") ? AdvisoryFormat.CYCLONEDX_VEX : null;
    if (format == null) {
      throw missing(ctx);
    }
    ctx.contentType("application/json").result(server.accord().documents()
        .content(format, ctx.pathParam("case") + "/" + file).orElseThrow(() -> missing(ctx)));
  }

  /** A CSAF document's path under the TLP:CLEAR folder, such as {@code 2026/acc-2026-0001.json}. */
  private static String relative(Entry e) {
    return e.path().substring(CaseDocuments.CLEAR.length() + 1);
  }

  private static NotFoundException missing(Context ctx) {
    return new NotFoundException("no such document: " + ctx.path());
  }
}
