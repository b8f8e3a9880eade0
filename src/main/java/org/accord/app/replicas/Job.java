package org.accord.app.replicas;

/** A background job that runs on one replica at a time, under its own advisory lock (ADR 0147). */
public enum Job {
  /** The transparency log's writer (draining the outbox) and its checkpoint publisher. */
  LOG_WRITER(0x4143434f52440001L),
  /** Notification delivery (e-mail, webhooks) from the notifications table. */
  NOTIFICATIONS(0x4143434f52440002L),
  /** The scheduler's sweeps: RSVP deadlines, reminders, plan waves. */
  SCHEDULER(0x4143434f52440003L),
  /** The witness submitter (issue 15), when it runs. */
  WITNESS(0x4143434f52440004L);

  private final long lockKey;

  Job(long lockKey) {
    this.lockKey = lockKey;
  }

  /** The PostgreSQL advisory lock key: "ACCORD" and the job's number. */
  public long lockKey() {
    return lockKey;
  }

  /** The job's name in metrics and {@code /healthz}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
