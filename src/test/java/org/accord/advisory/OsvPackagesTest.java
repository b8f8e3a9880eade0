package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;

/** OSV packages to PURL package keys: every ecosystem name OSV defines, and the producers' own PURLs. */
class OsvPackagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyOsvEcosystemMapsToItsPurlTypeOrIsRefusedByName() throws IOException {
    JsonNode ecosystems = JSON.readTree(TestData.resolve("osv/osv-schema/ecosystems.json").toFile());
    int mapped = 0;
    int refused = 0;
    for (Iterator<String> names = ecosystems.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Ecosystem ecosystem;
      try {
        ecosystem = Ecosystem.fromOsvName(name.equals("Root") ? "Root:Alpine:3.18" : name);
      } catch (InvalidInputException unsupported) {
        assertThat(unsupported.getMessage()).as(name).contains(name);
        refused++;
        continue;
      }
      String sample = ecosystem == Ecosystem.MAVEN ? "org.example:lib" : "example";
      String key = OsvPackages.packageKey(name, ecosystem, sample, "");
      Purl purl = Purl.parse(key);
      assertThat(purl.type()).as(name).isEqualTo(ecosystem.purlType());
      assertThat(OsvPackages.osvName(purl)).as(name).isEqualTo(sample);
      mapped++;
    }
    assertThat(mapped).isGreaterThanOrEqualTo(20);
    assertThat(refused).isGreaterThan(0);
  }

  @Test
  void theNameMappingAgreesWithTheProducersOwnPurls() throws IOException {
    List<String> compared = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestData.resolve("osv"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode affected : root.path("affected")) {
          JsonNode pkg = affected.path("package");
          if (!pkg.hasNonNull("purl")) {
            continue;
          }
          String ecosystemName = pkg.path("ecosystem").asText();
          Ecosystem ecosystem = Ecosystem.fromOsvName(ecosystemName);
          String ours = OsvPackages.packageKey(ecosystemName, ecosystem, pkg.path("name").asText(), "");
          assertThat(ours).as(file.getFileName() + " " + pkg).isEqualTo(Purl.parse(pkg.path("purl").asText()).packageKey());
          compared.add(ours);
        }
      }
    }
    assertThat(compared).as("Alpine, Red Hat and PyPI entries with their own purl").hasSizeGreaterThan(100);
  }

  @Test
  void names() {
    assertThat(OsvPackages.packageKey("Maven", Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core", ""))
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core");
    assertThat(OsvPackages.packageKey("npm", Ecosystem.NPM, "@babel/core", "")).isEqualTo("pkg:npm/%40babel/core");
    assertThat(OsvPackages.packageKey("Go", Ecosystem.GOLANG, "github.com/gin-gonic/gin", "")).isEqualTo("pkg:golang/github.com/gin-gonic/gin");
    assertThat(OsvPackages.packageKey("PyPI", Ecosystem.PYPI, "Django_Foo", "")).isEqualTo("pkg:pypi/django-foo");
    assertThat(OsvPackages.packageKey("Debian:12", Ecosystem.DEB, "openssl", "")).isEqualTo("pkg:deb/debian/openssl");
    assertThat(OsvPackages.packageKey("Ubuntu:22.04:LTS", Ecosystem.DEB, "openssl", "")).isEqualTo("pkg:deb/ubuntu/openssl");
    assertThat(OsvPackages.packageKey("Rocky Linux:9", Ecosystem.RPM, "openssl", "")).isEqualTo("pkg:rpm/rocky-linux/openssl");
    assertThatThrownBy(() -> OsvPackages.packageKey("Maven", Ecosystem.MAVEN, "no-group", ""))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("group:artifact");
    assertThatThrownBy(() -> OsvPackages.packageKey("npm", Ecosystem.NPM, "x", "pkg:pypi/x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not match");
  }
}
