package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.accord.testing.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation time of a real advisory (Cisco's 130 KB CSAF example, parsed from bytes) and of synthetic
 * documents with {@code products} products and 50 vulnerabilities, each listing every product as
 * known_affected with a CVSS v3.1 score (so 6.1.1, 6.1.6, 6.1.7 and 6.1.27.10 see products x 50
 * references), each with the basic tests (schema and §6.1, what the import runs) and the full set (§6.2
 * and §6.3 too, offline: strict schema, spell check). Run: {@code mvn -q test-compile exec:exec -Pjmh
 * -Djmh.args=CsafValidatorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CsafValidatorBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"100", "2000"})
  int products;

  private byte[] cisco;
  private JsonNode synthetic;

  @Setup
  public void setUp() throws IOException {
    cisco = Files.readAllBytes(TestData.resolve("csaf/csaf_2.0/examples/csaf/cisco-sa-20180328-smi2.json"));
    synthetic = synthetic(products, 50);
    if (!CsafValidator.validate(synthetic).valid()) {
      throw new IllegalStateException("synthetic document is invalid: " + CsafValidator.validate(synthetic).findings());
    }
  }

  static JsonNode synthetic(int products, int vulnerabilities) throws IOException {
    ObjectNode document = (ObjectNode) MAPPER.readTree(CsafValidatorTest.MINIMAL);
    ((ObjectNode) document.get("document")).put("category", "csaf_vex");
    ArrayNode names = ((ObjectNode) document.get("product_tree")).putArray("full_product_names");
    ArrayNode members = MAPPER.createArrayNode();
    for (int product = 0; product < products; product++) {
      names.addObject().put("name", "Product " + product).put("product_id", "P" + product);
      members.add("P" + product);
    }
    ObjectNode group = ((ObjectNode) document.get("product_tree")).putArray("product_groups").addObject();
    group.put("group_id", "ALL").set("product_ids", members);
    ArrayNode list = document.putArray("vulnerabilities");
    for (int index = 0; index < vulnerabilities; index++) {
      ObjectNode vulnerability = list.addObject();
      vulnerability.put("cve", "CVE-2024-" + (10000 + index));
      vulnerability.putArray("notes").addObject().put("category", "description").put("text", "t");
      vulnerability.putObject("product_status").set("known_affected", members);
      vulnerability.putArray("remediations").addObject().put("category", "vendor_fix").put("details", "d")
          .putArray("group_ids").add("ALL");
      ObjectNode score = vulnerability.putArray("scores").addObject();
      score.set("products", members);
      score.putObject("cvss_v3").put("version", "3.1")
          .put("vectorString", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
          .put("baseScore", 9.8).put("baseSeverity", "CRITICAL");
    }
    return document;
  }

  @Benchmark
  public CsafValidation realAdvisoryFromBytes() {
    return CsafValidator.validate(new ByteArrayInputStream(cisco));
  }

  @Benchmark
  public CsafValidation syntheticVex() {
    return CsafValidator.validate(synthetic);
  }

  private static final CsafValidator.Options FULL = CsafValidator.Options.of(CsafValidator.Extent.FULL);

  @Benchmark
  public CsafValidation realAdvisoryFromBytesFull() {
    return CsafValidator.validate(new ByteArrayInputStream(cisco), FULL);
  }

  @Benchmark
  public CsafValidation syntheticVexFull() {
    return CsafValidator.validate(synthetic, FULL);
  }
}
