package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryReaderTest {

  static List<DeploymentRow> read(String text, String fileName) {
    return InventoryReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fileName, ReadLimits.defaults());
  }

  static InvalidInputException refusal(String text, String fileName) {
    try {
      read(text, fileName);
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("expected the inventory to be refused");
  }

  @Test
  void csvWithQuotedFieldsAliasesAndAnyColumnOrder() {
    String csv =
        """
        Site,Operator,Sector,Country,Criticality,Product_PURL,notes
        "Grid Control, North",Nordgrid AS,energy,no,Essential,pkg:maven/org.acme/scada@4.2.1,"multi
        line note"

        Clinic 7,"St. ""Mary"" Health",Digital Identity,DE,important,pkg:npm/%40acme/portal@2.0.0,
        """;
    List<DeploymentRow> rows = read(csv, "plants.csv");
    assertThat(rows).hasSize(2);
    DeploymentRow grid = rows.get(0);
    assertThat(grid.line()).isEqualTo(2);
    assertThat(grid.operator()).isEqualTo("Nordgrid AS");
    assertThat(grid.site()).isEqualTo("Grid Control, North");
    assertThat(grid.sector()).isEqualTo(Sector.ENERGY);
    assertThat(grid.country()).isEqualTo("NO");
    assertThat(grid.criticality()).isEqualTo(Criticality.ESSENTIAL);
    assertThat(grid.product().canonical()).isEqualTo("pkg:maven/org.acme/scada@4.2.1");
    DeploymentRow clinic = rows.get(1);
    assertThat(clinic.line()).isEqualTo(5);
    assertThat(clinic.operator()).isEqualTo("St. \"Mary\" Health");
    assertThat(clinic.sector()).isEqualTo(Sector.DIGITAL_IDENTITY);
    assertThat(clinic.product().canonical()).isEqualTo("pkg:npm/%40acme/portal@2.0.0");
  }

  @Test
  void jsonArrayAndDeploymentsObjectReadTheSame() {
    String array =
        """
        [
          {"operator": "Nordgrid AS", "site": "Grid Control", "sector": "energy", "country": "NO",
           "criticality": "essential", "product": "pkg:maven/org.acme/scada@4.2.1", "comment": {"any": "thing"}},
          {"operator": "Telco", "site": "Core 1", "sector": "telecom", "country": "fr",
           "criticality": "other", "product_purl": "pkg:deb/debian/openssl@3.0.11"}
        ]
        """;
    String object = "{\"source\": \"cmdb\", \"deployments\": " + array + "}";
    List<DeploymentRow> fromArray = read(array, null);
    List<DeploymentRow> fromObject = read(object, "inventory.json");
    assertThat(fromArray).hasSize(2);
    assertThat(fromArray.get(0).line()).isEqualTo(2);
    assertThat(fromArray.get(1).country()).isEqualTo("FR");
    assertThat(fromObject).extracting(DeploymentRow::product).isEqualTo(fromArray.stream().map(DeploymentRow::product).toList());
  }

  @Test
  void csvErrorsNameTheLineAndFieldAndTheWholeFileIsRefused() {
    String csv =
        """
        operator,site,sector,country,criticality,product
        Nordgrid AS,Grid Control,energy,NO,essential,pkg:maven/org.acme/scada@4.2.1
        Nordgrid AS,Substation 9,nuclear,XX,critical,pkg:maven/org.acme/scada
        ,Site,water,UK,other,not a purl
        """;
    InvalidInputException e = refusal(csv, "x.csv");
    assertThat(e.location()).isEqualTo("line 3, field sector");
    assertThat(e.getMessage())
        .startsWith("the inventory was refused as a whole: 7 errors")
        .contains("line 3, field sector: 'nuclear' is not a sector; use one of energy, water, health, telecom, finance, transport, digital-identity, government, manufacturing, other")
        .contains("line 3, field country: 'XX' is not an ISO 3166-1 alpha-2 country code")
        .contains("line 3, field criticality: 'critical' is not a criticality; use one of essential, important, other")
        .contains("line 3, field product: product PURL 'pkg:maven/org.acme/scada' has no version")
        .contains("line 4, field operator: operator is missing")
        .contains("line 4, field country: 'UK' is not an ISO 3166-1 alpha-2 country code (did you mean GB?)")
        .contains("line 4, field product: invalid package URL 'not a purl'");
  }

  @Test
  void jsonErrorsNameTheIndexAndMember() {
    String json =
        """
        {"deployments": [
          {"operator": "A", "site": "S", "sector": "health", "country": "DE", "criticality": "important", "product": "pkg:npm/a@1"},
          {"operator": "B", "site": 7, "sector": "health", "country": "DE", "criticality": "important", "product": "pkg:npm/a"},
          "not an object"
        ]}
        """;
    InvalidInputException e = refusal(json, "inv.json");
    assertThat(e.getMessage())
        .contains("$.deployments[1].site (line 3): must be a string, not a number")
        .contains("$.deployments[1].product (line 3): product PURL 'pkg:npm/a' has no version")
        .contains("$.deployments[2] (line 4, column 3): a deployment must be an object, not a string");
    assertThat(e.location()).isEqualTo("$.deployments[1].site (line 3)");
  }

  @Test
  void aDeploymentListedTwiceIsAnError() {
    String csv =
        """
        operator,site,sector,country,criticality,product
        Nordgrid AS,Grid Control,energy,NO,essential,pkg:maven/org.acme/scada@4.2.1
        Nordgrid AS,Grid Control,energy,NO,important,pkg:maven/org.acme/scada@4.2.1
        Nordgrid AS,Grid Control,energy,NO,essential,pkg:maven/org.acme/scada@4.2.2
        """;
    InvalidInputException e = refusal(csv, "x.csv");
    assertThat(e.getMessage()).contains("line 3: repeats the deployment of line 2").doesNotContain("line 4");
  }

  @Test
  void atMostTwentyErrorsAreListedWithTheTotal() {
    StringBuilder csv = new StringBuilder("operator,site,sector,country,criticality,product\n");
    for (int i = 0; i < 50; i++) {
      csv.append("Op,Site ").append(i).append(",energy,ZZ,essential,pkg:npm/a@1\n");
    }
    InvalidInputException e = refusal(csv.toString(), null);
    assertThat(e.getMessage()).startsWith("the inventory was refused as a whole: 50 errors (the first 20 shown)");
    assertThat(e.getMessage().lines().filter(l -> l.startsWith("  line"))).hasSize(20);
  }

  @Test
  void aHeaderWithoutTheNeededColumnsIsRefused() {
    InvalidInputException e = refusal("operator,site,sector,land,criticality\nA,B,energy,DE,other\n", "x.csv");
    assertThat(e.getMessage()).startsWith("the header lacks columns country, product");
    assertThat(e.location()).isEqualTo("line 1");
    assertThat(refusal("operator,site,sector,country,criticality,product,product_purl\n", "x.csv").getMessage())
        .contains("names column product twice");
  }

  static List<Arguments> malformedInventories() {
    String header = "operator,site,sector,country,criticality,product\n";
    return List.of(
        Arguments.of("", "the inventory is empty"),
        Arguments.of(header, "the inventory has no deployment rows"),
        Arguments.of("[]", "the inventory has no deployment rows"),
        Arguments.of("{\"items\": []}", "an object with a \"deployments\" array"),
        Arguments.of("[{\"operator\": \"A\"}", "malformed inventory"),
        Arguments.of("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "JSON nested too deep"),
        Arguments.of(header + "A,B,energy,DE,other,pkg:npm/a@1,extra\n", "7 fields, but the header names 6 columns"),
        Arguments.of(header + "\"unterminated,B,energy,DE,other,pkg:npm/a@1\n", "malformed inventory"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("malformedInventories")
  void malformedInventoriesAreRefused(String text, String problem) {
    assertThat(refusal(text, null).getMessage()).contains(problem);
  }

  @Test
  void anInventoryOverTheSizeLimitIsRefused() {
    StringBuilder csv = new StringBuilder("operator,site,sector,country,criticality,product\n");
    for (int i = 0; i < 1_000; i++) {
      csv.append("Op,Site ").append(i).append(",energy,DE,essential,pkg:npm/a@1\n");
    }
    assertThatThrownBy(
            () -> InventoryReader.read(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "x.csv", ReadLimits.defaults().withMaxBytes(4096)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("input too large");
  }

  @Test
  void everyIsoCountryAndVocabularyLabelIsAccepted() {
    StringBuilder csv = new StringBuilder("operator,site,sector,country,criticality,product\n");
    String[] countries = java.util.Locale.getISOCountries();
    Random random = new Random(42);
    for (String country : countries) {
      Sector sector = Sector.values()[random.nextInt(Sector.values().length)];
      Criticality criticality = Criticality.values()[random.nextInt(Criticality.values().length)];
      csv.append("Op,Site ").append(country).append(',').append(sector.label().toUpperCase()).append(',')
          .append(country.toLowerCase()).append(',').append(criticality.label()).append(",pkg:npm/a@1\n");
    }
    assertThat(read(csv.toString(), "all.csv")).hasSize(countries.length);
  }

  @Test
  void sectorAndCriticalityLabelsParseBack() {
    for (Sector sector : Sector.values()) {
      assertThat(Sector.parse(sector.label())).isEqualTo(sector);
      assertThat(Sector.parse(" " + sector.name() + " ")).isEqualTo(sector);
    }
    assertThat(Sector.DIGITAL_IDENTITY.label()).isEqualTo("digital-identity");
    assertThat(Sector.parse("digital_identity")).isEqualTo(Sector.DIGITAL_IDENTITY);
    for (Criticality criticality : Criticality.values()) {
      assertThat(Criticality.parse(criticality.label().toUpperCase())).isEqualTo(criticality);
    }
    assertThatThrownBy(() -> Sector.parse("space")).isInstanceOf(InvalidInputException.class).hasMessageContaining("digital-identity");
    assertThatThrownBy(() -> Criticality.parse(null)).isInstanceOf(InvalidInputException.class);
  }
}
