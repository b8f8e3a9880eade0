package org.accord.app;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small advisory and VEX documents about the LibraCore test graph of {@code org.accord.testing.Documents}. */
final class AdvisoryFixtures {
  private AdvisoryFixtures() {}

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A CycloneDX 1.6 SBOM: {@code pkg:generic/acme/<product>@1.0 -> pkg:maven/org.acme/adapter-<product>@1.0
   * -> pkg:maven/org.libra/libracore@<libraVersion>}, plus {@code util}. Each product has its own adapter,
   * so products share no path to libracore.
   */
  static String sbom(String product, String libraVersion) {
    return org.accord.testing.Documents.cycloneDx(product, libraVersion)
        .replace("\"name\": \"adapter\"", "\"name\": \"adapter-" + product + "\"")
        .replace("pkg:maven/org.acme/adapter@1.0", "pkg:maven/org.acme/adapter-" + product + "@1.0");
  }

  /** An OSV advisory: libracore [2.0, 2.3.4) is affected, with a CVSS 3.1 vector and a CVE alias. */
  static String libraAdvisory(String id, String cve) {
    return """
        {
          "schema_version": "1.6.0",
          "id": "%s",
          "modified": "2025-08-01T00:00:00Z",
          "published": "2025-07-30T00:00:00Z",
          "aliases": ["%s"],
          "summary": "LibraCore deserialization leads to remote code execution",
          "details": "Crafted messages reach a gadget chain.",
          "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
          "affected": [{
            "package": {"ecosystem": "Maven", "name": "org.libra:libracore"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0"}, {"fixed": "2.3.4"}]}]
          }],
          "references": [{"type": "ADVISORY", "url": "https://example.org/advisories/%s"}],
          "database_specific": {"kept": {"as": "is"}}
        }
        """.formatted(id, cve, id);
  }

  /** An OpenVEX 0.2.0 document with one statement about one product. */
  static String openVex(String cve, String product, String status, String extra, String timestamp) {
    return """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://example.org/vex/%s",
          "author": "Acme PSIRT",
          "timestamp": "%s",
          "version": 1,
          "statements": [{
            "vulnerability": {"name": "%s"},
            "products": [{"@id": "%s"}],
            "status": "%s"%s
          }]
        }
        """.formatted(Integer.toHexString((product + status + timestamp).hashCode()), timestamp, cve, product, status, extra);
  }

  /** A CycloneDX 1.6 VEX for one product BOM: its libracore component is exploitable. */
  static String cycloneDxVex(String cve, String product, String libraVersion) {
    return """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "version": 1,
          "metadata": {"timestamp": "2025-08-03T00:00:00Z", "component": {"type": "application", "bom-ref": "root", "name": "p", "purl": "%s"},
                       "manufacturer": {"name": "Acme PSIRT"}},
          "components": [{"type": "library", "bom-ref": "libra", "name": "libracore", "version": "%s",
                          "purl": "pkg:maven/org.libra/libracore@%s"}],
          "vulnerabilities": [{
            "id": "%s",
            "analysis": {"state": "exploitable", "response": ["update"], "detail": "Upgrade to 4.3.0, which ships libracore 2.3.4."},
            "affects": [{"ref": "libra"}]
          }]
        }
        """.formatted(product, libraVersion, libraVersion, cve);
  }
}
