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

  /** An inventory CSV deploying {@code pkg:generic/acme/<product>@1.0} at three operators' sites. */
  public static String inventory(String product) {
    return """
        operator,site,sector,country,criticality,product
        GridCo,Hamburg North,energy,DE,essential,pkg:generic/acme/%1$s@1.0
        GridCo,Hamburg South,energy,DE,essential,pkg:generic/acme/%1$s@1.0
        AquaNet,Lyon Plant,water,FR,important,pkg:generic/acme/%1$s@1.0
        """.formatted(product);
  }
}
