package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a sign-in returns ({@code next}): a path on this server, never another host (no open redirect). */
class LocalPathTest {
  @ParameterizedTest
  @ValueSource(strings = {"/", "/cases", "/cases/ACC-2026-0001", "/report"})
  void localPathsAreKept(String path) {
    assertThat(PageRoutes.localPath(path)).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"//evil.example/x", "/\\evil.example", "https://evil.example/", "cases", "/cases?x=1", "/a b",
      "/%2F%2Fevil.example", ""})
  void anythingElseIsRefused(String path) {
    assertThat(PageRoutes.localPath(path)).isNull();
  }
}
