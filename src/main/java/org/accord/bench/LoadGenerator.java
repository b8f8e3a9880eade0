package org.accord.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator in the manner of wrk [1]: N threads, each with one keep-alive
 * connection, each sending the same GET as soon as the previous answer is read, for a warm-up and then a
 * measured period. Latency is measured per request from writing the request to reading the last body
 * byte; throughput is completed requests over the measured period. Each connection first gets one
 * unmeasured answer, and the clock starts when all have.
 *
 * <p>Why hand-written and not {@code java.net.http.HttpClient}: the client runs in the server's JVM on
 * the same cores, so its own cost is subtracted from the server's; a blocking socket per connection
 * with a reused request buffer costs a fraction of HttpClient's asynchronous machinery per request, and
 * pins the number of connections exactly. It speaks only what it needs: one request line, {@code
 * Content-Length} or {@code chunked} bodies, keep-alive. Not thread-safe; one run per instance.
 *
 * <p>[1] https://github.com/wg/wrk (the same closed-loop model, without wrk's coordinated-omission
 * correction: the latencies here are service times of a closed loop).
 */
final class LoadGenerator {
  /**
   * What one run measured.
   *
   * @param requests completed requests in the measured period
   * @param errors responses other than 200, and connection failures, in the measured period
   * @param seconds the measured period
   * @param nanos each measured request's latency
   * @param bodyBytes the size of the last body read
   */
  record Run(long requests, long errors, double seconds, long[] nanos, long bodyBytes) {
    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  private final InetSocketAddress address;
  private final byte[] request;
  /** Set once before the workers are released; read by them after the start latch. */
  private volatile long measureFrom;
  private volatile long measureUntil;

  LoadGenerator(String host, int port, String pathAndQuery, String token) {
    this.address = new InetSocketAddress(host, port);
    this.request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
        + "\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Opens {@code connections} connections and sends one unmeasured request on each (so a cold server
   * cannot leave the measured period empty), then loops for {@code warmupSeconds}, then measures for
   * {@code seconds}.
   *
   * @throws IllegalStateException if a connection cannot get its first answer
   */
  Run run(int connections, double warmupSeconds, double seconds) throws InterruptedException {
    CountDownLatch primed = new CountDownLatch(connections);
    CountDownLatch start = new CountDownLatch(1);
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker worker = new Worker(primed, start);
      workers.add(worker);
      worker.thread.start();
    }
    primed.await();
    for (Worker worker : workers) {
      if (worker.failure.get() != null) {
        start.countDown();
        throw new IllegalStateException("load generator cannot reach the server: " + worker.failure.get().getMessage(), worker.failure.get());
      }
    }
    long now = System.nanoTime();
    measureFrom = now + (long) (warmupSeconds * 1e9);
    measureUntil = measureFrom + (long) (seconds * 1e9);
    start.countDown();
    long requests = 0;
    long errors = 0;
    long bytes = 0;
    int samples = 0;
    for (Worker worker : workers) {
      worker.thread.join();
      requests += worker.requests;
      errors += worker.errors;
      samples += worker.count;
      bytes = Math.max(bytes, worker.lastBody);
    }
    long[] nanos = new long[samples];
    int offset = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.nanos, 0, nanos, offset, worker.count);
      offset += worker.count;
    }
    return new Run(requests, errors, seconds, nanos, bytes);
  }

  /** One connection's loop. */
  private final class Worker implements Runnable {
    final Thread thread = new Thread(this, "accord-bench-load");
    final AtomicReference<IOException> failure = new AtomicReference<>();
    final CountDownLatch primed;
    final CountDownLatch start;
    long[] nanos = new long[4096];
    int count;
    long requests;
    long errors;
    long lastBody;

    Worker(CountDownLatch primed, CountDownLatch start) {
      this.primed = primed;
      this.start = start;
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      boolean first = true;
      while (first || System.nanoTime() < measureUntil) {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(address, 5_000);
          socket.setSoTimeout(30_000);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
          if (first) {
            out.write(request);
            out.flush();
            lastBody = read(in).bodyBytes();
            first = false;
            primed.countDown();
            start.await();
          }
          while (true) {
            long sent = System.nanoTime();
            if (sent >= measureUntil) {
              return;
            }
            out.write(request);
            out.flush();
            Response response = read(in);
            long done = System.nanoTime();
            lastBody = response.bodyBytes();
            if (sent >= measureFrom) {
              requests++;
              if (response.status() != 200) {
                errors++;
              }
              record(done - sent);
            }
            if (response.close()) {
              break;
            }
          }
        } catch (IOException e) {
          failure.set(e);
          if (first) {
            primed.countDown();
            return;
          }
          if (System.nanoTime() >= measureFrom) {
            errors++;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void record(long latency) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = latency;
    }
  }

  /** The parts of a response the loop needs. */
  private record Response(int status, long bodyBytes, boolean close) {}

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] status = statusLine.split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + statusLine);
    }
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).strip();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    long body = 0;
    if (chunked) {
      for (long size = Long.parseLong(line(in).split(";", 2)[0].strip(), 16); size > 0;
          size = Long.parseLong(line(in).split(";", 2)[0].strip(), 16)) {
        skip(in, size);
        body += size;
        line(in); // the CRLF after the chunk
      }
      while (!line(in).isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      skip(in, length);
      body = length;
    } else {
      throw new IOException("a response without Content-Length or chunked encoding");
    }
    return new Response(Integer.parseInt(status[1]), body, close);
  }

  private static void skip(InputStream in, long bytes) throws IOException {
    long left = bytes;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed inside a body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
