package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.accord.store.Database;
import org.accord.testing.TestData;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator and auditor commands, end to end, including tampering with the stored log. */
class LedgerCliTest {
  @TempDir Path dir;

  /** A log of {@code count} events appended through 'accord log append -'. */
  private List<String> base(String dbUrl) {
    List<String> args = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
    if (dbUrl != null) {
      args.add("--db");
      args.add(dbUrl);
    }
    return args;
  }

  private CliRun accord(List<String> base, String... more) {
    return accordWithInput(null, base, more);
  }

  private CliRun accordWithInput(String stdin, List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return CliRun.runWithInput(stdin, args.toArray(new String[0]));
  }

  static String events(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append("{\"type\":\"test.event\",\"subject\":\"case:").append(i % 5).append("\",\"data\":{\"i\":").append(i).append("}}\n");
    }
    return lines.toString();
  }

  @Test
  void appendReceiptsProofsAndVerification() throws Exception {
    List<String> base = base(null);
    CliRun appended = accordWithInput(events(600), base, "log", "append", "--quiet", "-");
    assertThat(appended.exit()).as(appended.all()).isZero();
    assertThat(appended.out()).contains("appended 600 events, indexes 0 to 599");

    Path key = dir.resolve("vkey.txt");
    Files.writeString(key, accord(base, "log", "key").out());
    Path old = dir.resolve("old.txt");
    Files.writeString(old, accord(base, "log", "checkpoint").out());

    Path event = dir.resolve("event.json");
    Files.writeString(event, "{\"sha256\":\"" + "0".repeat(64) + "\",\"org\":\"Acme\"}");
    CliRun one = accord(base, "log", "append", "--type", "audit.note", "--subject", "sbom:1", event.toString(), event.toString());
    assertThat(one.exit()).as(one.all()).isZero();
    String[] receipts = one.out().strip().split("\n");
    assertThat(receipts).hasSize(2);
    assertThat(receipts[1]).contains("\"prev\":\"");
    Path receipt = dir.resolve("receipt.json");
    Files.writeString(receipt, receipts[1]);
    CliRun verified = CliRun.run("verify", "receipt", receipt.toString(), "--key", key.toString());
    assertThat(verified.exit()).as(verified.all()).isZero();
    assertThat(verified.out()).contains("OK: entry 601 (event audit.note of sbom:1");

    CliRun proofText = accord(base, "log", "receipt", "5", "--tlog-proof");
    Path tlogProof = dir.resolve("5.tlog-proof");
    Files.writeString(tlogProof, proofText.out());
    assertThat(CliRun.run("verify", "receipt", tlogProof.toString(), "--key", key.toString()).exit()).isZero();

    Path newer = dir.resolve("new.txt");
    Files.writeString(newer, accord(base, "log", "checkpoint").out());
    assertThat(CliRun.run("verify", "checkpoint", newer.toString(), "--key", key.toString()).exit()).isZero();
    Path proof = dir.resolve("proof.json");
    Files.writeString(proof, accord(base, "log", "proof", "--from", "600", "--to", "602").out());
    CliRun consistent = CliRun.run("verify", "consistency", old.toString(), newer.toString(), "--proof", proof.toString(), "--key", key.toString());
    assertThat(consistent.exit()).as(consistent.all()).isZero();
    assertThat(consistent.out()).contains("at size 602 extends size 600");

    CliRun whole = accord(base, "verify", "log", "--json");
    assertThat(whole.exit()).as(whole.all()).isZero();
    assertThat(whole.out()).contains("\"verified\" : true").contains("\"entries\" : 602");
    CliRun byDir = CliRun.run("verify", "log", dir.resolve("data").toString(), "--previous", old.toString());
    assertThat(byDir.exit()).as(byDir.all()).isZero();

    CliRun privateOne = accord(base, "log", "append", "--private", "--type", "audit.note", "--subject", "case:9", "--digest", event.toString());
    Path secret = dir.resolve("secret.json");
    Files.writeString(secret, privateOne.out());
    CliRun opened = CliRun.run("verify", "receipt", secret.toString(), "--key", key.toString());
    assertThat(opened.out()).contains("private event audit.note of case:9");
  }

  @Test
  void tesseraLogVerifiesFromTheCommandLine() {
    Path log = TestData.resolve("tlog/testdata/log");
    String key = TestData.resolve("tlog/verifier_key.txt").toString();
    CliRun whole = CliRun.run("verify", "log", log.toString(), "--key", key);
    assertThat(whole.exit()).as(whole.all()).isZero();
    assertThat(whole.out()).contains("example.com/log/testdata at size 15: 15 entries");
    for (int size = 0; size <= 15; size++) {
      CliRun checkpoint = CliRun.run("verify", "checkpoint", log.resolve("checkpoint." + size).toString(), "--key", key);
      assertThat(checkpoint.exit()).as(checkpoint.all()).isZero();
    }
  }

  /** Issue item 6: any change to a stored leaf or tile makes 'accord verify log' fail and name the first bad index. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void tamperingWithTheStoreIsFoundAndNamed(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    List<String> base = base(url);
    assertThat(accordWithInput(events(600), base, "log", "append", "--quiet", "-").exit()).isZero();
    assertThat(accord(base, "verify", "log").exit()).isZero();

    expectTamperFound(url, base, "entry 37", c -> sql(c, "UPDATE ledger_entries SET data = ? WHERE idx = 37", "{\"forged\":true}".getBytes()));
    expectTamperFound(url, base, "entry 300", c -> sql(c, "DELETE FROM ledger_entries WHERE idx = 300"));
    expectTamperFound(url, base, "entry 41", c -> {
      sql(c, "UPDATE ledger_entries SET idx = -1 WHERE idx = 41");
      sql(c, "UPDATE ledger_entries SET idx = 41 WHERE idx = 42");
      sql(c, "UPDATE ledger_entries SET idx = 42 WHERE idx = -1");
    });
    expectTamperFound(url, base, "entry 261", c -> flipTileByte(c, 0, 1, 5 * 32 + 3));
    expectTamperFound(url, base, "tile/1/000.p/2", c -> flipTileByte(c, 1, 0, 1 * 32));
    expectTamperFound(url, base, "tile/0/001", c -> sql(c, "DELETE FROM ledger_tiles WHERE level = 0 AND idx = 1"));
    expectTamperFound(url, base, "tile/0/002.p/88", c -> sql(c, "UPDATE ledger_tiles SET hashes = ? WHERE level = 0 AND idx = 2", new byte[88 * 32 - 5]));
  }

  private void expectTamperFound(String url, List<String> base, String location, Consumer<Connection> tamper) {
    byte[][] saved = snapshot(url);
    withConnection(url, tamper);
    CliRun result = accord(base, "verify", "log");
    assertThat(result.exit()).as(result.all()).isEqualTo(1);
    assertThat(result.err()).contains("verification failed: " + location + ":");
    assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
    restore(url, saved);
    assertThat(accord(base, "verify", "log").exit()).as("restored").isZero();
  }

  private Database open(String url) {
    return url == null ? Database.openEmbedded(dir.resolve("data")) : Database.open(url);
  }

  private void withConnection(String url, Consumer<Connection> work) {
    try (Database database = open(url); Connection connection = database.dataSource().getConnection()) {
      work.accept(connection);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries and tiles, to undo each tampering. */
  private byte[][] snapshot(String url) {
    List<byte[]> rows = new ArrayList<>();
    withConnection(url, c -> {
      try (var query = c.prepareStatement("SELECT idx, data FROM ledger_entries ORDER BY idx"); var rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getBytes(2));
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      try (var query = c.prepareStatement("SELECT level, idx, width, hashes FROM ledger_tiles ORDER BY level, idx"); var rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(java.nio.ByteBuffer.allocate(16).putInt(rs.getInt(1)).putLong(rs.getLong(2)).putInt(rs.getInt(3)).array());
          rows.add(rs.getBytes(4));
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    return rows.toArray(new byte[0][]);
  }

  private void restore(String url, byte[][] saved) {
    withConnection(url, c -> {
      sql(c, "DELETE FROM ledger_entries");
      sql(c, "DELETE FROM ledger_tiles");
      int at = 0;
      for (; at < saved.length && saved[at].length != 16; at++) {
        sql(c, "INSERT INTO ledger_entries (idx, data, subject, event_hash) VALUES (" + at + ", ?, 's', ?)", saved[at], new byte[32]);
      }
      for (; at < saved.length; at += 2) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(saved[at]);
        sql(c, "INSERT INTO ledger_tiles (level, idx, width, hashes) VALUES (" + key.getInt() + ", " + key.getLong() + ", " + key.getInt() + ", ?)", saved[at + 1]);
      }
    });
  }

  private static void flipTileByte(Connection c, int level, long index, int offset) {
    try (PreparedStatement query = c.prepareStatement("SELECT hashes FROM ledger_tiles WHERE level = ? AND idx = ?")) {
      query.setInt(1, level);
      query.setLong(2, index);
      try (var rs = query.executeQuery()) {
        rs.next();
        byte[] hashes = rs.getBytes(1);
        hashes[offset] ^= 0x40;
        sql(c, "UPDATE ledger_tiles SET hashes = ? WHERE level = " + level + " AND idx = " + index, hashes);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sql(Connection c, String statement, byte[]... parameters) {
    try (PreparedStatement update = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setBytes(i + 1, parameters[i]);
      }
      update.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
