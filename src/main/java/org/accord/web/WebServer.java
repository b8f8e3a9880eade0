package org.accord.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.EnvironmentException;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.app.Accord;
import org.accord.party.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: the {@code /api/v1} JSON API, the public transparency routes and the pages.
 *
 * <p>Security is the default, not an option per route: every path under {@code /api/v1} requires a
 * bearer token (or a session cookie obtained with one) unless a route module declared it public, and
 * the answer without valid credentials is 401 with a JSON error, whether or not the route exists.
 * Cookie-authenticated requests that change state also need the session's CSRF token in the {@code
 * X-Accord-CSRF} header.
 *
 * <p>Thread-safe; {@link #close()} stops the server.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  public static final String API = "/api/v1";
  static final String PRINCIPAL = "accord.principal";

  /** A group of routes; each module registers its own and names its public paths. */
  public interface RouteModule {
    /** Registers routes on {@code config.routes}. */
    void register(JavalinConfig config, WebServer server);

    /** Path prefixes under {@code /api/v1} that need no credentials; none by default. */
    default List<String> publicApiPrefixes() {
      return List.of();
    }

    /**
     * Route paths under {@code /api/v1} that need no credentials for GET, such as {@code
     * /cases/{id}/reveal}; a {@code {name}} matches one path segment. None by default.
     */
    default List<String> publicApiPaths() {
      return List.of();
    }

    /**
     * Paths under {@code /api/v1} whose POST bodies are documents, bounded by the read limits; every
     * other route takes at most {@link WebOptions#formBodyLimit()} bytes (ADR 0088). None by default.
     */
    default List<String> uploadPaths() {
      return List.of();
    }

    /** Told that the server is about to stop (ADR 0147): {@code /readyz} turns 503. Nothing by default. */
    default void draining() {}
  }

  private final Accord accord;
  private final Sessions sessions;
  private final String localToken = LocalCredential.newToken();
  private volatile Principal localPrincipal;
  private final List<RouteModule> modules;
  private final List<String> publicPrefixes = new ArrayList<>();
  private final List<java.util.regex.Pattern> publicGets = new ArrayList<>();
  private final List<java.util.regex.Pattern> uploads = new ArrayList<>();
  private final WebOptions options;
  private final ObjectMapper json;
  private final Javalin app;
  /** The query parameters each route accepts, by {@code "METHOD path"}, as its module declared them. */
  private final Map<String, Parameters> declared = new java.util.concurrent.ConcurrentHashMap<>();

  private WebServer(Accord accord, List<RouteModule> modules, WebOptions options) {
    this.accord = accord;
    this.options = options;
    this.modules = List.copyOf(modules);
    this.sessions = new Sessions(accord.clock(), options);
    this.json =
        new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    for (RouteModule module : modules) {
      for (String prefix : module.publicApiPrefixes()) {
        publicPrefixes.add(API + prefix);
      }
      for (String path : module.publicApiPaths()) {
        publicGets.add(template(API + path));
      }
      for (String path : module.uploadPaths()) {
        uploads.add(template(API + path));
      }
    }
    RequestGuard guard = new RequestGuard(options, (method, path) -> method.equals("POST") && uploads.stream().anyMatch(p -> p.matcher(path).matches()));
    this.app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.maxRequestSize = Math.max(1 << 20, accord.config().limits().maxBytes());
              config.startup.showJavalinBanner = false;
              config.jetty.modifyServer(jetty -> RequestGuard.install(jetty, guard));
              config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(options.requestHeaderSize()));
              config.routes.before(this::securityHeaders);
              config.routes.before(API + "/*", this::authenticate);
              config.routes.before(API, this::authenticate);
              config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), ""));
              config.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage(), e.location()));
              config.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage(), ""));
              config.routes.exception(ForbiddenException.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage(), ""));
              config.routes.exception(org.accord.disclosure.IllegalTransitionException.class,
                  (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage(), ""));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    if (cause(e, RequestGuard.BodyTooLarge.class)) {
                      error(ctx, HttpStatus.CONTENT_TOO_LARGE, new RequestGuard.BodyTooLarge(options.formBodyLimit()).getMessage(), "body");
                      return;
                    }
                    if (cause(e, org.eclipse.jetty.io.EofException.class) || cause(e, java.nio.channels.ClosedChannelException.class)) {
                      LOG.debug("client gone or cut off while sending {} {}", ctx.method(), ctx.path());
                      error(ctx, HttpStatus.BAD_REQUEST, "the request body ended early", "body");
                      return;
                    }
                    LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                    error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error", "");
                  });
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.path().startsWith("/api") && ctx.result() == null) {
                      error(ctx, HttpStatus.NOT_FOUND, "no such resource: " + ctx.path(), "");
                    }
                  });
              for (RouteModule module : modules) {
                module.register(config, this);
              }
            });
  }

  /** A route path as a pattern: each {@code {name}} matches one path segment. */
  private static java.util.regex.Pattern template(String path) {
    return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
  }

  /** The route modules every server has. */
  public static List<RouteModule> standardModules() {
    return List.of(
        // one module a line, so that adding one is a one-line change; the pages, the OpenAPI document and operations last
        new ExposureRoutes(),
        new AdvisoryRoutes(),
        new LedgerRoutes(),
        new PartyRoutes(),
        new ClaimRoutes(),
        new CaseRoutes(),
        new CasePublicationRoutes(),
        new PublishedDocumentRoutes(),
        new NotificationRoutes(),
        new MessageRoutes(),
        new RuleRoutes(),
        new org.accord.web.obligation.ObligationRoutes(),
        new org.accord.web.escalation.AlertRoutes(),
        new ReportRoutes(),
        new IntakeRoutes(),
        new org.accord.web.witness.WitnessRoutes(),
        new org.accord.web.indicators.IndicatorRoutes(),
        new org.accord.web.history.HistoryRoutes(),
        new org.accord.web.accountability.CommitmentRoutes(),
        new org.accord.web.exercise.ExerciseRoutes(),
        new PageRoutes(),
        new org.accord.web.page.Pages(),
        new OidcRoutes(),
        new OpenApiRoutes(),
        new org.accord.web.ops.OpsRoutes());
  }

  /**
   * Starts a server on {@code host:port} (port 0 picks a free one).
   *
   * @throws EnvironmentException if the port cannot be bound
   */
  public static WebServer start(Accord accord, String host, int port) {
    return start(accord, host, port, standardModules(), WebOptions.fromEnvironment());
  }

  /** Starts a server with the given route modules and the options of the environment. */
  public static WebServer start(Accord accord, String host, int port, List<RouteModule> modules) {
    return start(accord, host, port, modules, WebOptions.fromEnvironment());
  }

  /** Starts a server with the standard route modules and the given options. */
  public static WebServer start(Accord accord, String host, int port, WebOptions options) {
    return start(accord, host, port, standardModules(), options);
  }

  /** Starts a server with the given route modules and options. */
  public static WebServer start(Accord accord, String host, int port, List<RouteModule> modules, WebOptions options) {
    Objects.requireNonNull(accord, "accord");
    Objects.requireNonNull(options, "options");
    WebServer server = new WebServer(accord, modules, options);
    try {
      server.app.start(host, port);
    } catch (RuntimeException e) {
      throw new EnvironmentException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
    return server;
  }

  /** The bound port. */
  public int port() {
    return app.port();
  }

  /** The paths of every endpoint (not filters), as registered, such as {@code /api/v1/where-used}. */
  public java.util.Set<String> routePaths() {
    java.util.Set<String> paths = new java.util.TreeSet<>();
    for (var endpoint : app.unsafe.internalRouter.allHttpHandlers()) {
      if (endpoint.endpoint.method.isHttpMethod()) {
        paths.add(endpoint.endpoint.path);
      }
    }
    return paths;
  }

  /**
   * Every endpoint (not filters) as {@code "METHOD path"}, such as {@code "GET /api/v1/where-used"}; the
   * authorization matrix test holds one entry per element.
   */
  public java.util.Set<String> routes() {
    java.util.Set<String> routes = new java.util.TreeSet<>();
    for (var endpoint : app.unsafe.internalRouter.allHttpHandlers()) {
      if (endpoint.endpoint.method.isHttpMethod()) {
        routes.add(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path);
      }
    }
    return routes;
  }

  /**
   * The query parameters each served route accepts, keyed as {@link #routes()}; every route declares
   * them where it is registered (ADR 0096).
   */
  public Map<String, List<String>> routeParameters() {
    Map<String, List<String>> parameters = new java.util.TreeMap<>();
    declared.forEach((route, accepted) -> parameters.put(route, accepted.names()));
    return parameters;
  }

  /** Registers a GET route that accepts exactly the query parameters {@code accepted}. */
  public void get(JavalinConfig config, String path, Parameters accepted, Handler handler) {
    config.routes.get(path, declare("GET", path, accepted, handler));
  }

  /** Registers a POST route that accepts exactly the query parameters {@code accepted}. */
  public void post(JavalinConfig config, String path, Parameters accepted, Handler handler) {
    config.routes.post(path, declare("POST", path, accepted, handler));
  }

  /** Registers a PUT route that accepts exactly the query parameters {@code accepted}. */
  public void put(JavalinConfig config, String path, Parameters accepted, Handler handler) {
    config.routes.put(path, declare("PUT", path, accepted, handler));
  }

  /** Registers a DELETE route that accepts exactly the query parameters {@code accepted}. */
  public void delete(JavalinConfig config, String path, Parameters accepted, Handler handler) {
    config.routes.delete(path, declare("DELETE", path, accepted, handler));
  }

  private Handler declare(String method, String path, Parameters accepted, Handler handler) {
    if (declared.put(method + " " + path, accepted) != null) {
      throw new IllegalStateException("two registrations of " + method + " " + path);
    }
    return ctx -> {
      accepted.check(ctx);
      handler.handle(ctx);
    };
  }

  /** The instance this server serves. */
  public Accord accord() {
    return accord;
  }

  /**
   * The credential of command-line runs on this machine: random per server, never stored in the
   * database; it stands for the instance coordinator acting as organization {@code local}, as the
   * command line does when it opens the data directory itself. The serve command writes it, with the
   * URL, to the data directory's {@link org.accord.store.ServerRecord} (mode 0600).
   */
  public String localToken() {
    return localToken;
  }

  private Principal localPrincipal() {
    Principal principal = localPrincipal;
    if (principal == null) {
      principal = accord.parties().localCoordinator();
      localPrincipal = principal;
    }
    return principal;
  }

  public Sessions sessions() {
    return sessions;
  }

  public WebOptions options() {
    return options;
  }

  ObjectMapper json() {
    return json;
  }

  /** The authenticated principal of an {@code /api/v1} request. */
  public static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("route reached without authentication: " + ctx.path());
    }
    return principal;
  }

  /**
   * The principal an upload is attributed to: the authenticated one, or, for a coordinator only, the
   * coordinator acting for the existing organization named by the {@code org} query parameter.
   *
   * @throws org.accord.ForbiddenException if a non-coordinator names another organization
   * @throws NotFoundException if the named organization does not exist (uploads never create one)
   */
  static Principal acting(WebServer server, Context ctx) {
    return server.accord().parties().actingFor(principal(ctx), ctx.queryParam("org"));
  }

  /**
   * Starts a graceful stop (ADR 0147): the modules are told (readiness turns 503, so a load balancer
   * takes this replica out), then this waits {@code period} while requests still arrive and are
   * answered. {@link #close()} then stops the server, which finishes the requests in progress.
   */
  public void drain(java.time.Duration period) throws InterruptedException {
    modules.forEach(RouteModule::draining);
    if (!period.isZero() && !period.isNegative()) {
      Thread.sleep(period.toMillis());
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  private void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" on the login form's
    // own POST, and the login's Origin check needs the real origin (ADR 0088)
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
    if (ctx.path().startsWith("/api")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  private void authenticate(Context ctx) {
    String path = ctx.path();
    for (String prefix : publicPrefixes) {
      if (path.startsWith(prefix)) {
        return;
      }
    }
    if (ctx.method().name().equals("GET") && publicGets.stream().anyMatch(p -> p.matcher(path).matches())) {
      return;
    }
    Optional<Principal> principal = Optional.empty();
    String header = ctx.header("Authorization");
    if (bearer(ctx)) {
      principal = bearerPrincipal(ctx);
    } else {
      Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
      if (session.isPresent()) {
        boolean safe = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        if (!safe && !Sessions.csrfMatches(session.get(), ctx.header("X-Accord-CSRF"))) {
          throw new ApiError(HttpStatus.FORBIDDEN, "missing or wrong X-Accord-CSRF header for a cookie session");
        }
      }
      principal = stillValid(session).map(Sessions.Session::principal);
    }
    if (principal.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"accord\"");
      throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          header == null ? "authentication required: send Authorization: Bearer <token>" : "invalid or unknown token");
    }
    ctx.attribute(PRINCIPAL, principal.get());
  }

  private static boolean bearer(Context ctx) {
    String header = ctx.header("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /** The principal of the request's {@code Authorization: Bearer} token; empty without one or for a bad one. */
  private Optional<Principal> bearerPrincipal(Context ctx) {
    if (!bearer(ctx)) {
      return Optional.empty();
    }
    String token = ctx.header("Authorization").substring(7).strip();
    return LocalCredential.matches(localToken, token) ? Optional.of(localPrincipal()) : accord.parties().authenticate(token);
  }

  /**
   * Who asks for a page (a GET outside {@code /api/v1}): the holder of a bearer token, or of a session
   * cookie whose principal is still valid, with that session; empty otherwise, as the API would answer
   * 401. The API's own filter decides for {@code /api/v1}; this is the same decision for pages.
   */
  public Optional<Caller> caller(Context ctx) {
    if (bearer(ctx)) {
      return bearerPrincipal(ctx).map(p -> new Caller(p, Optional.empty()));
    }
    Optional<Sessions.Session> session = stillValid(sessions.find(ctx.cookie(Sessions.COOKIE)));
    return session.map(s -> new Caller(s.principal(), session));
  }

  /** The session while its principal is still valid (token not revoked, member not removed); else it ends. */
  private Optional<Sessions.Session> stillValid(Optional<Sessions.Session> session) {
    if (session.isPresent() && !accord.parties().stillValid(session.get().principal())) {
      sessions.remove(session.get().id());
      return Optional.empty();
    }
    return session;
  }

  /**
   * An authenticated caller of a page.
   *
   * @param principal who it is
   * @param session its browser session; empty for a bearer token (such a caller has no CSRF token)
   */
  public record Caller(Principal principal, Optional<Sessions.Session> session) {}

  static void error(Context ctx, HttpStatus status, String message, String location) {
    ctx.status(status);
    ctx.json(location == null || location.isEmpty() ? Map.of("error", message) : Map.of("error", message, "location", location));
  }

  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
