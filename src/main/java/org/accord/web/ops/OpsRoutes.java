package org.accord.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.accord.app.Accord;
import org.accord.app.replicas.ChangeFeed;
import org.accord.app.replicas.Job;
import org.accord.web.Parameters;
import org.accord.web.WebServer;

/**
 * {@code /healthz}, {@code /readyz} and {@code /metrics}, and the change-feed headers on every route
 * (ADRs 0146, 0147). The three routes are public and outside {@code /api/v1}: they name no
 * organization, case or member, only instance-wide figures, so a load balancer and a Prometheus
 * scraper need no token.
 *
 * <ul>
 *   <li>{@code X-Accord-Applied} on every answer: the newest change this replica had applied.
 *   <li>{@code X-Accord-Change} on every answer to a write (not GET or HEAD): the newest change applied
 *       after it, at least the write's own.
 *   <li>{@code X-Accord-After: N} on a request: answered once change N is applied here, waiting at most
 *       {@link #AFTER_WAIT}; else 503 with {@code Retry-After: 1} and a JSON body saying which change
 *       is applied and which is asked. A value that is not a whole number from 0 is a 400 naming the header.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class OpsRoutes implements WebServer.RouteModule {
  /** The longest a request with {@code X-Accord-After} waits for this replica to apply the change. */
  public static final Duration AFTER_WAIT = Duration.ofSeconds(5);
  /** How long {@code /readyz} waits for {@code SELECT 1}. */
  static final Duration PING = Duration.ofSeconds(2);
  private static final String STARTED = "accord.ops.started";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile boolean draining;

  /** Makes {@code /readyz} answer 503 from now on, so the load balancer stops sending requests here. */
  @Override
  public void draining() {
    draining = true;
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void register(JavalinConfig config, WebServer server) {
    Accord accord = server.accord();
    ChangeFeed feed = accord.feed();
    gauges(accord);
    config.routes.before(ctx -> before(ctx, feed));
    config.routes.after(ctx -> after(ctx, feed));
    server.get(config, "/healthz", Parameters.NONE, ctx -> ctx.json(health(accord)));
    server.get(config, "/readyz", Parameters.NONE, ctx -> ready(ctx, accord));
    server.get(config, "/metrics", Parameters.NONE,
        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  private void gauges(Accord accord) {
    ChangeFeed feed = accord.feed();
    Gauge.builder("accord.graph.components", accord, a -> a.graph().stats().components()).register(registry);
    Gauge.builder("accord.graph.edges", accord, a -> a.graph().stats().edges()).register(registry);
    Gauge.builder("accord.graph.deployments", accord, a -> a.graph().stats().deployments()).register(registry);
    Gauge.builder("accord.changes.applied", feed, ChangeFeed::applied).description("newest change applied here").register(registry);
    Gauge.builder("accord.changes.lag", feed, f -> Math.max(0, f.latestSeen() - f.applied()))
        .description("changes known committed and not applied here").register(registry);
    Gauge.builder("accord.changes.applied.age", feed, f -> f.lastAppliedAt() == 0 ? -1 : (accord.now() - f.lastAppliedAt()) / 1000.0)
        .baseUnit("seconds").description("time since this replica last applied a change").register(registry);
    Gauge.builder("accord.outbox.depth", accord, a -> a.operations().outboxDepth()).register(registry);
    Gauge.builder("accord.log.size", accord, a -> a.operations().logSize()).register(registry);
    Gauge.builder("accord.log.checkpoint.age", accord, a -> a.operations().checkpointAgeMillis() / 1000.0)
        .baseUnit("seconds").description("since the newest checkpoint was published; negative when none is").register(registry);
    for (Job job : Job.values()) {
      Gauge.builder("accord.leader", accord, a -> a.leadership().leads(job) ? 1 : 0).tag("job", job.label())
          .description("1 when this replica leads the job").register(registry);
    }
  }

  private static void before(Context ctx, ChangeFeed feed) throws InterruptedException {
    ctx.attribute(STARTED, System.nanoTime());
    String after = ctx.header("X-Accord-After");
    if (after == null) {
      return;
    }
    long wanted;
    try {
      wanted = Long.parseLong(after.strip());
    } catch (NumberFormatException e) {
      wanted = -1;
    }
    if (wanted < 0) {
      throw new io.javalin.http.HttpResponseException(400, "X-Accord-After is a change id, a whole number from 0, not '"
          + (after.length() > 20 ? after.substring(0, 20) + "..." : after) + "'", Map.of("location", "X-Accord-After"));
    }
    if (!feed.awaitApplied(wanted, AFTER_WAIT)) {
      ctx.header("Retry-After", "1");
      ctx.header("X-Accord-Applied", Long.toString(feed.applied()));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "stale: this replica has applied change " + feed.applied() + " and the request needs change " + wanted
          + "; retry, here or on another replica");
      body.put("location", "X-Accord-After");
      body.put("applied", feed.applied());
      body.put("after", wanted);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body).skipRemainingHandlers();
    }
  }

  private void after(Context ctx, ChangeFeed feed) {
    String method = ctx.method().name();
    boolean write = !method.equals("GET") && !method.equals("HEAD");
    if (write) {
      try {
        feed.catchUp(); // the write's own change (a case invitation, a VEX) is applied before its id is named
      } catch (RuntimeException unreachable) {
        // the position below still covers every change this replica applied
      }
    }
    long applied = feed.applied();
    ctx.header("X-Accord-Applied", Long.toString(applied));
    if (write) {
      ctx.header("X-Accord-Change", Long.toString(applied));
    }
    Long started = ctx.attribute(STARTED);
    if (started != null) {
      var endpoint = ctx.endpoints().matchedHttpEndpoint();
      Timer.builder("http.server.requests")
          .tag("method", method)
          .tag("route", endpoint == null ? "unmatched" : endpoint.path)
          .tag("status", Integer.toString(ctx.statusCode()))
          .publishPercentileHistogram()
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static Map<String, Object> health(Accord accord) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "up");
    body.put("applied", accord.feed().applied());
    body.put("caught_up", accord.feed().caughtUp());
    Map<String, Boolean> leads = new LinkedHashMap<>();
    for (Job job : Job.values()) {
      leads.put(job.label(), accord.leadership().leads(job));
    }
    body.put("leads", leads);
    return body;
  }

  private void ready(Context ctx, Accord accord) {
    Optional<String> reason = Optional.empty();
    if (draining) {
      reason = Optional.of("shutting down: finishing the requests in progress");
    } else if (!accord.feed().caughtUp()) {
      reason = Optional.of("starting: applying the change feed (applied " + accord.feed().applied() + ")");
    }
    if (reason.isEmpty()) {
      reason = accord.operations().unreachable(PING);
    }
    if (reason.isEmpty() && accord.feed().unreachable() != null) {
      reason = Optional.of(accord.feed().unreachable());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", reason.isEmpty());
    body.put("applied", accord.feed().applied());
    reason.ifPresent(text -> body.put("reason", text));
    ctx.status(reason.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }
}
