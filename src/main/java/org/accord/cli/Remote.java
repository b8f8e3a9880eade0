package org.accord.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;

/**
 * A running Accord server's API, as the command line uses it when a server holds the data directory
 * or {@code --server} names one. Answers are read into the same types the application layer returns,
 * so a command prints the same text and JSON either way.
 *
 * <p>Errors keep their meaning across the wire: a 400 becomes {@link InvalidInputException} with the
 * server's location, a 403 {@link ForbiddenException}, a 404 {@link NotFoundException}, anything
 * else a {@link UserException} naming the server. Thread-safe.
 */
public final class Remote {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final URI base;
  private final String token;
  private final String description;

  Remote(String baseUrl, String token, String description) {
    String url = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    try {
      this.base = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UserException("not a server URL: '" + baseUrl + "'");
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new UserException("a server URL starts with http:// or https://, not '" + baseUrl + "'");
    }
    this.token = token;
    this.description = description;
  }

  /** Names the server in messages, such as "the Accord server at http://127.0.0.1:8080/ (pid 42)". */
  String describe() {
    return description;
  }

  /** GETs {@code path} (relative, such as {@code api/v1/findings}) with query parameters; nulls are left out. */
  public <T> T get(String path, Query query, Class<T> type) {
    return read(send("GET", uri(path, query), null, null), type);
  }

  /** GETs {@code path} and returns the body as text (CSV, for instance). */
  String getText(String path, Query query) {
    Response response = send("GET", uri(path, query), null, null);
    if (response.ok()) {
      return new String(response.body(), StandardCharsets.UTF_8);
    }
    return read(response, String.class); // throws the error the status stands for
  }

  /** POSTs a body read from {@code body} (not closed) as {@code contentType}. */
  public <T> T post(String path, Query query, InputStream body, String contentType, Class<T> type) {
    return read(send("POST", uri(path, query), contentType, body), type);
  }

  /** POSTs a JSON value. */
  public <T> T postJson(String path, Object value, Class<T> type) {
    return sendJson("POST", path, value, type);
  }

  /** PUTs a JSON value. */
  <T> T putJson(String path, Object value, Class<T> type) {
    return sendJson("PUT", path, value, type);
  }

  private <T> T sendJson(String method, String path, Object value, Class<T> type) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
    return read(send(method, uri(path, new Query()), "application/json", new java.io.ByteArrayInputStream(body)), type);
  }

  /** DELETEs {@code path}. */
  <T> T delete(String path, Class<T> type) {
    return read(send("DELETE", uri(path, new Query()), null, null), type);
  }

  /** Query parameters in order; a name may repeat. Not thread-safe. */
  public static final class Query {
    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();

    /** Adds a parameter, unless {@code value} is null. */
    Query add(String name, String value) {
      if (value != null) {
        parameters.add(Map.entry(name, value));
      }
      return this;
    }
  }

  /** {@code text} encoded as one path segment (spaces as %20, slashes escaped). */
  public static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Query parameters from name, value pairs, leaving out null values. */
  public static Query query(String... namesAndValues) {
    Query query = new Query();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }

  private URI uri(String path, Query query) {
    StringBuilder text = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> parameter : query.parameters) {
      text.append(separator)
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return base.resolve(text.toString());
  }

  /** A status and body. */
  private record Response(int status, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  // HttpURLConnection rather than java.net.http.HttpClient: the latter builds the default TLS context
  // on creation even for plain http, which cost a fifth of a short command's run on the loopback path.
  private Response send(String method, URI uri, String contentType, InputStream body) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
      connection.setReadTimeout((int) TIMEOUT.toMillis());
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Accept", "application/json");
      if (body != null) {
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(1 << 16);
        connection.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = connection.getOutputStream()) {
          body.transferTo(out);
        }
      }
      int status = connection.getResponseCode();
      try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
        return new Response(status, in == null ? new byte[0] : in.readAllBytes());
      }
    } catch (ConnectException e) {
      throw new UserException("cannot reach " + description + ": connection refused");
    } catch (IOException e) {
      throw new UserException("cannot reach " + description + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private <T> T read(Response response, Class<T> type) {
    int status = response.status();
    if (response.ok()) {
      try {
        return JSON.readValue(response.body(), type);
      } catch (IOException e) {
        throw new IllegalStateException(description + " sent an answer this client cannot read: " + e.getMessage(), e);
      }
    }
    String error = "";
    String location = "";
    try {
      JsonNode body = JSON.readTree(response.body());
      error = body.path("error").asText("");
      location = body.path("location").asText("");
    } catch (IOException | RuntimeException notJson) {
      // The status alone is the message then.
    }
    if (status == 400) {
      throw new InvalidInputException(error.isEmpty() ? "bad request" : error, location.isEmpty() ? null : location);
    }
    if (status == 404) {
      throw new NotFoundException(error.isEmpty() ? "not found" : error);
    }
    if (status == 403) {
      throw new ForbiddenException(error.isEmpty() ? description + " refused the request (403)" : error);
    }
    if (status == 409 && !error.isEmpty()) {
      throw new UserException(error); // an illegal transition: the server's reason, as the local command says it
    }
    if (status == 401) {
      throw new UserException(
          description + " refused the request (401" + (error.isEmpty() ? "" : ": " + error) + "); check ACCORD_TOKEN");
    }
    throw new UserException(description + " answered " + status + (error.isEmpty() ? "" : ": " + error));
  }
}
