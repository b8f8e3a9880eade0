package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlPackageKeyTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pkg:maven/org.libra/libracore@2.1.0?type=jar#sub/dir | pkg:maven/org.libra/libracore",
        "pkg:npm/%40babel/core@7.22.0 | pkg:npm/%40babel/core",
        "pkg:npm/@babel/core@7.22.0 | pkg:npm/%40babel/core",
        "pkg:generic/acme/tool | pkg:generic/acme/tool",
        "pkg:generic/acme/tool?arch=x86 | pkg:generic/acme/tool",
        "pkg:generic/acme/tool#src | pkg:generic/acme/tool",
        "pkg:golang/github.com/a/b@v1.2.3 | pkg:golang/github.com/a/b",
        "pkg:deb/debian/curl@7.88.1-10%2Bdeb12u4?arch=amd64 | pkg:deb/debian/curl"
      })
  void packageKeyDropsVersionQualifiersAndSubpath(String purl, String key) {
    Purl parsed = Purl.parse(purl);
    assertThat(parsed.packageKey()).isEqualTo(key);
    assertThat(Purl.packageKeyOf(parsed.canonical())).isEqualTo(key);
    assertThat(Purl.parse(key).canonical()).isEqualTo(key);
  }
}
