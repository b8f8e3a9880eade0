package org.accord.app;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.ledger.CanonicalJson;
import org.accord.ledger.LedgerEvent;

/**
 * Reads the events that operators append directly, over the command line or the API: JSON objects
 * {@code {"type":..., "subject":..., "data":{...}, "time":..., "private":...}}, where type, subject
 * and privacy may default from the caller and time defaults to now. An object without {@code "data"}
 * is itself the data.
 *
 * <p>Types in a namespace Accord writes itself ({@link EventNamespace}: {@code sbom.}, {@code org.},
 * …) are refused: those events come only from Accord's own changes, through the outbox (ADR 0086).
 *
 * <p>Stateless and thread-safe. Every method throws {@link InvalidInputException} naming the problem
 * and where it is.
 */
public final class LedgerAppends {
  private static final Set<String> MEMBERS = Set.of("type", "subject", "data", "time", "private");

  /**
   * Defaults for what an event does not say.
   *
   * @param type the event type, or null for none
   * @param subject the subject, or null for none
   * @param committed whether events are logged as commitments unless they say otherwise
   * @param now the time of an event that gives none, from the instance's clock; not null
   */
  public record Defaults(String type, String subject, boolean committed, Instant now) {
    public Defaults {
      java.util.Objects.requireNonNull(now, "now");
    }
  }

  private LedgerAppends() {}

  /** Parses one event from JSON text; {@code where} names it in errors ("line 7", a file name). */
  public static LedgerService.Append parse(String json, Defaults defaults, String where) {
    Object parsed;
    try {
      parsed = CanonicalJson.parse(json.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), where);
    }
    return fromJson(parsed, defaults, where);
  }

  /** Parses events from JSON text holding one event object or an array of them. */
  public static List<LedgerService.Append> parseAll(String json, Defaults defaults) {
    Object parsed;
    try {
      parsed = CanonicalJson.parse(json.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), "body");
    }
    if (parsed instanceof List<?> items) {
      java.util.ArrayList<LedgerService.Append> appends = new java.util.ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        appends.add(fromJson(items.get(i), defaults, "$[" + i + "]"));
      }
      return appends;
    }
    return List.of(fromJson(parsed, defaults, "$"));
  }

  /** Reads one parsed JSON value (from {@link CanonicalJson#parse}) as an event. */
  @SuppressWarnings("unchecked")
  public static LedgerService.Append fromJson(Object parsed, Defaults defaults, String where) {
    if (!(parsed instanceof Map<?, ?> object)) {
      throw new InvalidInputException("an event is a JSON object", where);
    }
    if (!object.containsKey("data")) {
      return new LedgerService.Append(
          event(require(defaults.type(), "type", where), require(defaults.subject(), "subject", where), defaults.now(),
              (Map<String, Object>) object, where),
          defaults.committed());
    }
    for (Object key : object.keySet()) {
      if (!MEMBERS.contains(key)) {
        throw new InvalidInputException("unknown event member \"" + key + "\" (expected type, subject, data, time, private)", where);
      }
    }
    String type = text(object, "type", where, defaults.type());
    String subject = text(object, "subject", where, defaults.subject());
    Instant time = defaults.now();
    if (object.containsKey("time")) {
      try {
        time = Instant.parse(text(object, "time", where, null));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("\"time\" is not an RFC 3339 UTC time such as 2025-01-02T03:04:05.678Z", where);
      }
    }
    if (!(object.get("data") instanceof Map<?, ?> data)) {
      throw new InvalidInputException("\"data\" is not a JSON object", where);
    }
    boolean committed = defaults.committed();
    if (object.containsKey("private")) {
      if (!(object.get("private") instanceof Boolean flag)) {
        throw new InvalidInputException("\"private\" is not true or false", where);
      }
      committed = flag;
    }
    return new LedgerService.Append(event(type, subject, time, (Map<String, Object>) data, where), committed);
  }

  /**
   * An event to append directly, with a bad field reported as {@link InvalidInputException}, as is a
   * type in a namespace Accord writes itself.
   */
  public static LedgerEvent event(String type, String subject, Instant time, Map<String, Object> data, String where) {
    java.util.Optional<EventNamespace> reserved = EventNamespace.of(type);
    if (reserved.isPresent()) {
      throw new InvalidInputException(
          "event type '" + type + "' is in the namespace '" + reserved.get().prefix() + ".' that Accord writes itself;"
              + " direct appends may not use " + String.join(", ", EventNamespace.prefixes()),
          where);
    }
    try {
      return new LedgerEvent(type, subject, time, data);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage(), where);
    }
  }

  private static String text(Map<?, ?> object, String name, String where, String fallback) {
    Object value = object.get(name);
    if (value == null) {
      return require(fallback, name, where);
    }
    if (!(value instanceof String string)) {
      throw new InvalidInputException("\"" + name + "\" is not a string", where);
    }
    return string;
  }

  private static String require(String value, String name, String where) {
    if (value == null) {
      throw new InvalidInputException("the event names no " + name + " and no default " + name + " is given", where);
    }
    return value;
  }
}
