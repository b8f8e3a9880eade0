package org.accord.jurisdiction;

import java.util.List;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * A rule pack that cannot be used, with every problem found: each names the file and the JSON Pointer
 * (RFC 6901) of the field at fault. The location is {@code FILE#POINTER} of the first problem, as in
 * {@code rules/acme.json#/rules/0/trigger}, or the file alone when the whole document is at fault.
 */
public final class RulePackException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param pointer the JSON Pointer of the field at fault; {@code ""} for the whole document
   * @param message what is wrong
   */
  public record Problem(String pointer, String message) {
    public Problem {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(message, "message");
    }
  }

  private final String file;
  private final transient List<Problem> problems;

  /** @param problems at least one */
  public RulePackException(String file, List<Problem> problems) {
    super(message(problems), location(file, problems.get(0).pointer()));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  /** One problem at {@code pointer}. */
  public RulePackException(String file, String pointer, String message) {
    this(file, List.of(new Problem(pointer, message)));
  }

  /** The file the pack was read from, as its reader named it. */
  public String file() {
    return file;
  }

  /** Every problem, in document order; never empty. */
  public List<Problem> problems() {
    return problems;
  }

  /** {@code FILE#POINTER}, or {@code FILE} for the whole document. */
  public static String location(String file, String pointer) {
    return pointer.isEmpty() ? file : file + "#" + pointer;
  }

  private static String message(List<Problem> problems) {
    String first = problems.get(0).message();
    if (problems.size() == 1) {
      return first;
    }
    StringBuilder more = new StringBuilder(first).append(" (and ").append(problems.size() - 1).append(" more:");
    for (Problem problem : problems.subList(1, problems.size())) {
      more.append(' ').append(problem.pointer().isEmpty() ? "(document)" : problem.pointer()).append(": ")
          .append(problem.message()).append(';');
    }
    more.setLength(more.length() - 1);
    return more.append(')').toString();
  }
}
