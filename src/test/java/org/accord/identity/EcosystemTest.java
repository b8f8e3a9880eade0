package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcosystemTest {

  /** Every ecosystem in the OSV schema's list either maps or is refused with a clear reason. */
  @Test
  void everyOsvEcosystemMapsOrIsReportedUnsupported() throws IOException {
    JsonNode ecosystems = new ObjectMapper().readTree(TestData.resolve("osv/osv-schema/ecosystems.json").toFile());
    Map<String, String> outcome = new TreeMap<>();
    List<String> names = new ArrayList<>();
    ecosystems.fieldNames().forEachRemaining(names::add);
    assertThat(names).hasSizeGreaterThan(40);
    for (String name : names) {
      try {
        outcome.put(name, Ecosystem.fromOsvName(name).name());
      } catch (InvalidInputException e) {
        assertThat(e.getMessage()).contains(name).contains("not supported");
        outcome.put(name, "unsupported");
      }
    }
    assertThat(outcome)
        .containsEntry("Maven", "MAVEN")
        .containsEntry("npm", "NPM")
        .containsEntry("PyPI", "PYPI")
        .containsEntry("Go", "GOLANG")
        .containsEntry("crates.io", "CARGO")
        .containsEntry("NuGet", "NUGET")
        .containsEntry("RubyGems", "GEM")
        .containsEntry("Debian", "DEB")
        .containsEntry("Ubuntu", "DEB")
        .containsEntry("Alpine", "APK")
        .containsEntry("Wolfi", "APK")
        .containsEntry("Red Hat", "RPM")
        .containsEntry("Rocky Linux", "RPM")
        .containsEntry("Packagist", "COMPOSER")
        .containsEntry("Hex", "unsupported")
        .containsEntry("Pub", "unsupported");
    System.out.println("OSV ecosystems: " + outcome);
  }

  @ParameterizedTest
  @CsvSource({
    "crates.io, CARGO",
    "Go, GOLANG",
    "Maven, MAVEN",
    "Maven:https://maven.google.com, MAVEN",
    "npm, NPM",
    "PyPI, PYPI",
    "RubyGems, GEM",
    "NuGet, NUGET",
    "Packagist, COMPOSER",
    "Packagist:https://packages.drupal.org/8, COMPOSER",
    "Debian:12, DEB",
    "Debian:sid, DEB",
    "Ubuntu:Pro:18.04:LTS, DEB",
    "Alpine:v3.18, APK",
    "Red Hat, RPM",
    "Red Hat:rhel_aus:8.4::appstream, RPM",
    "SUSE:Linux Enterprise Server 15 SP5, RPM",
    "Root:Alpine:3.18, APK",
    "Root:PyPI, PYPI",
    "pypi, PYPI"
  })
  void mapsOsvNames(String name, Ecosystem expected) {
    assertThat(Ecosystem.fromOsvName(name)).isEqualTo(expected);
  }

  @Test
  void refusesUnknownAndUnsupportedNames() {
    assertThatThrownBy(() -> Ecosystem.fromOsvName("Cobol"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown OSV ecosystem 'Cobol'")
        .hasMessageContaining("crates.io");
    assertThatThrownBy(() -> Ecosystem.fromOsvName("Hex"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Hex' is not supported");
    assertThatThrownBy(() -> Ecosystem.fromOsvName("Root:Hex")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Ecosystem.fromOsvName(" ")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mapsPurlTypes() {
    for (Ecosystem ecosystem : Ecosystem.values()) {
      assertThat(Ecosystem.fromPurlType(ecosystem.purlType())).isEqualTo(ecosystem);
      assertThat(ecosystem.scheme().name()).isEqualTo(ecosystem.purlType());
    }
    assertThat(Ecosystem.fromPurlType("MAVEN")).isEqualTo(Ecosystem.MAVEN);
    assertThat(Ecosystem.fromPurlType("hex")).isEqualTo(Ecosystem.GENERIC);
    assertThat(Ecosystem.fromPurlType(null)).isEqualTo(Ecosystem.GENERIC);
    assertThat(Ecosystem.fromPurlType(Purl.parse("pkg:golang/golang.org/x/net@v0.7.0").type()))
        .isEqualTo(Ecosystem.GOLANG);
    assertThat(Ecosystem.GOLANG.osvName()).isEqualTo("Go");
  }
}
