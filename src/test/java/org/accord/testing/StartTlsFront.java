package org.accord.testing;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SMTP server that requires STARTTLS (RFC 3207), in front of a real GreenMail SMTP server: GreenMail
 * 2.1.3 has no STARTTLS command (greenmail-mail-test/greenmail issue #135; ADR 0128). The front answers
 * the greeting and {@code EHLO} in the clear, offering only {@code STARTTLS}; refuses every other command
 * with {@code 530 5.7.0 Must issue a STARTTLS command first} (RFC 3207 §4); on {@code STARTTLS} upgrades
 * the connection with GreenMail's test certificate and from then on relays the TLS-protected bytes to
 * GreenMail unchanged (its own greeting swallowed, as the client already had one), so the mail is
 * received, parsed and stored by GreenMail itself. Each upgraded connection's TLS protocol is recorded.
 */
public final class StartTlsFront implements AutoCloseable {
  private static final char[] PASSWORD = "changeit".toCharArray(); // GreenMail's test keystore
  private final ServerSocket listener;
  private final int backendPort;
  private final SSLContext server;
  private final List<String> upgraded = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  /** Starts the front on a free port of 127.0.0.1, relaying to GreenMail's plain SMTP on {@code backendPort}. */
  public StartTlsFront(int backendPort) throws Exception {
    this.backendPort = backendPort;
    KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD);
    server = SSLContext.getInstance("TLS");
    server.init(managers.getKeyManagers(), null, null);
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "starttls-front");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Sockets that trust GreenMail's test certificate and nothing else: a real chain check, not a
   * trust-all factory.
   */
  public static SSLSocketFactory trustingGreenMail() throws Exception {
    KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("greenmail", keys.getCertificate(keys.aliases().nextElement()));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  /** The TLS protocol of each connection upgraded by STARTTLS, such as {@code TLSv1.3}. */
  public List<String> upgraded() {
    return List.copyOf(upgraded);
  }

  /** The commands refused because they came before STARTTLS. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread session = new Thread(() -> serve(client), "starttls-front-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      write(out, "220 127.0.0.1 ESMTP STARTTLS front");
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> write(out, "250-127.0.0.1\r\n250 STARTTLS");
          case "HELO" -> write(out, "250 127.0.0.1");
          case "QUIT" -> {
            write(out, "221 bye");
            return;
          }
          case "STARTTLS" -> {
            write(out, "220 2.0.0 Ready to start TLS");
            // Nothing may follow STARTTLS before the handshake (RFC 3207 §4.2), so the reader holds no bytes.
            SSLSocket tls = (SSLSocket) server.getSocketFactory().createSocket(client, null, client.getPort(), false);
            tls.setUseClientMode(false);
            tls.startHandshake();
            upgraded.add(tls.getSession().getProtocol());
            relay(tls);
            return;
          }
          default -> {
            refused.add(line);
            write(out, "530 5.7.0 Must issue a STARTTLS command first");
          }
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to record
    }
  }

  /** Relays the upgraded connection to GreenMail both ways until either side closes. */
  private void relay(SSLSocket tls) throws IOException {
    try (tls; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
      InputStream fromBackend = backend.getInputStream();
      readReply(fromBackend); // GreenMail's greeting: the client had the front's
      Thread up = new Thread(() -> copy(tls, backend), "starttls-front-up");
      up.setDaemon(true);
      up.start();
      copy(fromBackend, tls.getOutputStream());
      try {
        up.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      copy(from.getInputStream(), to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  private static void copy(InputStream from, OutputStream to) {
    try {
      byte[] buffer = new byte[8192];
      for (int n; (n = from.read(buffer)) >= 0; ) {
        to.write(buffer, 0, n);
        to.flush();
      }
    } catch (IOException e) {
      // one side closed
    }
  }

  /** Reads one (possibly multi-line) SMTP reply byte by byte, so no byte after it is consumed. */
  private static void readReply(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) >= 0; ) {
      if (c == '\n') {
        if (line.length() < 4 || line.charAt(3) != '-') {
          return;
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    throw new IOException("GreenMail closed before its greeting");
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
