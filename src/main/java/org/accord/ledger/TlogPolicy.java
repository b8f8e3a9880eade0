package org.accord.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A C2SP tlog-policy: the logs a client accepts, the witnesses it knows and the quorum of them that
 * must cosign a checkpoint before the client believes it [1].
 *
 * <pre>
 * log example.com/log+33d7b496+AeHTu4Q3...
 * witness X1 w1.example+4b7fca75+BStu...
 * witness X2 w2.example+abcd1234+BKxz...
 * group X 2 X1 X2
 * quorum X
 * </pre>
 *
 * <p>{@link #parse} follows the grammar and names the line that breaks it: items separated by spaces
 * and tabs, blank and {@code #} comment lines ignored, no control characters but tab; {@code log
 * <vkey> [<url>]} (a signed-note Ed25519 key, its name the log's origin), {@code witness <name>
 * <vkey> [<url>]} (a {@code cosignature/v1} key, type 0x04), {@code group <name> all|any|<k>
 * <member>...} over names defined on earlier lines, each member at most once, 1 ≤ k ≤ n, and exactly
 * one {@code quorum <name>} ({@code none} requires no cosignature). Names share one namespace;
 * duplicate keys are refused. {@link #verify} accepts a checkpoint note only when a listed log signed
 * it and the quorum holds over the witnesses whose cosignature lines verify.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP tlog-policy, https://c2sp.org/tlog-policy.
 */
public final class TlogPolicy {
  /** The predefined quorum name that requires no cosignature. */
  public static final String NONE = "none";
  /** The most logs, witnesses or groups accepted (the spec asks for at least 32). */
  public static final int MAX_ITEMS = 256;

  private final List<NoteVerifier> logs;
  private final Map<String, CosignatureVerifier> witnesses;
  private final Map<String, Group> groups;
  private final String quorum;

  private record Group(int threshold, List<String> members) {}

  private TlogPolicy(List<NoteVerifier> logs, Map<String, CosignatureVerifier> witnesses, Map<String, Group> groups, String quorum) {
    this.logs = List.copyOf(logs);
    this.witnesses = Map.copyOf(witnesses);
    this.groups = Map.copyOf(groups);
    this.quorum = quorum;
  }

  /** The logs this policy accepts. */
  public List<NoteVerifier> logs() {
    return logs;
  }

  /** The witnesses by their policy name. */
  public Map<String, CosignatureVerifier> witnesses() {
    return witnesses;
  }

  /** The quorum's name. */
  public String quorum() {
    return quorum;
  }

  /**
   * Parses a policy file.
   *
   * @throws VerificationException naming the line and what is wrong with it
   */
  public static TlogPolicy parse(String text) throws VerificationException {
    Objects.requireNonNull(text, "text");
    List<NoteVerifier> logs = new ArrayList<>();
    Map<String, CosignatureVerifier> witnesses = new LinkedHashMap<>();
    Map<String, Group> groups = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    String quorum = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = "line " + (i + 1);
      String line = lines[i];
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
          throw new VerificationException("policy contains the control character U+" + String.format("%04X", (int) ch), where);
        }
      }
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      String[] items = stripped.split("[ \t]+");
      switch (items[0]) {
        case "log" -> {
          arity(items, 2, 3, "log <vkey> [<url>]", where);
          NoteVerifier key = located(() -> NoteVerifier.parse(items[1]), where);
          if (!keys.add("log " + NoteVerifier.hex(key.publicKey()))) {
            throw new VerificationException("log key is listed twice", where);
          }
          limit(logs.size(), "logs", where);
          logs.add(key);
        }
        case "witness" -> {
          arity(items, 3, 4, "witness <name> <vkey> [<url>]", where);
          String name = newName(items[1], witnesses, groups, where);
          CosignatureVerifier key = located(() -> CosignatureVerifier.parse(items[2]), where);
          if (!keys.add("witness " + NoteVerifier.hex(key.publicKey()))) {
            throw new VerificationException("witness key of '" + name + "' is listed twice", where);
          }
          limit(witnesses.size(), "witnesses", where);
          witnesses.put(name, key);
        }
        case "group" -> {
          if (items.length < 4) {
            throw new VerificationException("a group line is 'group <name> all|any|<k> <member>...' with at least one member", where);
          }
          String name = newName(items[1], witnesses, groups, where);
          List<String> members = new ArrayList<>();
          for (int m = 3; m < items.length; m++) {
            String member = items[m];
            if (!witnesses.containsKey(member) && !groups.containsKey(member)) {
              throw new VerificationException("group member '" + member + "' is not a witness or group defined on an earlier line", where);
            }
            if (members.contains(member)) {
              throw new VerificationException("group member '" + member + "' is listed twice", where);
            }
            members.add(member);
          }
          int threshold = threshold(items[2], members.size(), where);
          limit(groups.size(), "groups", where);
          groups.put(name, new Group(threshold, members));
        }
        case "quorum" -> {
          arity(items, 2, 2, "quorum <name>", where);
          if (quorum != null) {
            throw new VerificationException("a policy has exactly one quorum line; this is the second", where);
          }
          if (!items[1].equals(NONE) && !witnesses.containsKey(items[1]) && !groups.containsKey(items[1])) {
            throw new VerificationException("quorum '" + items[1] + "' is not a witness or group defined on an earlier line", where);
          }
          quorum = items[1];
        }
        default -> throw new VerificationException("unknown policy line '" + items[0] + "'; expected log, witness, group or quorum", where);
      }
    }
    if (quorum == null) {
      throw new VerificationException("policy has no quorum line");
    }
    return new TlogPolicy(logs, witnesses, groups, quorum);
  }

  private interface Parse<T> {
    T get() throws VerificationException;
  }

  private static <T> T located(Parse<T> parse, String where) throws VerificationException {
    try {
      return parse.get();
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), where);
    }
  }

  private static void arity(String[] items, int min, int max, String form, String where) throws VerificationException {
    if (items.length < min || items.length > max) {
      throw new VerificationException("a " + items[0] + " line is '" + form + "'", where);
    }
  }

  private static void limit(int count, String what, String where) throws VerificationException {
    if (count == MAX_ITEMS) {
      throw new VerificationException("policy has more than " + MAX_ITEMS + " " + what, where);
    }
  }

  private static String newName(String name, Map<String, ?> witnesses, Map<String, ?> groups, String where)
      throws VerificationException {
    if (name.equals(NONE)) {
      throw new VerificationException("'none' is predefined and cannot name a witness or group", where);
    }
    if (witnesses.containsKey(name) || groups.containsKey(name)) {
      throw new VerificationException("name '" + name + "' is defined twice", where);
    }
    return name;
  }

  private static int threshold(String text, int members, String where) throws VerificationException {
    if (text.equals("all")) {
      return members;
    }
    if (text.equals("any")) {
      return 1;
    }
    if (!text.matches("[1-9][0-9]{0,8}")) {
      throw new VerificationException("group threshold '" + text + "' is not all, any or a decimal k", where);
    }
    int k = Integer.parseInt(text);
    if (k > members) {
      throw new VerificationException("group threshold " + k + " is larger than its " + members + " members", where);
    }
    return k;
  }

  /**
   * A checkpoint this policy accepts.
   *
   * @param checkpoint the checkpoint
   * @param log the listed log key that signed it
   * @param cosigners the policy names of the witnesses whose cosignatures verified, sorted
   */
  public record Accepted(Checkpoint checkpoint, NoteVerifier log, List<String> cosigners) {}

  /**
   * Checks a checkpoint note, its cosignature lines appended to it, against this policy.
   *
   * @param extraLog a log key known from context, accepted besides the listed ones (for a policy with no
   *     log lines), or empty
   * @throws VerificationException if the note is malformed, no accepted log signed it, or the quorum did
   *     not cosign it (the message names the quorum and the witnesses that did)
   */
  public Accepted verify(String noteText, Optional<NoteVerifier> extraLog) throws VerificationException {
    Note note = Note.parse(noteText);
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    List<NoteVerifier> candidates = new ArrayList<>(logs);
    extraLog.ifPresent(candidates::add);
    NoteVerifier signer = null;
    for (NoteVerifier key : candidates) {
      if (!key.name().equals(checkpoint.origin())) {
        continue;
      }
      try {
        key.verify(note);
        signer = key;
        break;
      } catch (VerificationException e) {
        // not this key: try the next accepted log key
      }
    }
    if (signer == null) {
      throw new VerificationException("checkpoint of '" + checkpoint.origin() + "' is not signed by a log the policy accepts");
    }
    Set<String> cosigned = new TreeSet<>();
    for (Map.Entry<String, CosignatureVerifier> witness : witnesses.entrySet()) {
      if (witness.getValue().cosignature(note).isPresent()) {
        cosigned.add(witness.getKey());
      }
    }
    if (!holds(quorum, cosigned, new HashMap<>())) {
      throw new VerificationException("checkpoint of '" + checkpoint.origin() + "' at size " + checkpoint.size()
          + " is not cosigned by the quorum '" + quorum + "'" + describe(quorum) + "; valid cosignatures from: "
          + (cosigned.isEmpty() ? "none" : String.join(", ", cosigned)));
    }
    return new Accepted(checkpoint, signer, List.copyOf(cosigned));
  }

  /** Whether {@code name} witnessed, given the witnesses that cosigned. */
  public boolean holds(String name, Set<String> cosigned) {
    return holds(name, cosigned, new HashMap<>());
  }

  private boolean holds(String name, Set<String> cosigned, Map<String, Boolean> memo) {
    if (name.equals(NONE)) {
      return true;
    }
    if (witnesses.containsKey(name)) {
      return cosigned.contains(name);
    }
    Boolean known = memo.get(name);
    if (known != null) {
      return known;
    }
    Group group = groups.get(name);
    int count = 0;
    for (String member : group.members()) {
      if (holds(member, cosigned, memo)) {
        count++;
      }
    }
    boolean result = count >= group.threshold();
    memo.put(name, result);
    return result;
  }

  private String describe(String name) {
    Group group = groups.get(name);
    return group == null ? "" : " (" + group.threshold() + " of " + String.join(", ", group.members()) + ")";
  }
}
