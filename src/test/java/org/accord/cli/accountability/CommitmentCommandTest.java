package org.accord.cli.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord commitment publish|list|show|join} on the data directory: help, JSON, bad input, versions. */
class CommitmentCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run accord(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.resolve("data").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    return new Run(exit, out.toString(), err.toString());
  }

  Run ok(String... args) {
    Run run = accord(args);
    assertThat(run.exit()).as(String.join(" ", args) + ": " + run.out() + run.err()).isZero();
    return run;
  }

  Path file(String name, String json) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, json.replace('\'', '"'));
    return file;
  }

  @Test
  void publishSupersedeJoinListAndShow() throws Exception {
    ok("org", "create", "Vendora", "--kind", "vendor");
    ok("org", "create", "EnergyISAC", "--kind", "cert");
    ok("org", "create", "GridCo", "--kind", "operator");
    Path pledge = file("pledge.json", "{'title': 'Vendora pledge', 'terms': [{'kind': 'fix-ready', 'severity': 'critical', 'within': 'P30D'}],"
        + " 'scope': {'severities': ['critical'], 'products': ['pkg:maven/com.vendora/']}}");
    String published = ok("commitment", "publish", pledge.toString(), "--org", "Vendora", "--json").out();
    String id = published.replaceAll("(?s).*\"id\" : \"(cmt_[0-9a-f]{16})\".*", "$1");
    assertThat(id).matches("cmt_[0-9a-f]{16}");
    assertThat(published).contains("\"organization\" : \"Vendora\"", "\"within\" : \"P30D\"", "\"log_index\"");
    Path next = file("next.json", "{'title': 'Vendora pledge', 'terms': [{'kind': 'fix-ready', 'severity': 'critical', 'within': 'P20D'}],"
        + " 'scope': {'severities': ['critical']}, 'supersedes': {'commitment': '" + id + "', 'version': 1}}");
    assertThat(ok("commitment", "publish", next.toString(), "--org", "Vendora").out()).contains("Published " + id + " version 2");
    Run stale = accord("commitment", "publish", next.toString(), "--org", "Vendora");
    assertThat(stale.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(stale.out() + stale.err()).contains("not the current one (2)");
    assertThat(ok("commitment", "show", id).out()).contains("version 1 published", "superseded", "version 2 published", "(current)", "P20D");

    Path arrangement = file("arrangement.json", "{'kind': 'arrangement', 'title': 'EU energy CVD', 'terms': [{'kind': 'acknowledge-report',"
        + " 'within': '24h'}], 'scope': {'sectors': ['energy']}}");
    String arr = ok("commitment", "publish", arrangement.toString(), "--org", "EnergyISAC", "--json").out()
        .replaceAll("(?s).*\"id\" : \"(cmt_[0-9a-f]{16})\".*", "$1");
    assertThat(ok("commitment", "join", arr, "--org", "GridCo").out()).contains("GridCo joined " + arr + " version 1");
    assertThat(ok("commitment", "show", arr, "--json").out()).contains("\"members\"", "\"organization\" : \"GridCo\"");
    assertThat(ok("commitment", "list").out()).contains(id, arr, "v2", "arrangement");
    assertThat(ok("commitment", "list", "--kind", "arrangement", "--json").out()).contains(arr).doesNotContain(id);
  }

  @Test
  void badDocumentsNameTheFieldAndChangeNothing() throws Exception {
    ok("org", "create", "Vendora", "--kind", "vendor");
    Path absurd = file("absurd.json", "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3000D'}], 'scope': {'severities': ['high']}}");
    Run run = accord("commitment", "publish", absurd.toString(), "--org", "Vendora");
    assertThat(run.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(run.out() + run.err()).contains("terms[0].within", "five years");
    Path nothing = file("nothing.json", "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {}}");
    assertThat(accord("commitment", "publish", nothing.toString(), "--org", "Vendora").err()).contains("scope names nothing");
    Path foreign = file("foreign.json", "{'title': 't', 'organization': 'Rival', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}],"
        + " 'scope': {'severities': ['high']}}");
    Run forged = accord("commitment", "publish", foreign.toString(), "--org", "Vendora");
    assertThat(forged.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(forged.out() + forged.err()).contains("'Rival'");
    assertThat(ok("commitment", "list", "--json").out()).contains("\"commitments\" : [ ]");
  }

  @Test
  void everySubcommandHasHelpWithAnExample() {
    for (String sub : new String[] {"publish", "list", "show", "join"}) {
      Run help = ok("commitment", sub, "--help");
      assertThat(help.out()).as(sub).contains("Example", "accord commitment " + sub, "--json");
    }
  }
}
