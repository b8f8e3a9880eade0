package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.accord.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration V7 (ADR 0100) on a store that already holds advisories with names, packages, matches and a
 * VEX document pointing at them: every row survives with its id, and the key becomes (id, scope,
 * source), so a second organization's public record of the same id fits beside the first while a
 * second record of the same id, scope and source is still refused.
 */
class AdvisorySourcesMigrationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void existingAdvisoriesAndTheirChildrenSurviveTheNewKey(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : "jdbc:sqlite:" + dir.resolve("accord.db");
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/" + engine).target("5").load().migrate();
    try (Connection connection = DriverManager.getConnection(url);
        Statement sql = connection.createStatement()) {
      if (engine.equals("sqlite")) {
        sql.execute("PRAGMA foreign_keys = ON");
      }
      sql.execute("INSERT INTO organizations (id, name, kind, created_at) VALUES (100, 'Vendora', 'vendor', 0), (101, 'Squatter', 'researcher', 0)");
      sql.execute("INSERT INTO components (id, purl, package_key, version) VALUES (7, 'pkg:maven/org.libra/libracore@2.1.0', 'pkg:maven/org.libra/libracore', '2.1.0')");
      sql.execute("INSERT INTO advisories (id, advisory_id, scope, owner_org_id, format, sha256, summary, aliases, document, imported_at)"
          + " VALUES (40, 'GHSA-mig7-0001', 'public', 101, 'osv', 'aa', 'first', '[]', '{}', 1),"
          + " (41, 'GHSA-mig7-0001', 'org:100', 100, 'osv', 'bb', 'private', '[]', '{}', 2)");
      sql.execute("INSERT INTO advisory_names (advisory_pk, name) VALUES (40, 'GHSA-MIG7-0001'), (41, 'GHSA-MIG7-0001')");
      sql.execute("INSERT INTO advisory_packages (advisory_pk, position, ecosystem, name, package_key, spec, evaluable)"
          + " VALUES (40, 0, 'Maven', 'org.libra:libracore', 'pkg:maven/org.libra/libracore', '{}', 1)");
      sql.execute("INSERT INTO advisory_matches (advisory_pk, component_id) VALUES (40, 7)");
      sql.execute("INSERT INTO vex_documents (id, sha256, format, author, uploader_org_id, uploaded_at, coordinator, statement_count, advisory_pk)"
          + " VALUES (5, 'cc', 'osv', 'Squatter', 101, 3, 0, 0, 40)");
    }

    try (Database database = Database.open(url)) {
      database.jdbi().useHandle(handle -> {
        assertThat(handle.createQuery("SELECT id || ':' || summary FROM advisories ORDER BY id").mapTo(String.class).list())
            .containsExactly("40:first", "41:private");
        assertThat(AdvisoryStore.matches(handle, 40)).extracting(AdvisoryStore.Match::componentId).containsExactly(7L);
        assertThat(AdvisoryStore.names(handle, 41)).containsExactly("GHSA-MIG7-0001");
        assertThat(handle.createQuery("SELECT advisory_pk FROM vex_documents WHERE id = 5").mapTo(Long.class).one()).isEqualTo(40L);
        // Vendora's public record of the id now fits beside the squatter's; a second one of its own does not.
        handle.execute("INSERT INTO advisories (advisory_id, scope, owner_org_id, format, sha256, summary, aliases, document, imported_at)"
            + " VALUES ('GHSA-mig7-0001', 'public', 100, 'osv', 'dd', 'vendor', '[]', '{}', 4)");
        assertThat(AdvisoryStore.records(handle, "GHSA-mig7-0001", java.util.List.of(AdvisoryStore.PUBLIC))).hasSize(2);
      });
      assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute(
              "INSERT INTO advisories (advisory_id, scope, owner_org_id, format, sha256, summary, aliases, document, imported_at)"
                  + " VALUES ('GHSA-mig7-0001', 'public', 100, 'osv', 'ee', 'again', '[]', '{}', 5)")))
          .message().containsIgnoringCase("unique");
    }
  }
}
