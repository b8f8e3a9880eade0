package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in the shared test data's {@code cyclonedx}, {@code spdx} and {@code guac} folders is
 * either read or refused, as the table below says, file by file. An accepted file must also give the
 * listed numbers of components ({@code c}), edges ({@code e}) and inferred edges ({@code i}) and satisfy
 * {@link Bom}'s invariants; a refused one must fail with an {@link InvalidInputException} whose message
 * contains the fragment after the bar. A file missing from the table, or a table row without its file,
 * fails the test, so any change in behaviour or in the corpus shows up here. No case is skipped.
 */
class BomReaderConformanceTest {
  /*
   * Abbreviations: CDX16/ = cyclonedx/specification/tools/src/test/resources/1.6/,
   * GUAC/ = guac/internal/testing/testdata/exampledata/.
   *
   * ACCEPT path c e i [| why an invalid-* file is accepted]
   * REJECT path | fragment of the message
   */
  private static final String TABLE =
      """
      # CycloneDX folder: licences and notes
      REJECT cyclonedx/LICENSE.bom-examples                             | not an SBOM: unrecognised text without an SPDXVersion tag
      REJECT cyclonedx/LICENSE.cyclonedx-specification                  | not an SBOM: unrecognised text without an SPDXVersion tag
      REJECT cyclonedx/SOURCE.md                                        | not an SBOM: unrecognised text without an SPDXVersion tag

      # CycloneDX real product SBOMs (1.2, 1.4): counts match cyclonedx/SOURCE.md (components; dependsOn edges = e - i)
      ACCEPT cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.json      167   199   29
      ACCEPT cyclonedx/bom-examples/SBOM/dropwizard-1.3.15/bom.xml       167   199   29
      ACCEPT cyclonedx/bom-examples/SBOM/juice-shop/v11.1.2/bom.json     840   840  840
      ACCEPT cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.json        903  1169  175
      ACCEPT cyclonedx/bom-examples/SBOM/keycloak-10.0.2/bom.xml         903  1169  175
      ACCEPT cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.json      62   113    0
      ACCEPT cyclonedx/bom-examples/SBOM/laravel-7.12.0/bom.1.4.xml       62   113    0
      ACCEPT cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.8.0.bom.json  201   233    1
      ACCEPT cyclonedx/bom-examples/SBOM/proton-bridge/proton-bridge-v1.8.0.bom.xml  201   233    1
      ACCEPT cyclonedx/bom-examples/SBOM/protonmail-webclient-v4-0912dff/bom.json  883   883  883

      # CycloneDX JSON Schemas, XSDs and their helpers: not SBOMs
      REJECT cyclonedx/specification/schema/bom-1.2.schema.json         | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/bom-1.2.xsd                 | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/bom-1.4.schema.json         | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/bom-1.4.xsd                 | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/bom-1.5.schema.json         | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/bom-1.5.xsd                 | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/bom-1.6.schema.json         | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/bom-1.6.xsd                 | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/bom-1.7.schema.json         | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/bom-1.7.xsd                 | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/cryptography-defs.json      | not an SBOM: a JSON object without "bomFormat"
      REJECT cyclonedx/specification/schema/cryptography-defs.schema.json | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/jsf-0.82.schema.json        | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/spdx.schema.json            | not an SBOM: looks like a JSON Schema
      REJECT cyclonedx/specification/schema/spdx.xsd                    | not an SBOM: looks like an XML Schema (XSD)
      REJECT cyclonedx/specification/schema/xmlcatalog.xml              | not an SBOM: XML root element <catalog>

      # CycloneDX 1.6 official corpus, invalid-*: rejected where the reader can tell; accepted (with the reason after |) where the invalid part lies outside the neutral model
      REJECT CDX16/invalid-bomformat-1.6.json                           | bomFormat is 'AnotherFormat'
      REJECT CDX16/invalid-component-ref-1.6.json                       | component 'acme-library@1.0.0' has an empty bom-ref
      REJECT CDX16/invalid-component-ref-1.6.xml                        | component 'acme-library@1.0.0' has an empty bom-ref
      ACCEPT CDX16/invalid-component-swid-1.6.json                         1     1    1 | swid is outside the neutral model and not read
      ACCEPT CDX16/invalid-component-swid-1.6.xml                          1     1    1 | swid is outside the neutral model and not read
      REJECT CDX16/invalid-component-type-1.6.json                      | has the unknown type 'foo'
      REJECT CDX16/invalid-component-type-1.6.xml                       | has the unknown type 'foo'
      REJECT CDX16/invalid-dependency-1.6.json                          | dependency has no ref
      REJECT CDX16/invalid-dependency-1.6.xml                           | dependency has no ref attribute
      REJECT CDX16/invalid-empty-component-1.6.json                     | component has neither a name nor a purl
      REJECT CDX16/invalid-empty-component-1.6.xml                      | component has neither a name nor a purl
      ACCEPT CDX16/invalid-hash-alg-1.6.json                               1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-alg-1.6.xml                                1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-md5-1.6.json                               1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-md5-1.6.xml                                1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha1-1.6.json                              1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha1-1.6.xml                               1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha256-1.6.json                            1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha256-1.6.xml                             1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha512-1.6.json                            1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-hash-sha512-1.6.xml                             1     1    1 | hashes are outside the neutral model and not read
      ACCEPT CDX16/invalid-issue-type-1.6.json                             2     2    1 | pedigree patches are not read (only ancestors are)
      ACCEPT CDX16/invalid-issue-type-1.6.xml                              2     2    1 | pedigree patches are not read (only ancestors are)
      ACCEPT CDX16/invalid-license-choice-1.6.json                         1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-choice-1.6.xml                          1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-declared-concluded-mix-1.6.json         3     3    3 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-declared-concluded-mix-1.6.xml          3     3    3 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-encoding-1.6.json                       1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-encoding-1.6.xml                        1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-id-1.6.json                             1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-id-1.6.xml                              1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-id-count-1.6.xml                        1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-missing-id-and-name-1.6.json            1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-missing-id-and-name-1.6.xml             1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-license-name-count-1.6.xml                      1     1    1 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-metadata-license-1.6.json                       0     0    0 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-metadata-license-1.6.xml                        0     0    0 | licences are outside the neutral model and not read
      ACCEPT CDX16/invalid-metadata-timestamp-1.6.json                     0     0    0 | the timestamp is outside the neutral model and not read
      ACCEPT CDX16/invalid-metadata-timestamp-1.6.xml                      0     0    0 | the timestamp is outside the neutral model and not read
      REJECT CDX16/invalid-missing-component-type-1.6.json              | component 'acme-library@1.0.0' has no type
      REJECT CDX16/invalid-missing-component-type-1.6.xml               | component 'acme-library@1.0.0' has no type
      REJECT CDX16/invalid-namespace-1.6.xml                            | unsupported CycloneDX XML namespace 'http://cyclonedx.org/schema/bom/12'
      ACCEPT CDX16/invalid-patch-type-1.6.json                             2     2    1 | pedigree patches are not read (only ancestors are)
      ACCEPT CDX16/invalid-patch-type-1.6.xml                              2     2    1 | pedigree patches are not read (only ancestors are)
      ACCEPT CDX16/invalid-properties-1.6.json                             1     1    1 | properties are outside the neutral model and not read
      ACCEPT CDX16/invalid-properties-1.6.xml                              1     1    1 | properties are outside the neutral model and not read
      ACCEPT CDX16/invalid-scope-1.6.json                                  1     1    1 | scope is outside the neutral model and not read
      ACCEPT CDX16/invalid-scope-1.6.xml                                   1     1    1 | scope is outside the neutral model and not read
      ACCEPT CDX16/invalid-serialnumber-1.6.json                           0     0    0 | serialNumber only names the document; a malformed one is a warning
      ACCEPT CDX16/invalid-serialnumber-1.6.xml                            4     4    3 | serialNumber only names the document; a malformed one is a warning
      ACCEPT CDX16/invalid-service-data-1.6.json                           0     0    0 | services are not components; only their bom-refs are read
      ACCEPT CDX16/invalid-service-data-1.6.xml                            0     0    0 | services are not components; only their bom-refs are read

      # CycloneDX 1.6 official corpus, valid-*: all must be accepted
      ACCEPT CDX16/valid-annotation-1.6.json                               1     1    1
      ACCEPT CDX16/valid-annotation-1.6.xml                                1     1    1
      ACCEPT CDX16/valid-assembly-1.6.json                                 2     2    1
      ACCEPT CDX16/valid-assembly-1.6.xml                                  2     2    1
      ACCEPT CDX16/valid-attestation-1.6.json                              0     0    0
      ACCEPT CDX16/valid-attestation-1.6.xml                               0     0    0
      ACCEPT CDX16/valid-bom-1.6.json                                      4     4    2
      ACCEPT CDX16/valid-bom-1.6.xml                                       4     4    2
      ACCEPT CDX16/valid-component-data-1.6.json                           1     1    1
      ACCEPT CDX16/valid-component-data-1.6.xml                            1     1    1
      ACCEPT CDX16/valid-component-hashes-1.6.json                         1     1    1
      ACCEPT CDX16/valid-component-hashes-1.6.xml                          1     1    1
      ACCEPT CDX16/valid-component-identifiers-1.6.json                    1     1    1
      ACCEPT CDX16/valid-component-identifiers-1.6.xml                     1     1    1
      ACCEPT CDX16/valid-component-ref-1.6.json                            3     3    2
      ACCEPT CDX16/valid-component-ref-1.6.xml                             3     3    2
      ACCEPT CDX16/valid-component-swid-1.6.json                           1     1    1
      ACCEPT CDX16/valid-component-swid-1.6.xml                            1     1    1
      ACCEPT CDX16/valid-component-swid-full-1.6.json                      1     1    1
      ACCEPT CDX16/valid-component-swid-full-1.6.xml                       1     1    1
      ACCEPT CDX16/valid-component-types-1.6.json                          9     9    9
      ACCEPT CDX16/valid-component-types-1.6.xml                           9     9    9
      ACCEPT CDX16/valid-compositions-1.6.json                             3     3    0
      ACCEPT CDX16/valid-compositions-1.6.xml                              3     3    0
      ACCEPT CDX16/valid-cryptography-full-1.6.json                        4     4    4
      ACCEPT CDX16/valid-cryptography-full-1.6.xml                         4     4    4
      ACCEPT CDX16/valid-cryptography-implementation-1.6.json              3     3    1
      ACCEPT CDX16/valid-cryptography-implementation-1.6.xml               3     3    1
      ACCEPT CDX16/valid-dependency-1.6.json                               3     3    2
      ACCEPT CDX16/valid-dependency-1.6.xml                                3     3    2
      ACCEPT CDX16/valid-empty-components-1.6.json                         0     0    0
      ACCEPT CDX16/valid-empty-components-1.6.xml                          0     0    0
      ACCEPT CDX16/valid-evidence-1.6.json                                 2     2    2
      ACCEPT CDX16/valid-evidence-1.6.xml                                  2     2    2
      ACCEPT CDX16/valid-external-elements-1.6.xml                         2     2    1
      ACCEPT CDX16/valid-external-reference-1.6.json                       2     2    2
      ACCEPT CDX16/valid-external-reference-1.6.xml                        2     2    2
      ACCEPT CDX16/valid-formulation-1.6.json                              1     1    1
      ACCEPT CDX16/valid-formulation-1.6.xml                               1     1    1
      ACCEPT CDX16/valid-license-expression-1.6.json                       1     1    1
      ACCEPT CDX16/valid-license-expression-1.6.xml                        1     1    1
      ACCEPT CDX16/valid-license-id-1.6.json                               1     1    1
      ACCEPT CDX16/valid-license-id-1.6.xml                                1     1    1
      ACCEPT CDX16/valid-license-licensing-1.6.json                        1     1    1
      ACCEPT CDX16/valid-license-licensing-1.6.xml                         1     1    1
      ACCEPT CDX16/valid-license-name-1.6.json                             1     1    1
      ACCEPT CDX16/valid-license-name-1.6.xml                              1     1    1
      ACCEPT CDX16/valid-machine-learning-1.6.json                         1     1    1
      ACCEPT CDX16/valid-machine-learning-1.6.xml                          1     1    1
      ACCEPT CDX16/valid-machine-learning-considerations-env-1.6.json      1     1    1
      ACCEPT CDX16/valid-machine-learning-considerations-env-1.6.xml       1     1    1
      ACCEPT CDX16/valid-metadata-author-1.6.json                          0     0    0
      ACCEPT CDX16/valid-metadata-author-1.6.xml                           0     0    0
      ACCEPT CDX16/valid-metadata-license-1.6.json                         0     0    0
      ACCEPT CDX16/valid-metadata-license-1.6.xml                          0     0    0
      ACCEPT CDX16/valid-metadata-lifecycle-1.6.json                       0     0    0
      ACCEPT CDX16/valid-metadata-lifecycle-1.6.xml                        0     0    0
      ACCEPT CDX16/valid-metadata-manufacture-1.6.json                     0     0    0
      ACCEPT CDX16/valid-metadata-manufacture-1.6.xml                      0     0    0
      ACCEPT CDX16/valid-metadata-manufacturer-1.6.json                    0     0    0
      ACCEPT CDX16/valid-metadata-manufacturer-1.6.xml                     0     0    0
      ACCEPT CDX16/valid-metadata-supplier-1.6.json                        0     0    0
      ACCEPT CDX16/valid-metadata-supplier-1.6.xml                         0     0    0
      ACCEPT CDX16/valid-metadata-timestamp-1.6.json                       0     0    0
      ACCEPT CDX16/valid-metadata-timestamp-1.6.xml                        0     0    0
      ACCEPT CDX16/valid-metadata-tool-1.6.json                            0     0    0
      ACCEPT CDX16/valid-metadata-tool-1.6.xml                             0     0    0
      ACCEPT CDX16/valid-metadata-tool-deprecated-1.6.json                 0     0    0
      ACCEPT CDX16/valid-metadata-tool-deprecated-1.6.xml                  0     0    0
      ACCEPT CDX16/valid-minimal-viable-1.6.json                           1     1    1
      ACCEPT CDX16/valid-minimal-viable-1.6.xml                            1     1    1
      ACCEPT CDX16/valid-patch-1.6.json                                    2     2    1
      ACCEPT CDX16/valid-patch-1.6.xml                                     2     2    1
      ACCEPT CDX16/valid-properties-1.6.json                               1     1    1
      ACCEPT CDX16/valid-properties-1.6.xml                                1     1    1
      ACCEPT CDX16/valid-random-attributes-1.6.xml                         4     4    3
      ACCEPT CDX16/valid-release-notes-1.6.json                            1     1    1
      ACCEPT CDX16/valid-release-notes-1.6.xml                             1     1    1
      ACCEPT CDX16/valid-saasbom-1.6.json                                  0     0    0
      ACCEPT CDX16/valid-saasbom-1.6.xml                                   0     0    0
      ACCEPT CDX16/valid-service-1.6.json                                  1     1    1
      ACCEPT CDX16/valid-service-1.6.xml                                   1     1    1
      ACCEPT CDX16/valid-service-empty-objects-1.6.json                    0     0    0
      ACCEPT CDX16/valid-service-empty-objects-1.6.xml                     0     0    0
      ACCEPT CDX16/valid-signatures-1.6.json                               1     1    1
      ACCEPT CDX16/valid-standard-1.6.json                                 0     0    0
      ACCEPT CDX16/valid-standard-1.6.xml                                  0     0    0
      ACCEPT CDX16/valid-tags-1.6.json                                     1     1    1
      ACCEPT CDX16/valid-tags-1.6.xml                                      1     1    1
      ACCEPT CDX16/valid-vulnerability-1.6.json                            1     1    1
      ACCEPT CDX16/valid-vulnerability-1.6.xml                             1     1    1
      ACCEPT CDX16/valid-xml-signature-1.6.xml                             4     4    3

      # SPDX spec examples and schema: the other serialisations are refused with what is supported
      REJECT spdx/LICENSE.spdx-spec                                     | not an SBOM: unrecognised text without an SPDXVersion tag
      REJECT spdx/SOURCE.md                                             | not an SBOM: unrecognised text without an SPDXVersion tag

      # SPDX examples (2.2, 2.3; JSON and tag-value)
      ACCEPT spdx/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/01-MinimalSBOM.json    0     0    0
      ACCEPT spdx/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/02-SBOMwSource.json    0     0    0
      ACCEPT spdx/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/03-SBOMwDependency.json    1     1    0
      ACCEPT spdx/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/04-SBOMwSecurity.json    1     1    0
      ACCEPT spdx/spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/05-SBOMwSourceLicense.json    0     0    0
      ACCEPT spdx/spdx-examples/presentations/SBOMS-SPDX-Now-and-Future/ACME-v2.3.spdx.json    3     3    0
      ACCEPT spdx/spdx-examples/software/example1/spdx2.2/example1.spdx    0     0    0
      ACCEPT spdx/spdx-examples/software/example10/spdx2.3/hello-source.spdx.json    0     0    0
      REJECT spdx/spdx-examples/software/example10/spdx2.3/shas         | not an SBOM: unrecognised text without an SPDXVersion tag
      ACCEPT spdx/spdx-examples/software/example11/spdx2.3/sbom.spdx.json    3     3    0
      ACCEPT spdx/spdx-examples/software/example14/spdx2.3/examplemaven-0.0.1-enriched.spdx.json    5     5    0
      ACCEPT spdx/spdx-examples/software/example6/spdx2.2/example6-bin.spdx    0     0    0
      ACCEPT spdx/spdx-examples/software/example6/spdx2.2/example6-lib.spdx    4     4    0
      ACCEPT spdx/spdx-examples/software/example6/spdx2.2/example6-src.spdx    0     0    0
      ACCEPT spdx/spdx-examples/software/example7/spdx2.2/example7-bin.spdx.json    0     0    0
      ACCEPT spdx/spdx-examples/software/example7/spdx2.2/example7-go-module.spdx.json    0     0    0
      ACCEPT spdx/spdx-examples/software/example7/spdx2.2/example7-golang.spdx.json    1     1    1
      ACCEPT spdx/spdx-examples/software/example7/spdx2.2/example7-third-party-modules.spdx.json    3     3    0
      ACCEPT spdx/spdx-examples/software/example8/spdx2.3/examplemaven-0.0.1.spdx.json    5     5    0
      ACCEPT spdx/spdx-examples/software/example9/spdx2.2/appbomination.spdx.json    6     6    2

      # SPDX spec examples and schema: the other serialisations are refused with what is supported
      ACCEPT spdx/spdx-spec/examples/SPDXJSONExample-v2.3.spdx.json        3     3    2
      REJECT spdx/spdx-spec/examples/SPDXRdfExample-v2.3.spdx.rdf.xml   | SPDX RDF/XML is not supported
      ACCEPT spdx/spdx-spec/examples/SPDXTagExample-v2.3.spdx              3     3    2
      REJECT spdx/spdx-spec/examples/SPDXXMLExample-v2.3.spdx.xml       | SPDX XML is not supported
      REJECT spdx/spdx-spec/examples/SPDXYAMLExample-2.3.spdx.yaml      | SPDX YAML is not supported
      REJECT spdx/spdx-spec/schemas/spdx-schema.json                    | not an SBOM: looks like a JSON Schema

      # GUAC folder
      REJECT guac/LICENSE                                               | not an SBOM: unrecognised text without an SPDXVersion tag
      REJECT guac/SOURCE.md                                             | not an SBOM: unrecognised text without an SPDXVersion tag

      # GUAC fixtures: SBOMs accepted; VEX, attestations, scorecards, ClearlyDefined, CSAF refused as not SBOMs
      ACCEPT GUAC/alpine-cyclonedx.json                                   15    15   15
      ACCEPT GUAC/alpine-small-spdx.json                                   3     3    2
      ACCEPT GUAC/alpine-spdx.json                                        14    14   14
      ACCEPT GUAC/big-mongo-cyclonedx.json                               293   293  293
      ACCEPT GUAC/busybox-cyclonedx.json                                   1     1    1
      REJECT GUAC/cd-common-text.json                                   | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/cd-log4j.json                                         | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/cd-mock/cd-maven-apachecommons-text4shell.json        | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-mock/cd-maven-commons-text4shell.json              | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-mock/cd-maven-iovertx.json                         | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-mock/cd-maven-log4j.json                           | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-mock/cd-sourcearchive-log4j.json                   | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-mock/cd-sourcearchive-text4shell.json              | not an SBOM: looks like a ClearlyDefined definition
      REJECT GUAC/cd-source-common-text.json                            | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/cd-source-log4j.json                                  | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/cdx-v1.4.json                                            2     2    2
      REJECT GUAC/certify-novuln-v02.json                               | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/certify-novuln.json                                   | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/certify-vuln-v02.json                                 | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/certify-vuln.json                                     | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/crev-review.json                                      | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/cyclonedx-1.7.json                                       1     1    0
      ACCEPT GUAC/cyclonedx-components-flat.json                           3     3    1
      ACCEPT GUAC/cyclonedx-components-nested.json                         3     3    1
      ACCEPT GUAC/cyclonedx-no-top-level.json                              1     1    1
      REJECT GUAC/cyclonedx-unaffected-vex.json                         | not an SBOM: looks like CycloneDX VEX
      REJECT GUAC/cyclonedx-vex-affected.json                           | not an SBOM: looks like CycloneDX VEX
      REJECT GUAC/cyclonedx-vex-false-positive.json                     | not an SBOM: looks like CycloneDX VEX
      REJECT GUAC/cyclonedx-vex-no-analysis.json                        | not an SBOM: looks like CycloneDX VEX
      REJECT GUAC/cyclonedx-vex-resolved-with-pedigree.json             | not an SBOM: looks like CycloneDX VEX
      REJECT GUAC/cyclonedx-vex.xml                                     | not an SBOM: looks like CycloneDX VEX
      ACCEPT GUAC/distroless-cyclonedx-invalid-version.json                3     3    3 | GUAC calls the root version "nonroot" invalid; a version string is opaque to the neutral model
      ACCEPT GUAC/distroless-cyclonedx.json                                3     3    3
      REJECT GUAC/eol-all.json                                          | not an SBOM: the document is a JSON array
      REJECT GUAC/eol-sapmachine.json                                   | not an SBOM: the document is a JSON array
      REJECT GUAC/github-review.json                                    | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/go-spdx-multi-arch_1.json                                2     2    0
      ACCEPT GUAC/go-spdx-multi-arch_2.json                                2     2    0
      ACCEPT GUAC/go-spdx-multi-arch_3.json                                3     3    0
      REJECT GUAC/ingest_predicates.json                                | not an SBOM: a JSON object without "bomFormat"
      REJECT GUAC/invalid-cyclonedx.json                                | bomFormat is 'CDX'
      REJECT GUAC/invalid-cyclonedx.xml                                 | malformed XML: Premature end of file.
      REJECT GUAC/invalid-scorecard.json                                | not an SBOM: looks like an OpenSSF Scorecard result
      # also has "packageName" instead of "name"; the empty document SPDXID is found first
      REJECT GUAC/invalid-spdx-identifier-spdx.json                     | the document's SPDXID is ''
      REJECT GUAC/invalid-spdx.json                                     | spdxVersion must be a string such as "SPDX-2.3" but is a number
      REJECT GUAC/kubernetes-scorecard.json                             | not an SBOM: looks like an OpenSSF Scorecard result
      ACCEPT GUAC/laravel-cyclonedx.xml                                   62   113    0
      ACCEPT GUAC/no-dependent-components-cyclonedx.json                   0     0    0
      ACCEPT GUAC/npm-cyclonedx-dependencies-missing-depends-on.json       1     1    1
      REJECT GUAC/oci-dsse-att.json                                     | not an SBOM: looks like a DSSE envelope (application/vnd.in-toto+json)
      REJECT GUAC/oci-kubectl-linux-amd64-in-toto.json                  | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/oci-kubectl-linux-amd64-spdx-1.json                     88    88    0
      ACCEPT GUAC/oci-kubectl-linux-amd64-spdx.json                       88    88   88
      REJECT GUAC/oci-kubectl-linux-arm-v7-in-toto.json                 | not an SBOM: looks like an in-toto attestation
      REJECT GUAC/oci-kubectl-linux-arm64-in-toto.json                  | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/oci-kubectl-linux-arm64-spdx.json                       88    88   88
      REJECT GUAC/oci-kubectl-windows-amd64-in-toto.json                | not an SBOM: looks like an in-toto attestation
      ACCEPT GUAC/oci-spdx.json                                           15    15   15
      REJECT GUAC/open-vex-affected.json                                | not an SBOM: looks like OpenVEX (a VEX document)
      REJECT GUAC/open-vex-not-affected.json                            | not an SBOM: looks like OpenVEX (a VEX document)
      ACCEPT GUAC/quarkus-deps-cyclonedx.json                             94   220   14
      REJECT GUAC/rhsa-csaf.json                                        | not an SBOM: looks like a CSAF advisory
      ACCEPT GUAC/small-deps-cyclonedx.json                                2     2    0
      ACCEPT GUAC/small-legal-cyclonedx-no-inline.json                     5     5    3
      ACCEPT GUAC/small-legal-cyclonedx.json                               5     5    3
      # GUAC reads it, but its packages carry "packageName", which SPDX does not define, and no "name"
      REJECT GUAC/small-spdx.json                                       | package 'SPDXRef-go-module-golang.org/x/text' has neither a name nor a purl
      ACCEPT GUAC/xray-cdx-vulns.json                                      1     1    1
      """;

  private static final Map<String, String> PREFIXES =
      Map.of(
          "CDX16/", "cyclonedx/specification/tools/src/test/resources/1.6/",
          "GUAC/", "guac/internal/testing/testdata/exampledata/");

  private static final String[] FOLDERS = {"cyclonedx", "spdx", "guac"};

  private static int accepted;
  private static int rejected;

  /** One row of the table. */
  record Expectation(String path, boolean accept, int components, int edges, int inferred, String note) {
    @Override
    public String toString() {
      return (accept ? "ACCEPT " : "REJECT ") + path;
    }
  }

  static Map<String, Expectation> table() {
    Map<String, Expectation> rows = new LinkedHashMap<>();
    for (String raw : TABLE.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] halves = line.split("\\|", 2);
      String[] words = halves[0].strip().split("\\s+");
      String path = expand(words[1]);
      String note = halves.length > 1 ? halves[1].strip() : "";
      Expectation expectation =
          words[0].equals("ACCEPT")
              ? new Expectation(path, true, Integer.parseInt(words[2]), Integer.parseInt(words[3]), Integer.parseInt(words[4]), note)
              : new Expectation(path, false, 0, 0, 0, note);
      if (rows.put(path, expectation) != null) {
        throw new IllegalStateException("table lists " + path + " twice");
      }
    }
    return rows;
  }

  private static String expand(String path) {
    for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
      if (path.startsWith(prefix.getKey())) {
        return prefix.getValue() + path.substring(prefix.getKey().length());
      }
    }
    return path;
  }

  static Stream<Expectation> expectations() {
    TestData.root();
    return table().values().stream();
  }

  @Test
  void theTableCoversEveryFileAndOnlyExistingFiles() throws IOException {
    Path root = TestData.root();
    TreeSet<String> files = new TreeSet<>();
    for (String folder : FOLDERS) {
      try (Stream<Path> walk = Files.walk(TestData.resolve(folder))) {
        walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file).toString().replace(java.io.File.separatorChar, '/')));
      }
    }
    TreeSet<String> listed = new TreeSet<>(table().keySet());
    TreeSet<String> unlisted = new TreeSet<>(files);
    unlisted.removeAll(listed);
    TreeSet<String> missing = new TreeSet<>(listed);
    missing.removeAll(files);
    assertThat(unlisted).as("files without a row in the table").isEmpty();
    assertThat(missing).as("table rows without a file").isEmpty();
  }

  @Test
  void acceptedInvalidFilesSayWhy() {
    for (Expectation expectation : table().values()) {
      if (expectation.accept() && expectation.path().contains("/invalid-")) {
        assertThat(expectation.note()).as("why %s is accepted", expectation.path()).isNotBlank();
      }
      if (!expectation.accept()) {
        assertThat(expectation.note()).as("message fragment for %s", expectation.path()).isNotBlank();
      }
      if (expectation.path().contains("/valid-")) {
        assertThat(expectation.accept()).as("%s is valid CycloneDX and must be accepted", expectation.path()).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectations")
  void eachFileIsReadOrRefusedAsListed(Expectation expectation) throws IOException {
    Path file = TestData.resolve(expectation.path());
    if (expectation.accept()) {
      Bom bom;
      try (InputStream in = Files.newInputStream(file)) {
        bom = BomReader.read(in, file.getFileName().toString(), ReadLimits.defaults());
      } catch (InvalidInputException e) {
        fail("expected " + expectation.path() + " to be accepted, but: " + e.describe());
        return;
      }
      BomInvariants.check(bom);
      long inferred = bom.edges().stream().filter(BomEdge::inferred).count();
      assertThat(List.of(bom.components().size(), bom.edges().size(), (int) inferred))
          .as("components, edges, inferred edges of %s (warnings: %s)", expectation.path(), bom.warnings())
          .containsExactly(expectation.components(), expectation.edges(), expectation.inferred());
      accepted++;
    } else {
      assertThatThrownBy(
              () -> {
                try (InputStream in = Files.newInputStream(file)) {
                  BomReader.read(in, ReadLimits.defaults());
                }
              })
          .as("%s must be refused", expectation.path())
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).describe()).contains(expectation.note()));
      rejected++;
    }
  }

  @AfterAll
  static void report() {
    if (accepted + rejected == 0) {
      return; // nothing ran: without the test data, MissingTestDataSummary says so
    }
    System.out.printf("SBOM conformance: %d accepted, %d rejected, 0 skipped%n", accepted, rejected);
  }
}
