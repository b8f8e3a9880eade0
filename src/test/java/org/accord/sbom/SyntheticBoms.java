package org.accord.sbom;

import java.io.IOException;
import java.io.Writer;
import java.util.Random;

/**
 * Writes large synthetic SBOMs for the memory test and the benchmark: {@code n} components shaped
 * like real Maven components (group, name, version, PURL, a hash, a licence, two properties) and about
 * three dependencies each, chosen with a fixed seed so every run writes the same document.
 */
final class SyntheticBoms {
  private SyntheticBoms() {}

  /** A CycloneDX 1.6 JSON document. */
  static void cycloneDxJson(int n, Writer out) throws IOException {
    Random random = new Random(7);
    out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\",\"version\":1,\n");
    out.write("\"metadata\":{\"timestamp\":\"2025-01-01T00:00:00Z\",\"component\":{\"type\":\"application\",\"bom-ref\":\"root\","
        + "\"name\":\"synthetic\",\"version\":\"1.0\",\"purl\":\"pkg:maven/org.example/synthetic@1.0\"}},\n\"components\":[\n");
    for (int i = 0; i < n; i++) {
      out.write(i == 0 ? "" : ",\n");
      out.write("{\"type\":\"library\",\"bom-ref\":\"c" + i + "\",\"group\":\"org.example.g" + (i % 1000)
          + "\",\"name\":\"lib" + i + "\",\"version\":\"1." + (i % 50) + ".0\",\"purl\":\"pkg:maven/org.example.g" + (i % 1000)
          + "/lib" + i + "@1." + (i % 50) + ".0?type=jar\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\""
          + "ab".repeat(32) + "\"}],\"licenses\":[{\"license\":{\"id\":\"Apache-2.0\"}}],"
          + "\"properties\":[{\"name\":\"cdx:maven:package:test\",\"value\":\"false\"},{\"name\":\"scope\",\"value\":\"runtime\"}]}");
    }
    out.write("\n],\n\"dependencies\":[\n{\"ref\":\"root\",\"dependsOn\":[\"c0\",\"c1\",\"c2\"]}");
    for (int i = 0; i < n; i++) {
      out.write(",\n{\"ref\":\"c" + i + "\",\"dependsOn\":[");
      for (int j = 0; j < 3; j++) {
        out.write((j == 0 ? "\"c" : ",\"c") + Math.min(n - 1, i + 1 + random.nextInt(1000)) + "\"");
      }
      out.write("]}");
    }
    out.write("\n]}\n");
  }

  /** The same components as CycloneDX 1.6 XML. */
  static void cycloneDxXml(int n, Writer out) throws IOException {
    Random random = new Random(7);
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n");
    out.write("<metadata><component type=\"application\" bom-ref=\"root\"><name>synthetic</name><version>1.0</version>"
        + "<purl>pkg:maven/org.example/synthetic@1.0</purl></component></metadata>\n<components>\n");
    for (int i = 0; i < n; i++) {
      out.write("<component type=\"library\" bom-ref=\"c" + i + "\"><group>org.example.g" + (i % 1000) + "</group><name>lib" + i
          + "</name><version>1." + (i % 50) + ".0</version><hashes><hash alg=\"SHA-256\">" + "ab".repeat(32)
          + "</hash></hashes><licenses><license><id>Apache-2.0</id></license></licenses><purl>pkg:maven/org.example.g" + (i % 1000)
          + "/lib" + i + "@1." + (i % 50) + ".0?type=jar</purl></component>\n");
    }
    out.write("</components>\n<dependencies>\n<dependency ref=\"root\"><dependency ref=\"c0\"/><dependency ref=\"c1\"/><dependency ref=\"c2\"/></dependency>\n");
    for (int i = 0; i < n; i++) {
      out.write("<dependency ref=\"c" + i + "\">");
      for (int j = 0; j < 3; j++) {
        out.write("<dependency ref=\"c" + Math.min(n - 1, i + 1 + random.nextInt(1000)) + "\"/>");
      }
      out.write("</dependency>\n");
    }
    out.write("</dependencies>\n</bom>\n");
  }

  /** The same components as SPDX 2.3 JSON. */
  static void spdxJson(int n, Writer out) throws IOException {
    Random random = new Random(7);
    out.write("{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"synthetic\",\n"
        + "\"documentNamespace\":\"https://example.org/synthetic\",\"creationInfo\":{\"created\":\"2025-01-01T00:00:00Z\",\"creators\":[\"Tool: test\"]},\n"
        + "\"packages\":[\n{\"SPDXID\":\"SPDXRef-root\",\"name\":\"synthetic\",\"versionInfo\":\"1.0\",\"downloadLocation\":\"NOASSERTION\","
        + "\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\",\"referenceLocator\":\"pkg:maven/org.example/synthetic@1.0\"}]}");
    for (int i = 0; i < n; i++) {
      out.write(",\n{\"SPDXID\":\"SPDXRef-c" + i + "\",\"name\":\"lib" + i + "\",\"versionInfo\":\"1." + (i % 50)
          + ".0\",\"downloadLocation\":\"NOASSERTION\",\"licenseConcluded\":\"Apache-2.0\",\"copyrightText\":\"NOASSERTION\","
          + "\"checksums\":[{\"algorithm\":\"SHA256\",\"checksumValue\":\"" + "ab".repeat(32) + "\"}],"
          + "\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\",\"referenceLocator\":\"pkg:maven/org.example.g"
          + (i % 1000) + "/lib" + i + "@1." + (i % 50) + ".0?type=jar\"}]}");
    }
    out.write("\n],\n\"relationships\":[\n{\"spdxElementId\":\"SPDXRef-DOCUMENT\",\"relationshipType\":\"DESCRIBES\",\"relatedSpdxElement\":\"SPDXRef-root\"}");
    for (int j = 0; j < 3; j++) {
      out.write(",\n{\"spdxElementId\":\"SPDXRef-root\",\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-c" + j + "\"}");
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        out.write(",\n{\"spdxElementId\":\"SPDXRef-c" + i + "\",\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-c"
            + Math.min(n - 1, i + 1 + random.nextInt(1000)) + "\"}");
      }
    }
    out.write("\n]}\n");
  }
}
