package org.accord.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.accord.NotFoundException;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.CaseAdvisory;
import org.accord.advisory.CaseAdvisoryWriter;
import org.accord.disclosure.CaseDocumentRules;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.Tlp;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.CaseItems;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.ParticipantRow;
import org.accord.store.Database;
import org.accord.store.Organizations;
import org.accord.store.PublishedDocuments;
import org.jdbi.v3.core.Handle;

/**
 * The documents a case publishes (ADR 0121): written once, in the transaction that marks the case
 * published ({@link #write}, called by {@link CasePublication}), and read by the CSAF provider, the OSV
 * directory and the VEX routes (ADR 0122); and the interim CSAF document its participants read before
 * ({@link #csaf}). What goes in is decided by {@link CaseDocumentRules}; the documents are written by
 * {@link CaseAdvisoryWriter}. Thread-safe.
 */
public final class CaseDocuments {
  /** The CSAF documents' TLP folder: the provider serves TLP:CLEAR only. */
  public static final String CLEAR = "clear";

  private final Database database;
  private final Cases cases;
  private final String namespace;
  private final String toolVersion;

  CaseDocuments(Database database, Cases cases, String namespace) {
    this.database = Objects.requireNonNull(database, "database");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    String version = CaseDocuments.class.getPackage().getImplementationVersion();
    this.toolVersion = version == null ? "development" : version;
  }

  /** The publisher namespace the documents name: {@code ACCORD_PUBLIC_URL} when set, else {@link Advisories#DEFAULT_NAMESPACE}. */
  static String namespaceFromEnvironment() {
    String url = System.getenv("ACCORD_PUBLIC_URL");
    return url == null || !url.strip().matches("https?://\\S+") ? Advisories.DEFAULT_NAMESPACE : url.strip().replaceAll("/+$", "");
  }

  /**
   * Writes and stores the case's documents at publication, in the caller's transaction: the final CSAF
   * advisory and one OpenVEX and one CycloneDX document per nameable participant with statuses (when the case
   * names any product), and the OSV record. Items withheld from publication (TLP:RED, TLP:AMBER+STRICT)
   * are left out.
   *
   * @return the stored documents' kinds and paths
   */
  public List<PublishedDocuments.Entry> write(Handle handle, CaseRow row, long now) {
    Instant released = Instant.ofEpochMilli(now);
    CaseAdvisory advisory = advisory(handle, row, released, marking -> CaseDocumentRules.published(marking.tlp()));
    if (CaseAdvisoryWriter.hasProducts(advisory)) {
      String path = CLEAR + "/" + released.atZone(ZoneOffset.UTC).getYear() + "/" + CaseAdvisoryWriter.csafFileName(advisory.caseId());
      store(handle, row, AdvisoryFormat.CSAF, path, advisory.caseId(), CaseAdvisoryWriter.csaf(advisory, CaseAdvisoryWriter.Stage.FINAL), now);
      // A VEX document is its author's, by name: only a participant that may be named gets one (its statuses
      // still count in the CSAF document, by party only).
      List<String> vendors = advisory.statuses().stream().filter(CaseAdvisory.Status::named)
          .map(CaseAdvisory.Status::organization).distinct().toList();
      java.util.Set<String> slugs = new java.util.HashSet<>();
      for (String vendor : vendors) {
        String slug = slug(vendor);
        for (int n = 2; !slugs.add(slug); n++) {
          slug = slug(vendor) + "-" + n; // two names with one slug ("Libra Inc", "libra-inc") get two files
        }
        String base = advisory.caseId() + "/" + slug;
        store(handle, row, AdvisoryFormat.OPENVEX, base + ".openvex.json", vendor,
            CaseAdvisoryWriter.vex(advisory, vendor, AdvisoryFormat.OPENVEX), now);
        store(handle, row, AdvisoryFormat.CYCLONEDX_VEX, base + ".cdx.json", vendor,
            CaseAdvisoryWriter.vex(advisory, vendor, AdvisoryFormat.CYCLONEDX_VEX), now);
      }
    }
    String osvId = CaseAdvisoryWriter.osvId(advisory.caseId());
    store(handle, row, AdvisoryFormat.OSV, osvId + ".json", osvId, CaseAdvisoryWriter.osv(advisory), now);
    return PublishedDocuments.ofCase(handle, row.pk());
  }

  /**
   * The case's CSAF document for a participant: the final one once the case is published, before that
   * the interim one at TLP:AMBER for the case's sharing group, with the items this participant may see.
   *
   * @throws NotFoundException for anyone who does not take part in the case, exactly as for a missing
   *     case; and for a case that names no product yet
   */
  public String csaf(Principal viewer, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    return database.jdbi().withHandle(handle -> {
      Cases.View view = cases.load(handle, viewer, caseId);
      if (!Cases.takesPart(view, viewer)) {
        throw new NotFoundException("no case " + caseId);
      }
      for (PublishedDocuments.Entry entry : PublishedDocuments.ofCase(handle, view.row().pk())) {
        if (entry.kind().equals(AdvisoryFormat.CSAF.label())) {
          return PublishedDocuments.content(handle, entry.kind(), entry.path()).orElseThrow();
        }
      }
      Tlp.Viewer who = Tlp.Viewer.of(viewer.organization().id(), viewer.member() == null ? null : viewer.member().id(), true,
          viewer.isCoordinator());
      CaseAdvisory advisory = advisory(handle, view.row(), Instant.ofEpochMilli(view.row().updated().toEpochMilli()),
          marking -> marking.allows(who, false));
      if (!CaseAdvisoryWriter.hasProducts(advisory)) {
        throw new NotFoundException(caseId + " names no affected package and no status yet, so it has no CSAF document");
      }
      return CaseAdvisoryWriter.csaf(advisory, CaseAdvisoryWriter.Stage.INTERIM);
    });
  }

  /** The publisher namespace the documents name. */
  public String namespace() {
    return namespace;
  }

  /** The published documents of one format, newest release first. */
  public List<PublishedDocuments.Entry> documents(AdvisoryFormat format) {
    return database.jdbi().withHandle(handle -> PublishedDocuments.list(handle, format.label()));
  }

  /** The content of a published document, by format and path; empty when there is none. */
  public Optional<String> content(AdvisoryFormat format, String path) {
    return database.jdbi().withHandle(handle -> PublishedDocuments.content(handle, format.label(), path));
  }

  private CaseAdvisory advisory(Handle handle, CaseRow row, Instant released, Predicate<Tlp.Marking> included) {
    Map<Long, ParticipantRow> participants = new LinkedHashMap<>();
    org.accord.store.Cases.participants(handle, row.pk()).forEach(p -> participants.put(p.participant().organization(), p));
    Map<Long, Organization> organizations = new LinkedHashMap<>();
    participants.keySet().forEach(org -> organizations.put(org, Organizations.byId(handle, org)));

    List<CaseAdvisory.Vulnerability> vulnerabilities = new ArrayList<>();
    for (CaseItems.VulnerabilityRow v : CaseItems.vulnerabilities(handle, row.pk())) {
      if (included.test(v.marking())) {
        vulnerabilities.add(new CaseAdvisory.Vulnerability(v.alias(), v.affected(), v.cvss()));
      }
    }
    List<CaseAdvisory.Status> statuses = new ArrayList<>();
    for (CaseItems.StatusRow s : CaseItems.statuses(handle, row.pk())) {
      if (!included.test(s.marking())) {
        continue;
      }
      Organization org = organizations.computeIfAbsent(s.organization(), o -> Organizations.byId(handle, o));
      ParticipantRow p = participants.get(s.organization());
      CaseAdvisory.Party party = CaseDocumentRules.party(org.kind(), p == null ? java.util.Set.of() : p.participant().roles());
      statuses.add(new CaseAdvisory.Status(s.organizationName(), CaseDocumentRules.named(org.kind()), party, s.product(),
          Cases.check(s.vexStatus().orElse(null), s.justification().orElse(null)).vex(), s.involvement(), s.updated()));
    }
    List<CaseAdvisory.Credit> credits = new ArrayList<>();
    participants.forEach((org, p) -> {
      Organization organization = organizations.get(org);
      if (CaseDocumentRules.named(organization.kind())) {
        credits.add(new CaseAdvisory.Credit(organization.name(),
            CaseDocumentRules.summary(CaseDocumentRules.party(organization.kind(), p.participant().roles()))));
      }
    });
    UUID sharingGroup = PublishedDocuments.sharingGroup(handle, row.pk());
    return new CaseAdvisory(row.id().toString(), sharingGroup, row.title(), "Accord", namespace, toolVersion, released,
        vulnerabilities, statuses, credits);
  }

  private static void store(Handle handle, CaseRow row, AdvisoryFormat format, String path, String docId, String content, long now) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    PublishedDocuments.insert(handle, row.pk(), format.label(), path, docId, row.title(), content, digest("SHA-256", bytes),
        digest("SHA-512", bytes), now);
  }

  /** A file-name-safe form of an organization's name: lower case letters, digits and dashes. */
  static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "organization" : slug;
  }

  /** The hex digest of bytes. */
  public static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
