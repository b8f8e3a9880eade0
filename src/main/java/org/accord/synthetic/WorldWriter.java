package org.accord.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a {@link SyntheticWorld} as real documents: one CycloneDX 1.6 JSON SBOM per product (its
 * full transitive closure, with the {@code dependencies} graph and fork pedigree), and one inventory
 * CSV. Stateless and thread-safe.
 */
public final class WorldWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private WorldWriter() {}

  /** Writes the SBOM of product {@code index}. The serial number is derived from the seed, so output is reproducible. */
  public static void writeSbom(SyntheticWorld world, int index, OutputStream out) throws IOException {
    SyntheticWorld.Product product = world.products().get(index);
    int[] closure = world.closureOf(product);
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("bomFormat", "CycloneDX");
      json.writeStringField("specVersion", "1.6");
      json.writeStringField(
          "serialNumber",
          "urn:uuid:" + UUID.nameUUIDFromBytes((world.spec().seed() + ":" + product.purl()).getBytes(StandardCharsets.UTF_8)));
      json.writeNumberField("version", 1);
      json.writeObjectFieldStart("metadata");
      json.writeObjectFieldStart("component");
      json.writeStringField("type", "application");
      json.writeStringField("bom-ref", product.purl());
      json.writeStringField("name", product.name());
      json.writeStringField("version", product.purl().substring(product.purl().lastIndexOf('@') + 1));
      json.writeStringField("purl", product.purl());
      json.writeObjectFieldStart("supplier");
      json.writeStringField("name", product.vendor());
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();

      json.writeArrayFieldStart("components");
      for (int version : closure) {
        writeComponent(world, version, json);
      }
      json.writeEndArray();

      json.writeArrayFieldStart("dependencies");
      json.writeStartObject();
      json.writeStringField("ref", product.purl());
      json.writeArrayFieldStart("dependsOn");
      for (int dep : product.directDependencies()) {
        json.writeString(world.versionPurl(dep));
      }
      json.writeEndArray();
      json.writeEndObject();
      for (int version : closure) {
        json.writeStartObject();
        json.writeStringField("ref", world.versionPurl(version));
        json.writeArrayFieldStart("dependsOn");
        for (int dep : world.dependenciesOf(version)) {
          json.writeString(world.versionPurl(dep));
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void writeComponent(SyntheticWorld world, int version, JsonGenerator json) throws IOException {
    String purl = world.versionPurl(version);
    json.writeStartObject();
    json.writeStringField("type", "library");
    json.writeStringField("bom-ref", purl);
    json.writeStringField("name", nameOf(world.packageOf(version).key()));
    json.writeStringField("version", world.versionString(version));
    json.writeStringField("purl", purl);
    int origin = world.forkOf(version);
    if (origin >= 0) {
      json.writeObjectFieldStart("pedigree");
      json.writeArrayFieldStart("ancestors");
      json.writeStartObject();
      json.writeStringField("type", "library");
      json.writeStringField("name", nameOf(world.packageOf(origin).key()));
      json.writeStringField("version", world.versionString(origin));
      json.writeStringField("purl", world.versionPurl(origin));
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /**
   * Writes one SBOM that lists every library version of the world, with every dependency edge, under
   * a generic root that depends on every version nothing else depends on: the shape of a very large
   * container image or monorepo SBOM, for ingest benchmarks.
   */
  public static void writeCatalogueSbom(SyntheticWorld world, OutputStream out) throws IOException {
    boolean[] dependedOn = new boolean[world.versionCount()];
    for (int version = 0; version < world.versionCount(); version++) {
      for (int dep : world.dependenciesOf(version)) {
        dependedOn[dep] = true;
      }
    }
    String root = "pkg:generic/accord-bench/everything@1.0.0";
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("bomFormat", "CycloneDX");
      json.writeStringField("specVersion", "1.6");
      json.writeStringField("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(("catalogue:" + world.spec().seed()).getBytes(StandardCharsets.UTF_8)));
      json.writeNumberField("version", 1);
      json.writeObjectFieldStart("metadata");
      json.writeObjectFieldStart("component");
      json.writeStringField("type", "application");
      json.writeStringField("bom-ref", root);
      json.writeStringField("name", "everything");
      json.writeStringField("version", "1.0.0");
      json.writeStringField("purl", root);
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("components");
      for (int version = 0; version < world.versionCount(); version++) {
        writeComponent(world, version, json);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("dependencies");
      json.writeStartObject();
      json.writeStringField("ref", root);
      json.writeArrayFieldStart("dependsOn");
      for (int version = 0; version < world.versionCount(); version++) {
        if (!dependedOn[version]) {
          json.writeString(world.versionPurl(version));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      for (int version = 0; version < world.versionCount(); version++) {
        int[] deps = world.dependenciesOf(version);
        if (deps.length > 0) {
          json.writeStartObject();
          json.writeStringField("ref", world.versionPurl(version));
          json.writeArrayFieldStart("dependsOn");
          for (int dep : deps) {
            json.writeString(world.versionPurl(dep));
          }
          json.writeEndArray();
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Writes the deployment inventory as CSV with a header row. */
  public static void writeInventory(SyntheticWorld world, Writer out) throws IOException {
    writeInventory(world, null, out);
  }

  /**
   * Writes the inventory of one operator's sites ({@code operator}), or of every site ({@code null}).
   * An inventory is ingested by the operator it describes (its rows name the uploader), so the demo
   * writes one per operator.
   */
  public static void writeInventory(SyntheticWorld world, String operator, Writer out) throws IOException {
    out.write("operator,site,sector,country,criticality,product\n");
    for (SyntheticWorld.Site site : world.sites()) {
      if (operator != null && !operator.equals(site.operator())) {
        continue;
      }
      out.write(
          csv(site.operator()) + ',' + csv(site.site()) + ',' + site.sector() + ',' + site.country() + ','
              + site.criticality() + ',' + csv(world.products().get(site.product()).purl()) + '\n');
    }
  }

  private static String nameOf(String packageKey) {
    return java.net.URLDecoder.decode(packageKey.substring(packageKey.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
  }

  private static String csv(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
