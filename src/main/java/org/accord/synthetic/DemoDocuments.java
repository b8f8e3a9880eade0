package org.accord.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.accord.identity.VersionRange;
import org.accord.triage.Cvss;
import org.accord.triage.CvssScore;
import org.accord.triage.Provenance;

/**
 * The advisory, VEX and exploitation-evidence documents of the LibraCore demo world, in the formats
 * real parties publish, so that the demo loads them through the ordinary import paths:
 *
 * <ul>
 *   <li>{@link #osv()}: the LibraCore maintainers' OSV advisory {@value #OSV_ID} (Maven {@code
 *       org.libra:libracore}, ECOSYSTEM range introduced {@value #INTRODUCED}, fixed {@value #FIXED}),
 *       alias {@value #CVE}, with a CVSS 3.1 vector and references;
 *   <li>{@link #csaf()}: the same vulnerability as a CSAF 2.0 {@code csaf_security_advisory} {@value
 *       #CSAF_ID} published by the coordinator {@value #COORDINATOR}: every LibraCore version from
 *       {@value #INTRODUCED} on is a product with a PURL helper, the versions below {@value #FIXED}
 *       {@code known_affected}, the others {@code fixed}, with a vendor-fix remediation; it passes the
 *       CSAF validator's basic level (schema and §6.1);
 *   <li>{@link #openVex()}: one OpenVEX 0.2.0 statement by the supplier of {@link #vexProduct()} that
 *       this product is {@code not_affected} ({@code vulnerable_code_not_in_execute_path}), narrowed to
 *       the affected LibraCore versions it ships;
 *   <li>{@link #kev()}: a CISA KEV catalog (JSON) that lists only {@value #CVE};
 *   <li>{@link #epss()}: a FIRST EPSS score file (CSV) that scores {@value #CVE} and a few other
 *       fictional CVEs.
 * </ul>
 *
 * <p>Every id here is fictional: {@value #CVE} was not assigned to LibraCore (LibraCore itself is
 * invented), and {@value #OSV_ID} uses letters the GitHub advisory alphabet excludes, so it cannot be a
 * real GHSA id. The dates are fixed (November 2026, the month of the demo world's seed), not taken from
 * a clock, so the same world always gives the same bytes and loading the demo again imports nothing
 * new: each import is a duplicate.
 *
 * <p>Immutable and thread-safe; no accessor returns null.
 */
public final class DemoDocuments {
  /** The LibraCore vulnerability's CVE id. Fictional: no CNA assigned it to LibraCore, which is invented. */
  public static final String CVE = "CVE-2026-40001";
  /** The maintainers' OSV advisory id. Fictional: 'd', 'e', 'o', 'l', 'b', 'a', '0', '1' are not GHSA letters. */
  public static final String OSV_ID = "GHSA-demo-lbra-0001";
  /** The coordinator's CSAF advisory id (its {@code document.tracking.id}). Fictional. */
  public static final String CSAF_ID = "ADC-2026-0001";
  /** The organization that imports the OSV advisory: LibraCore's maintainers. */
  public static final String MAINTAINERS = "LibraCore Project";
  /** The coordinator that publishes and imports the CSAF advisory; the demo's coordinator token is theirs. */
  public static final String COORDINATOR = "Accord Demo CERT";
  /**
   * The demo's national CERT of a country, such as {@code CERT-DE (demo)}: the demo creates one for each
   * country its deployments run in, so participant suggestions find the CERTs involved (ADR 0105).
   */
  public static String nationalCert(String country) {
    return "CERT-" + country + " (demo)";
  }

  /** The first affected LibraCore version. */
  public static final String INTRODUCED = "2.0.0";
  /** The first fixed LibraCore version. */
  public static final String FIXED = "2.3.4";
  /** The VEX justification the supplier gives. */
  public static final String JUSTIFICATION = "vulnerable_code_not_in_execute_path";

  static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  private static final String CWE = "CWE-502";
  private static final String CWE_NAME = "Deserialization of Untrusted Data";
  private static final String TITLE = "LibraCore: remote code execution through deserialization of untrusted messages";
  private static final String DESCRIPTION =
      "LibraCore " + INTRODUCED + " up to but excluding " + FIXED + " deserializes the payload of incoming wire messages "
          + "without restricting the classes it instantiates. A remote, unauthenticated attacker who can send a "
          + "message to an application that uses LibraCore's message codec can run code with the application's "
          + "privileges.";
  private static final String FIX = "Update LibraCore to " + FIXED + " or later.";
  private static final String NAMESPACE = "https://demo.accord.invalid";
  private static final String MAINTAINER_URL = NAMESPACE + "/libracore/security/" + OSV_ID;
  private static final String CSAF_URL = NAMESPACE + "/cert/csaf/2026/" + CSAF_ID.toLowerCase(Locale.ROOT) + ".json";
  private static final String OSV_PUBLISHED = "2026-11-16T09:00:00Z";
  private static final String CSAF_RELEASED = "2026-11-17T12:00:00.000Z";
  private static final String VEX_TIMESTAMP = "2026-11-18T08:30:00Z";
  private static final String KEV_ADDED = "2026-11-20";
  private static final String KEV_RELEASED = "2026-11-20T17:00:00.000Z";
  private static final String KEV_DUE = "2026-12-11";
  private static final String EPSS_MODEL = "v2025.03.14";
  private static final String EPSS_DATE = "2026-11-21T12:55:00Z";

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  /** CSAF recommends sorted keys (§6.2.13); the other formats read better in their usual order. */
  private static final ObjectMapper SORTED =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private final SyntheticWorld.Product vexProduct;
  private final List<String> vexComponents;
  private final String osv;
  private final String csaf;
  private final String openVex;
  private final String kev;
  private final String epss;

  private DemoDocuments(SyntheticWorld world) {
    List<String> versions = libraCoreVersions(world);
    VersionRange affected = VersionRange.parseVers("vers:maven/>=" + INTRODUCED + "|<" + FIXED);
    VersionRange fixed = VersionRange.parseVers("vers:maven/>=" + FIXED);
    List<String> affectedVersions = versions.stream().filter(affected::contains).toList();
    List<String> fixedVersions = versions.stream().filter(fixed::contains).toList();
    int chosen = vexProductIndex(world, affected);
    this.vexProduct = world.products().get(chosen);
    this.vexComponents = affectedComponents(world, vexProduct, affected);
    this.osv = write(JSON, osvDocument());
    this.csaf = write(SORTED, csafDocument(affectedVersions, fixedVersions));
    this.openVex = write(JSON, openVexDocument());
    this.kev = write(JSON, kevDocument());
    this.epss = epssDocument();
  }

  /**
   * The documents of a world that holds LibraCore. Deterministic: the same world gives the same
   * documents, byte for byte.
   *
   * @throws IllegalArgumentException if the world was generated without LibraCore ({@link
   *     SyntheticWorld.Spec#libraCore()}), or no product of it ships an affected LibraCore version
   */
  public static DemoDocuments of(SyntheticWorld world) {
    Objects.requireNonNull(world, "world");
    if (!world.spec().libraCore()) {
      throw new IllegalArgumentException("the demo documents need a world with LibraCore");
    }
    return new DemoDocuments(world);
  }

  /** The OSV 1.6 advisory {@value #OSV_ID}, JSON; import it as {@link #MAINTAINERS}. */
  public String osv() {
    return osv;
  }

  /** The CSAF 2.0 security advisory {@value #CSAF_ID}, JSON; import it as {@link #COORDINATOR}, a coordinator. */
  public String csaf() {
    return csaf;
  }

  /** The OpenVEX 0.2.0 document; import it as {@link #vexProduct()}'s vendor, which holds an approved claim on the product, so that it counts. */
  public String openVex() {
    return openVex;
  }

  /** The CISA KEV catalog (JSON) listing {@value #CVE} only. */
  public String kev() {
    return kev;
  }

  /** The FIRST EPSS scores (CSV): the comment line, the header, then one row per CVE. */
  public String epss() {
    return epss;
  }

  /** The KEV catalog's version and release time, as {@link #kev()} states them. */
  public Provenance kevProvenance() {
    return new Provenance(Provenance.KEV, KEV_ADDED.replace('-', '.'), Instant.parse(KEV_RELEASED));
  }

  /** The EPSS file's model version and score date, as {@link #epss()} states them. */
  public Provenance epssProvenance() {
    return new Provenance(Provenance.EPSS, EPSS_MODEL, Instant.parse(EPSS_DATE));
  }

  /**
   * The product the VEX statement is about: of the products that ship an affected LibraCore version
   * (or a fork of one), the one with the most deployments (the first such in the world's order on a
   * tie).
   */
  public SyntheticWorld.Product vexProduct() {
    return vexProduct;
  }

  /**
   * The affected LibraCore versions (PURLs) {@link #vexProduct()} ships, sorted, including the origins of
   * forks it ships; the statement's subcomponents.
   */
  public List<String> vexComponents() {
    return vexComponents;
  }

  // ---- the world ----

  private static List<String> libraCoreVersions(SyntheticWorld world) {
    for (SyntheticWorld.Package pkg : world.packages()) {
      if (pkg.key().equals(SyntheticWorld.LIBRACORE)) {
        return pkg.versions();
      }
    }
    throw new IllegalArgumentException("the world has no " + SyntheticWorld.LIBRACORE);
  }

  private static List<String> affectedComponents(SyntheticWorld world, SyntheticWorld.Product product, VersionRange affected) {
    // A fork's origin counts: the SBOM names it as the fork's pedigree ancestor, and Accord follows that edge.
    Set<String> components = new TreeSet<>();
    for (int version : world.closureOf(product)) {
      for (int candidate : new int[] {version, world.forkOf(version)}) {
        if (candidate >= 0
            && world.packageOf(candidate).key().equals(SyntheticWorld.LIBRACORE)
            && affected.contains(world.versionString(candidate))) {
          components.add(world.versionPurl(candidate));
        }
      }
    }
    return List.copyOf(components);
  }

  private static int vexProductIndex(SyntheticWorld world, VersionRange affected) {
    int[] deployments = new int[world.products().size()];
    for (SyntheticWorld.Site site : world.sites()) {
      deployments[site.product()]++;
    }
    int best = -1;
    for (int p = 0; p < world.products().size(); p++) {
      if ((best < 0 || deployments[p] > deployments[best])
          && !affectedComponents(world, world.products().get(p), affected).isEmpty()) {
        best = p;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("no product of the world ships an affected LibraCore version");
    }
    return best;
  }

  // ---- documents ----

  private static ObjectNode osvDocument() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", "1.6.0");
    root.put("id", OSV_ID);
    root.put("modified", OSV_PUBLISHED);
    root.put("published", OSV_PUBLISHED);
    root.putArray("aliases").add(CVE);
    root.put("summary", TITLE);
    root.put("details", DESCRIPTION);
    root.putArray("severity").addObject().put("type", "CVSS_V3").put("score", VECTOR);
    ObjectNode affected = root.putArray("affected").addObject();
    affected.putObject("package").put("ecosystem", "Maven").put("name", "org.libra:libracore").put("purl", SyntheticWorld.LIBRACORE);
    ObjectNode range = affected.putArray("ranges").addObject();
    range.put("type", "ECOSYSTEM");
    ArrayNode events = range.putArray("events");
    events.addObject().put("introduced", INTRODUCED);
    events.addObject().put("fixed", FIXED);
    affected.putObject("database_specific").putArray("cwe_ids").add(CWE);
    ArrayNode references = root.putArray("references");
    references.addObject().put("type", "ADVISORY").put("url", MAINTAINER_URL);
    references.addObject().put("type", "ADVISORY").put("url", CSAF_URL);
    references.addObject().put("type", "FIX").put("url", NAMESPACE + "/libracore/releases/" + FIXED);
    references.addObject().put("type", "PACKAGE").put("url", NAMESPACE + "/maven/org/libra/libracore/");
    root.putObject("database_specific").put("fictional", "Accord demo world: this advisory, its CVE and LibraCore are invented");
    return root;
  }

  private static ObjectNode csafDocument(List<String> affectedVersions, List<String> fixedVersions) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode document = root.putObject("document");
    document.put("category", "csaf_security_advisory");
    document.put("csaf_version", "2.0");
    document.put("lang", "en");
    document.putObject("distribution").putObject("tlp").put("label", "WHITE").put("url", "https://www.first.org/tlp/");
    ObjectNode publisher = document.putObject("publisher");
    publisher.put("category", "coordinator");
    publisher.put("name", COORDINATOR);
    publisher.put("namespace", NAMESPACE + "/cert");
    publisher.put("contact_details", "cert@demo.accord.invalid");
    document.put("title", TITLE);
    ArrayNode notes = document.putArray("notes");
    notes.addObject().put("category", "summary").put("title", "Summary").put("text", DESCRIPTION);
    notes.addObject().put("category", "legal_disclaimer").put("title", "Fictional")
        .put("text", "This advisory belongs to the Accord demo world: LibraCore, " + CVE + " and every product named here are invented.");
    ArrayNode references = document.putArray("references");
    references.addObject().put("category", "self").put("summary", "This advisory").put("url", CSAF_URL);
    references.addObject().put("category", "external").put("summary", "LibraCore maintainers' advisory " + OSV_ID).put("url", MAINTAINER_URL);
    ObjectNode tracking = document.putObject("tracking");
    tracking.put("id", CSAF_ID);
    tracking.put("status", "final");
    tracking.put("version", "1");
    tracking.put("initial_release_date", CSAF_RELEASED);
    tracking.put("current_release_date", CSAF_RELEASED);
    tracking.putArray("revision_history").addObject().put("date", CSAF_RELEASED).put("number", "1").put("summary", "Initial release.");
    tracking.putObject("generator").putObject("engine").put("name", "Accord demo world");

    ObjectNode tree = root.putObject("product_tree");
    ObjectNode vendor = tree.putArray("branches").addObject().put("category", "vendor").put("name", MAINTAINERS);
    ObjectNode library = vendor.putArray("branches").addObject().put("category", "product_name").put("name", "LibraCore");
    ArrayNode versions = library.putArray("branches");
    List<String> all = new ArrayList<>(affectedVersions);
    all.addAll(fixedVersions);
    for (String version : all) {
      ObjectNode product = versions.addObject().put("category", "product_version").put("name", version).putObject("product");
      product.put("name", "LibraCore " + version);
      product.put("product_id", productId(version));
      product.putObject("product_identification_helper").put("purl", SyntheticWorld.LIBRACORE + "@" + version);
    }

    ObjectNode vulnerability = root.putArray("vulnerabilities").addObject();
    vulnerability.put("cve", CVE);
    vulnerability.putObject("cwe").put("id", CWE).put("name", CWE_NAME);
    vulnerability.putArray("notes").addObject().put("category", "description").put("title", "Description").put("text", DESCRIPTION);
    vulnerability.put("release_date", CSAF_RELEASED);
    ObjectNode status = vulnerability.putObject("product_status");
    ArrayNode knownAffected = status.putArray("known_affected");
    affectedVersions.forEach(version -> knownAffected.add(productId(version)));
    ArrayNode fixed = status.putArray("fixed");
    fixedVersions.forEach(version -> fixed.add(productId(version)));
    ObjectNode remediation = vulnerability.putArray("remediations").addObject();
    remediation.put("category", "vendor_fix");
    remediation.put("details", FIX);
    remediation.put("url", NAMESPACE + "/libracore/releases/" + FIXED);
    remediation.set("product_ids", knownAffected.deepCopy());
    ObjectNode score = vulnerability.putArray("scores").addObject();
    score.set("products", knownAffected.deepCopy());
    CvssScore cvss = Cvss.parse(VECTOR);
    score.putObject("cvss_v3")
        .put("version", cvss.version())
        .put("vectorString", VECTOR)
        .put("baseScore", cvss.score())
        .put("baseSeverity", cvss.severity().name());
    ArrayNode vulnerabilityReferences = vulnerability.putArray("references");
    vulnerabilityReferences.addObject().put("category", "external").put("summary", OSV_ID).put("url", MAINTAINER_URL);
    return root;
  }

  private static String productId(String version) {
    return "LIBRACORE-" + version;
  }

  private ObjectNode openVexDocument() {
    String vendor = vexProduct.vendor();
    ObjectNode root = JSON.createObjectNode();
    root.put("@context", "https://openvex.dev/ns/v0.2.0");
    root.put("@id", NAMESPACE + "/vex/" + slug(vendor) + "/" + CVE);
    root.put("author", vendor);
    root.put("role", "Supplier");
    root.put("timestamp", VEX_TIMESTAMP);
    root.put("version", 1);
    root.put("tooling", "Accord demo world (fictional)");
    ObjectNode statement = root.putArray("statements").addObject();
    statement.putObject("vulnerability").put("name", CVE).putArray("aliases").add(OSV_ID);
    ObjectNode product = statement.putArray("products").addObject();
    product.put("@id", vexProduct.purl());
    product.putObject("identifiers").put("purl", vexProduct.purl());
    ArrayNode subcomponents = product.putArray("subcomponents");
    for (String component : vexComponents) {
      subcomponents.addObject().put("@id", component).putObject("identifiers").put("purl", component);
    }
    statement.put("status", "not_affected");
    statement.put("justification", JUSTIFICATION);
    statement.put(
        "impact_statement",
        vexProduct.name() + " uses LibraCore's collections and configuration modules only; it never starts LibraCore's "
            + "message codec, so the vulnerable deserialization code is not reachable.");
    return root;
  }

  private ObjectNode kevDocument() {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", "CISA Catalog of Known Exploited Vulnerabilities (Accord demo world, fictional)");
    root.put("catalogVersion", kevProvenance().version());
    root.put("dateReleased", KEV_RELEASED);
    root.put("count", 1);
    ObjectNode entry = root.putArray("vulnerabilities").addObject();
    entry.put("cveID", CVE);
    entry.put("vendorProject", MAINTAINERS);
    entry.put("product", "LibraCore");
    entry.put("vulnerabilityName", "LibraCore Deserialization of Untrusted Data Vulnerability");
    entry.put("dateAdded", KEV_ADDED);
    entry.put("shortDescription", DESCRIPTION);
    entry.put(
        "requiredAction",
        "Apply mitigations per vendor instructions, follow applicable BOD 22-01 guidance for cloud services, or "
            + "discontinue use of the product if mitigations are unavailable.");
    entry.put("dueDate", KEV_DUE);
    entry.put("knownRansomwareCampaignUse", "Unknown");
    entry.put("notes", MAINTAINER_URL + " ; " + CSAF_URL);
    entry.putArray("cwes").add(CWE);
    return root;
  }

  private static String epssDocument() {
    StringBuilder csv = new StringBuilder();
    csv.append("#model_version:").append(EPSS_MODEL).append(",score_date:").append(EPSS_DATE).append('\n');
    csv.append("cve,epss,percentile\n");
    // Fictional like the LibraCore CVE; a spread of scores, as a real file has.
    csv.append(CVE).append(",0.94127,0.99911\n");
    csv.append("CVE-2026-40002,0.00043,0.11872\n");
    csv.append("CVE-2026-40003,0.00391,0.57310\n");
    csv.append("CVE-2026-40004,0.02218,0.84407\n");
    csv.append("CVE-2026-40005,0.17650,0.95862\n");
    return csv.toString();
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String write(ObjectMapper mapper, ObjectNode document) {
    try {
      return mapper.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a demo document: " + e.getMessage(), e);
    }
  }
}
