package org.accord.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The Jetty handler in front of every route: it bounds how long a client may take and how much it may
 * send, before any route code runs (ADR 0088).
 *
 * <ul>
 *   <li>Header deadline: a connection whose request line and headers are not complete {@code
 *       headerTimeout} after it opened, or after its previous response, is closed (slowloris).
 *   <li>Read deadline: a request whose body is not completely received {@code readTimeout} after its
 *       headers is closed, however steadily the bytes trickle in.
 *   <li>Body limit: a request to a route that is not a document upload may send at most {@code
 *       formBodyLimit} bytes; a larger {@code Content-Length} is answered 413 with a JSON error before
 *       the route runs (after reading and discarding a body of at most {@link #DRAIN_LIMIT}, within
 *       the read deadline), and a chunked body that grows past it fails its read with {@link
 *       BodyTooLarge}, which the server answers 413.
 * </ul>
 *
 * <p>Thread-safe: per-connection state lives in a concurrent map; deadlines run on Jetty's scheduler.
 */
final class RequestGuard extends Handler.Wrapper implements Connection.Listener {
  private final WebOptions options;
  private final BiPredicate<String, String> upload;
  /** A refused small-route body up to this size is read and discarded before the 413 is sent. */
  static final long DRAIN_LIMIT = 1L << 20;

  private final Map<Connection, Scheduler.Task> headerDeadlines = new ConcurrentHashMap<>();

  /** The body of a request to a small route grew past the limit; answered 413. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super("the body is larger than " + limit + " bytes, the limit of this route; only document uploads may be larger", null);
    }
  }

  /**
   * A guard for {@code server}, to be installed with {@link #install(Server, RequestGuard)}.
   *
   * @param upload whether a (method, path) is a document upload, exempt from the small body limit
   */
  RequestGuard(WebOptions options, BiPredicate<String, String> upload) {
    this.options = options;
    this.upload = upload;
  }

  /**
   * Puts the guard in front of the server's handler and onto each connector, once the server starts
   * (Javalin sets its handler and connectors after the configuration callbacks run).
   */
  static void install(Server server, RequestGuard guard) {
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            server.insertHandler(guard);
            for (Connector connector : server.getConnectors()) {
              if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setIdleTimeout(guard.options.idleTimeout().toMillis());
              }
              connector.addEventListener(guard);
            }
          }
        });
  }

  @Override
  public void onOpened(Connection connection) {
    armHeaderDeadline(connection);
  }

  @Override
  public void onClosed(Connection connection) {
    Scheduler.Task task = headerDeadlines.remove(connection);
    if (task != null) {
      task.cancel();
    }
  }

  private void armHeaderDeadline(Connection connection) {
    Scheduler scheduler = getServer().getScheduler();
    Scheduler.Task task =
        scheduler.schedule(
            () -> {
              if (headerDeadlines.remove(connection) != null) {
                connection.getEndPoint().close();
              }
            },
            options.headerTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    Scheduler.Task previous = headerDeadlines.put(connection, task);
    if (previous != null) {
      previous.cancel();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Connection connection = request.getConnectionMetaData().getConnection();
    Scheduler.Task headerTask = headerDeadlines.remove(connection);
    if (headerTask != null) {
      headerTask.cancel();
    }
    long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    boolean small = !upload.test(request.getMethod(), request.getHttpURI().getPath());
    if (small && length > options.formBodyLimit()) {
      String message = new BodyTooLarge(options.formBodyLimit()).getMessage();
      if (length <= DRAIN_LIMIT) {
        // Read the announced body before answering: closing a connection with unread bytes makes the
        // peer's TCP stack send a reset, which can reach the client before the 413 and lose it (a
        // browser then shows a connection error instead of the refusal). Past DRAIN_LIMIT the answer
        // is sent at once, and the client may see the reset.
        // The read deadline holds here too, so a trickled body cannot hold the connection.
        Scheduler.Task deadline = getServer().getScheduler().schedule(
            () -> connection.getEndPoint().close(), options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Runnable answer = () -> {
          deadline.cancel();
          refuse(response, callback, message);
        };
        org.eclipse.jetty.io.Content.Source.consumeAll(request, Callback.from(answer, failure -> answer.run()));
      } else {
        refuse(response, callback, message);
      }
      return true;
    }
    AtomicBoolean received = new AtomicBoolean(length <= 0 && !chunked);
    Scheduler.Task readTask =
        received.get()
            ? null
            : getServer().getScheduler().schedule(
                () -> {
                  if (!received.get()) {
                    connection.getEndPoint().close();
                  }
                },
                options.readTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    Request guarded = new Guarded(request, received, small ? options.formBodyLimit() : Long.MAX_VALUE);
    Callback finished =
        new Callback.Nested(callback) {
          @Override
          public void completed() {
            received.set(true);
            if (readTask != null) {
              readTask.cancel();
            }
            if (connection.getEndPoint().isOpen()) {
              armHeaderDeadline(connection);
            }
          }
        };
    return super.handle(guarded, response, finished);
  }

  private static void refuse(Response response, Callback callback, String message) {
    response.setStatus(413);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    String body = "{\n  \"error\" : \"" + message.replace("\"", "'") + "\"\n}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The request as routes see it: reads counted against the limit, and the end of the body noted. */
  private static final class Guarded extends Request.Wrapper {
    private final AtomicBoolean received;
    private final long limit;
    private long read;

    Guarded(Request request, AtomicBoolean received, long limit) {
      super(request);
      this.received = received;
      this.limit = limit;
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = super.read();
      if (chunk == null) {
        return null;
      }
      if (Content.Chunk.isFailure(chunk)) {
        return chunk;
      }
      read += chunk.remaining();
      if (read > limit) {
        chunk.release();
        return Content.Chunk.from(new BodyTooLarge(limit), true);
      }
      if (chunk.isLast()) {
        received.set(true);
      }
      return chunk;
    }
  }
}
