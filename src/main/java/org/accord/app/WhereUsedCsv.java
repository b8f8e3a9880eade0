package org.accord.app;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.accord.exposure.WhereUsed;

/**
 * One where-used list as CSV (RFC 4180, written with jackson-dataformat-csv): a header row, then every
 * row; the path joined with {@code " > "}. A cell that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, as OWASP's "CSV
 * Injection" advice says. Stateless.
 */
final class WhereUsedCsv {
  private static final ObjectWriter WRITER =
      new CsvMapper()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING) // quote only what RFC 4180 needs quoted
          .writerFor(String[].class)
          .with(CsvSchema.emptySchema().withLineSeparator("\r\n"));

  static final List<String> PRODUCT_COLUMNS = List.of("purl", "depth", "path");
  static final List<String> DEPLOYMENT_COLUMNS =
      List.of("operator", "site", "sector", "country", "criticality", "product", "depth", "path");

  private WhereUsedCsv() {}

  static String products(List<WhereUsed.ProductHit> rows) {
    List<List<String>> cells = new ArrayList<>(rows.size());
    for (WhereUsed.ProductHit hit : rows) {
      cells.add(List.of(hit.purl(), Integer.toString(WhereUsedSort.depth(hit.path())), String.join(" > ", hit.path())));
    }
    return write(PRODUCT_COLUMNS, cells);
  }

  static String deployments(List<WhereUsed.DeploymentHit> rows) {
    List<List<String>> cells = new ArrayList<>(rows.size());
    for (WhereUsed.DeploymentHit hit : rows) {
      cells.add(List.of(hit.operator(), hit.site(), hit.sector(), hit.country(), hit.criticality(), hit.product(),
          Integer.toString(WhereUsedSort.depth(hit.path())), String.join(" > ", hit.path())));
    }
    return write(DEPLOYMENT_COLUMNS, cells);
  }

  private static String write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    try {
      out.append(WRITER.writeValueAsString(header.toArray(new String[0])));
      for (List<String> row : rows) {
        String[] cells = new String[row.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = defuse(row.get(i));
        }
        out.append(WRITER.writeValueAsString(cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV to memory", e);
    }
    return out.toString();
  }

  /** Prefixes a cell a spreadsheet would evaluate as a formula. */
  static String defuse(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
