package org.accord.testing;

/** Small, hand-written documents for tests that need a known graph rather than a conformance file. */
public final class Documents {
  private Documents() {}

  /**
   * A CycloneDX 1.6 JSON SBOM: {@code product -> adapter@1.0 -> libracore@libraVersion}, plus
   * {@code product -> util@3.1}.
   */
  public static String cycloneDx(String product, String libraVersion) {
    return """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "version": 1,
          "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "%1$s", "version": "1.0",
                                     "purl": "pkg:generic/acme/%1$s@1.0"}},
          "components": [
            {"type": "library", "bom-ref": "adapter", "name": "adapter", "version": "1.0", "purl": "pkg:maven/org.acme/adapter@1.0"},
            {"type": "library", "bom-ref": "libra", "name": "libracore", "version": "%2$s", "purl": "pkg:maven/org.libra/libracore@%2$s"},
            {"type": "library", "bom-ref": "util", "name": "util", "version": "3.1", "purl": "pkg:npm/util@3.1.0"}
          ],
          "dependencies": [
            {"ref": "root", "dependsOn": ["adapter", "util"]},
            {"ref": "adapter", "dependsOn": ["libra"]}
          ]
        }
        """.formatted(product, libraVersion);
  }

  /**
   * An OSV advisory {@code id} with the CVE alias {@code cve}: libracore [2.0, 2.3.4) is affected, with
   * a network-exploitable CVSS 3.1 vector.
   */
  public static String osv(String id, String cve) {
    return """
        {"schema_version": "1.6.0", "id": "%s", "modified": "2025-08-01T00:00:00Z", "aliases": ["%s"],
         "summary": "LibraCore deserialization",
         "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
         "affected": [{"package": {"ecosystem": "Maven", "name": "org.libra:libracore"},
           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0"}, {"fixed": "2.3.4"}]}]}]}
        """.formatted(id, cve);
  }

  /** A CISA KEV catalog JSON of version {@code version} (released that day, {@code YYYY.MM.DD}) listing {@code cves}. */
  public static String kev(String version, String... cves) {
    StringBuilder entries = new StringBuilder();
    for (String cve : cves) {
      entries.append(entries.length() == 0 ? "" : ",\n").append("""
          {"cveID": "%s", "vendorProject": "V", "product": "P", "vulnerabilityName": "N", "dateAdded": "2025-01-01",
           "shortDescription": "d", "requiredAction": "a", "dueDate": "2025-01-22"}""".formatted(cve));
    }
    return """
        {"title": "t", "catalogVersion": "%s", "dateReleased": "%sT10:00:00.000Z", "count": %d,
         "vulnerabilities": [%s]}
        """.formatted(version, version.replace('.', '-'), cves.length, entries);
  }

  /** An inventory CSV deploying {@code pkg:generic/acme/<product>@1.0} at three operators' sites. */
  public static String inventory(String product) {
    return """
        operator,site,sector,country,criticality,product
        GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/%1$s@1.0
        GridCo,Hamburg South,energy,DE,essential,pkg:generic/acme/%1$s@1.0
        AquaNet,Lyon Plant,water,FR,important,pkg:generic/acme/%1$s@1.0
        """.formatted(product);
  }

  /** The operators {@link #inventory(String)} names, in order. */
  public static final java.util.List<String> INVENTORY_OPERATORS = java.util.List.of("GridCo", "AquaNet");

  /** The rows of {@link #inventory(String)} that {@code operator} runs, with the header. */
  public static String inventory(String product, String operator) {
    StringBuilder rows = new StringBuilder();
    for (String line : inventory(product).split("\n")) {
      if (line.startsWith("operator,") || line.startsWith(operator + ",")) {
        rows.append(line).append('\n');
      }
    }
    return rows.toString();
  }

  /**
   * The command lines that load {@link #inventory(String)} through the CLI as its operators would: each
   * operator created, then its own rows ingested by the coordinator acting for it ({@code --org}), since
   * a row's operator is always the uploading organization. The files are written to {@code dir}.
   */
  public static java.util.List<String[]> inventoryCommands(java.nio.file.Path dir, String product) throws java.io.IOException {
    java.util.List<String[]> commands = new java.util.ArrayList<>();
    for (String operator : INVENTORY_OPERATORS) {
      java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("sites-" + operator + ".csv"), inventory(product, operator));
      commands.add(new String[] {"org", "create", operator, "--kind", "operator"});
      commands.add(new String[] {"ingest", "inventory", "--org", operator, file.toString()});
    }
    return commands;
  }
}
