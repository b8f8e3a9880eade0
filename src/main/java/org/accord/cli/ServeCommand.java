package org.accord.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.accord.app.Accord;
import org.accord.app.CaseDeadlines;
import org.accord.app.CaseReminders;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord serve}: the API and pages on the data directory, until interrupted. */
@Command(
    name = "serve",
    description = {
      "Serve the API and the explorer page.",
      "",
      "The API under /api/v1, its OpenAPI document at /api/openapi.json and the explorer at /. The data "
          + "directory belongs to this process while it runs; a second process on it fails clearly.",
      "",
      "While it serves, embargo invitations whose RSVP deadline passed lapse (the invitee declines), checked every "
          + "ACCORD_RSVP_SWEEP_SECONDS seconds (default 60; 0 turns it off), and reminders go out (an invitation unseen after "
          + "7 days, no status after 14 days, an RSVP deadline within 24 hours, an embargo ending within 72 and 24 hours), "
          + "checked every ACCORD_REMINDER_SWEEP_SECONDS seconds (default 60; 0 turns them off)."
    })
class ServeCommand extends AccordCommand {
  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to bind (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  protected int execute() throws InterruptedException {
    WebServer server = startServing(context().accord());
    announce(server, null);
    serveUntilStopped(server);
    return Main.OK;
  }

  /**
   * Starts the server on {@code host:port} and, while it serves, the background work: the RSVP deadline
   * sweep every {@value CaseDeadlines#PERIOD_VARIABLE} seconds (ADR 0116), the reminder sweep every {@value
   * CaseReminders#PERIOD_VARIABLE} seconds (ADR 0126), the plan wave sweep every {@value
   * org.accord.app.PlanWaves#PERIOD_VARIABLE} seconds (ADR 0134; a malformed period of any fails before the
   * server starts) and notification delivery (ADR 0119). Both {@code serve} and {@code demo} start here; the
   * instance stops them all on close.
   */
  WebServer startServing(Accord accord) {
    Optional<Duration> sweep = CaseDeadlines.period(System.getenv());
    Optional<Duration> reminders = CaseReminders.period(System.getenv());
    Optional<Duration> waves = org.accord.app.PlanWaves.period(System.getenv());
    Optional<Duration> obligations = org.accord.app.obligation.Obligations.period(System.getenv());
    Optional<Duration> escalations = org.accord.app.escalation.Escalations.period(System.getenv());
    Optional<Duration> alerts = org.accord.app.escalation.Alerts.period(System.getenv());
    WebServer server = WebServer.start(accord, host, port);
    sweep.ifPresent(period -> accord.caseDeadlines().start(period));
    deliverNotifications(accord, host, server.port());
    // After delivery is configured: the first sweeps run at once, and their e-mail rows (reminders, the
    // invitations of plan waves) need the SMTP settings.
    reminders.ifPresent(period -> accord.reminders().start(period));
    waves.ifPresent(period -> accord.planWaves().start(period));
    obligations.ifPresent(period -> accord.obligations().start(period));
    escalations.ifPresent(period -> accord.escalations().start(period));
    alerts.ifPresent(period -> accord.alerts().start(period));
    return server;
  }

  /**
   * Configures notification delivery from {@code ACCORD_SMTP_URL} and {@code ACCORD_PUBLIC_URL} (the
   * served address when unset) and starts its worker, which the instance stops on close (ADR 0119).
   */
  private static void deliverNotifications(Accord accord, String host, int port) {
    accord.notifications().configure(org.accord.app.Notifications.Settings.fromEnvironment(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
    accord.notifications().start();
    accord.logWitnessing().start(java.time.Duration.ofMillis(500));
  }

  /** The note this server left in the data directory, once {@link #announce} published it. */
  private ServerRecord record;

  @Override
  protected boolean createsData() {
    return true;
  }

  /**
   * Leaves the note that lets command-line runs on this machine reach this server while it holds the
   * data directory ({@link ServerRecord}); {@link #serveUntilStopped} removes it.
   */
  private ServerRecord publish(WebServer server) {
    String local = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
    String url = "http://" + (local.contains(":") ? "[" + local + "]" : local) + ":" + server.port() + "/";
    ServerRecord record = new ServerRecord(url, ProcessHandle.current().pid(), server.localToken());
    record.write(root().dataDir());
    return record;
  }

  /**
   * Leaves the note that lets local commands reach this server, then prints where it listens (and a
   * token, if given), as text or JSON.
   */
  void announce(WebServer server, String token) {
    record = publish(server);
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/";
    if (json) {
      printJson(token == null ? Map.of("url", url) : Map.of("url", url, "token", token));
    } else {
      out().println("Accord is serving " + url);
      if (token != null) {
        out().println("Token (coordinator): " + token);
        out().println("Try: curl -H 'Authorization: Bearer " + token + "' '" + url + "api/v1/where-used?purl=pkg:maven/org.libra/libracore&range=%5B2.0,2.3.4)'");
      }
      out().println("accord commands on " + root().dataDir() + " (every command but verify, generate, bench and demo) now go through this server.");
      out().println("Press Ctrl-C to stop.");
    }
    out().flush();
  }

  /**
   * Blocks until the process is told to stop (Ctrl-C, SIGTERM), then stops the server and closes the
   * instance (the transparency log flushes, the store closes, the data directory is released) before
   * the JVM exits: the JVM waits for shutdown hooks, not for this thread.
   */
  void serveUntilStopped(WebServer server) throws InterruptedException {
    ServerRecord record = this.record != null ? this.record : publish(server);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        record.delete(root().dataDir());
        server.drain(drainPeriod(server));
        server.close();
        context().close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        stopped.countDown();
      }
    }, "accord-shutdown"));
    stopped.await();
  }

  /**
   * How long a stopping server stays up answering {@code /readyz} 503 (ADR 0147): {@code ACCORD_DRAIN_MS},
   * else 2 s over PostgreSQL (replicas behind a load balancer) and nothing over SQLite (one process).
   */
  static java.time.Duration drainPeriod(WebServer server) {
    String text = System.getenv("ACCORD_DRAIN_MS");
    if (text != null && !text.isBlank()) {
      try {
        return java.time.Duration.ofMillis(Math.max(0, Math.min(60_000, Long.parseLong(text.strip()))));
      } catch (NumberFormatException e) {
        System.err.println("ACCORD_DRAIN_MS is milliseconds, not '" + text + "'; using 2000");
      }
    }
    boolean replicas = server.accord().database().dialect() == org.accord.store.Database.Dialect.POSTGRESQL;
    return java.time.Duration.ofMillis(replicas ? 2000 : 0);
  }
}
