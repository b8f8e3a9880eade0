package org.accord.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.exposure.WhereUsed;

/**
 * How many deployments a viewer may not see, k-anonymous as the sector × country cells are (issue 8,
 * ADR 0097): never an exact number that would tell what a suppressed cell hides. In JSON it is a
 * number, the string {@code "<k"} when the hidden deployments belong to fewer than k distinct
 * operators, or {@code "≥N"} when some of them sit in a suppressed cell and N counts those in the
 * cells that are shown. Immutable.
 *
 * @param form which of the three it is
 * @param count the exact number, k, or the lower bound N
 */
public record HiddenCount(Form form, int count) {
  /** The forms a hidden count takes. */
  public enum Form {
    /** {@code count} deployments: they belong to at least k operators and no suppressed cell. */
    EXACT,
    /** The hidden deployments belong to fewer than {@code count} (= k) distinct operators. */
    FEWER_THAN_K_OPERATORS,
    /** At least {@code count}: that many in shown cells, and more in suppressed ones. */
    AT_LEAST
  }

  /** Nothing hidden. */
  public static final HiddenCount NONE = new HiddenCount(Form.EXACT, 0);

  public HiddenCount {
    Objects.requireNonNull(form, "form");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
  }

  /** Whether any deployment is hidden (in any form). */
  public boolean any() {
    return form != Form.EXACT || count > 0;
  }

  /** The JSON value: a number, {@code "<k"} or {@code "≥N"}. */
  @JsonValue
  public Object json() {
    return switch (form) {
      case EXACT -> count;
      case FEWER_THAN_K_OPERATORS -> "<" + count;
      case AT_LEAST -> "≥" + count;
    };
  }

  /** Reads the JSON value back (a number, {@code "<k"} or {@code "≥N"}), as the command line does from the API. */
  @JsonCreator
  public static HiddenCount parse(Object value) {
    if (value instanceof Number number) {
      return new HiddenCount(Form.EXACT, number.intValue());
    }
    String text = String.valueOf(value).strip();
    try {
      if (text.startsWith("<")) {
        return new HiddenCount(Form.FEWER_THAN_K_OPERATORS, Integer.parseInt(text.substring(1)));
      }
      if (text.startsWith("≥")) {
        return new HiddenCount(Form.AT_LEAST, Integer.parseInt(text.substring(1)));
      }
      return new HiddenCount(Form.EXACT, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("a hidden count is a number, \"<k\" or \"≥N\", not '" + text + "'", "hiddenDeployments");
    }
  }

  @Override
  public String toString() {
    return String.valueOf(json());
  }

  /**
   * Counts the deployments one viewer may not see. Add each hidden deployment once; {@code suppressed}
   * holds the cells (sector and country, {@link #cell}) that the viewer's answer shows as {@code "<k"}.
   * Not thread-safe.
   */
  static final class Counter {
    private final Set<String> suppressed;
    private final int k;
    private final Set<String> operators = new HashSet<>();
    private int shown;
    private boolean partial;

    Counter(Set<String> suppressed, int k) {
      this.suppressed = suppressed;
      this.k = k;
    }

    void add(WhereUsed.DeploymentHit hit) {
      operators.add(hit.operator());
      if (suppressed.contains(cell(hit.sector(), hit.country()))) {
        partial = true;
      } else {
        shown++;
      }
    }

    HiddenCount count() {
      if (operators.isEmpty()) {
        return NONE;
      }
      if (operators.size() < k) {
        return new HiddenCount(Form.FEWER_THAN_K_OPERATORS, k);
      }
      return partial ? new HiddenCount(Form.AT_LEAST, shown) : new HiddenCount(Form.EXACT, shown);
    }
  }

  /** The key of a sector × country cell. */
  static String cell(String sector, String country) {
    return sector + '\u0000' + country;
  }
}
