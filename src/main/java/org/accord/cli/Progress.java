package org.accord.cli;

import java.io.InputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long work, shown on stderr only when it is a terminal and the output is not
 * JSON, so scripts and pipes see clean output. Not thread-safe.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Whether progress may be drawn: an interactive terminal and human output. */
  static boolean enabled(boolean json) {
    return !json && System.console() != null && System.getenv("ACCORD_NO_PROGRESS") == null;
  }

  /** A bar counting {@code total} steps of {@code unit}, or a silent one. */
  static Progress of(String task, long total, boolean enabled) {
    if (!enabled) {
      return new Progress(null);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .clearDisplayOnFinish()
            .build());
  }

  /** Wraps a stream so that reading it advances a byte-counting bar, when enabled. */
  static InputStream wrap(InputStream in, String task, long size, boolean enabled) {
    if (!enabled || size < (8 << 20)) {
      return in;
    }
    return ProgressBar.wrap(
        in,
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(size)
            .setUnit(" MiB", 1 << 20)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .clearDisplayOnFinish()
            .showSpeed());
  }

  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  void message(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
