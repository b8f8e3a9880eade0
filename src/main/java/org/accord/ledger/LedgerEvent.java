package org.accord.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One accountable event: who did what to which subject, and when. Its log entry is the RFC 8785
 * canonical JSON of
 *
 * <pre>
 * {"data":{...},"prev":"&lt;hex&gt;","subject":"sbom:...","time":"2025-01-02T03:04:05.678Z","type":"sbom.ingested","v":1}
 * </pre>
 *
 * <p>{@code prev} is the SHA-256 of the previous event's entry for the same subject, absent for a
 * subject's first event; so the order of events within a subject (a case, a document) is fixed by the
 * chain of hashes, never by log position. The ledger service assigns it when it appends.
 *
 * <p>Immutable and thread-safe. The constructor throws {@link IllegalArgumentException} naming the
 * field that is wrong: a type that is not dotted lower-case words, an empty subject or one with
 * control characters, a time outside years 0–9999, data that is not canonical JSON (see {@link
 * CanonicalJson}).
 *
 * @param type what happened, dotted lower-case words such as {@code sbom.ingested}
 * @param subject what it happened to, such as {@code case:ACC-2025-0001} or {@code sbom:<sha256>}
 * @param time when, UTC, kept to the millisecond
 * @param data the event's details as JSON-ready values (see {@link CanonicalJson}), deeply copied
 */
public record LedgerEvent(String type, String subject, Instant time, Map<String, Object> data) {
  /** The version of the entry format, the {@code v} member. */
  public static final int FORMAT_VERSION = 1;
  /** The longest type accepted. */
  public static final int MAX_TYPE_LENGTH = 100;
  /** The longest subject accepted. */
  public static final int MAX_SUBJECT_LENGTH = 1000;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final Set<String> MEMBERS = Set.of("data", "prev", "subject", "time", "type", "v");

  @SuppressWarnings("unchecked")
  public LedgerEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    if (type.length() > MAX_TYPE_LENGTH || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "event type '" + type + "' must be dotted lower-case words (a-z, 0-9, _ and -), such as sbom.ingested");
    }
    if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
      throw new IllegalArgumentException("event subject must be 1 to " + MAX_SUBJECT_LENGTH + " characters");
    }
    if (subject.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw new IllegalArgumentException("event subject must not contain control characters");
    }
    time = time.truncatedTo(ChronoUnit.MILLIS);
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
      throw new IllegalArgumentException("event time " + time + " is outside the years 0000 to 9999");
    }
    try {
      data = (Map<String, Object>) CanonicalJson.copy(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("event data: " + e.getMessage().replaceFirst("^\\$", "data"), e);
    }
  }

  /** An event that happens now. */
  public static LedgerEvent now(String type, String subject, Map<String, Object> data) {
    return new LedgerEvent(type, subject, Instant.now(), data);
  }

  /** The time as the entry writes it: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  public String timeText() {
    return TIME.format(time);
  }

  /** The canonical entry bytes of this event, chained to {@code previous} (the hash of the subject's previous entry). */
  public byte[] encode(Optional<Hash> previous) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("data", data);
    previous.ifPresent(hash -> members.put("prev", hash.hex()));
    members.put("subject", subject);
    members.put("time", timeText());
    members.put("type", type);
    members.put("v", FORMAT_VERSION);
    return CanonicalJson.bytes(members);
  }

  /**
   * An event read back from its entry, with the hash of its predecessor if it names one.
   *
   * @param event the event
   * @param previous the hash of the subject's previous entry, if any
   */
  public record Decoded(LedgerEvent event, Optional<Hash> previous) {
    public Decoded {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(previous, "previous");
    }
  }

  /**
   * Reads an event entry back, checking that it is exactly the canonical form this class writes.
   *
   * @throws VerificationException naming what is wrong: not JSON, not canonical, a missing or unknown
   *     member, a bad value
   */
  @SuppressWarnings("unchecked")
  public static Decoded decode(byte[] entry) throws VerificationException {
    String text = new String(entry, StandardCharsets.UTF_8);
    Object parsed;
    try {
      parsed = CanonicalJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("event is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new VerificationException("event is not a JSON object");
    }
    for (Object key : map.keySet()) {
      if (!MEMBERS.contains(key)) {
        throw new VerificationException("event has an unknown member \"" + key + "\"");
      }
    }
    Object version = map.get("v");
    if (!(version instanceof BigDecimal v) || v.compareTo(BigDecimal.valueOf(FORMAT_VERSION)) != 0) {
      throw new VerificationException("event format version \"v\" is " + version + ", expected " + FORMAT_VERSION);
    }
    String type = member(map, "type");
    String subject = member(map, "subject");
    String timeText = member(map, "time");
    if (!(map.get("data") instanceof Map<?, ?> data)) {
      throw new VerificationException("event member \"data\" is missing or not an object");
    }
    Optional<Hash> previous = Optional.empty();
    if (map.containsKey("prev")) {
      try {
        previous = Optional.of(Hash.fromHex(member(map, "prev")));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("event member \"prev\" is not a hex hash: " + e.getMessage());
      }
    }
    LedgerEvent event;
    try {
      event = new LedgerEvent(type, subject, Instant.from(TIME.parse(timeText)), (Map<String, Object>) data);
    } catch (DateTimeParseException e) {
      throw new VerificationException("event time '" + timeText + "' is not yyyy-MM-ddTHH:mm:ss.SSSZ");
    } catch (IllegalArgumentException e) {
      throw new VerificationException(e.getMessage());
    }
    if (!text.equals(new String(event.encode(previous), StandardCharsets.UTF_8))) {
      throw new VerificationException("event is not in canonical form (RFC 8785)");
    }
    return new Decoded(event, previous);
  }

  private static String member(Map<?, ?> map, String name) throws VerificationException {
    if (!(map.get(name) instanceof String value)) {
      throw new VerificationException("event member \"" + name + "\" is missing or not a string");
    }
    return value;
  }
}
