package org.storyline.eval.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One load-test client: a single keep-alive HTTP/1.1 connection to a loopback port, a GET at a time, read on the
 * calling thread. The JDK's {@code HttpClient} hands every exchange between the caller, its selector thread and an
 * executor, which on a two-core machine cost the server a good part of the CPU it was being measured on; this client
 * costs a write and a read per request, as {@code wrk} or {@code h2load} would. It reads {@code Content-Length} and
 * chunked bodies, reconnects when the server closes, and is not a general HTTP client (no redirects, no TLS).
 */
final class LoadClient implements AutoCloseable {
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoadClient(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** GETs {@code path} (already encoded) and returns the status; the body is read and dropped. */
  int get(String path, String accept) throws IOException {
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept
        + "\r\nAccept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    for (int attempt = 0; ; attempt++) {
      try {
        if (socket == null) connect();
        out.write(request);
        out.flush();
        return readResponse();
      } catch (IOException e) {
        close();
        if (attempt > 0) throw e; // a kept-alive connection the server closed gets one retry on a fresh one
      }
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(timeoutMillis);
    socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private int readResponse() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + status);
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closes = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) continue;
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closes = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long.parseLong(chunkSize(line()), 16)) {
        skip(size);
        line();
      }
      for (String t = line(); !t.isEmpty(); t = line()) { } // trailers
    } else if (length >= 0) {
      skip(length);
    } else {
      while (in.read() >= 0) { } // body to the end of the connection
      closes = true;
    }
    if (closes) close();
    return code;
  }

  private static String chunkSize(String line) {
    int semi = line.indexOf(';');
    return (semi < 0 ? line : line.substring(0, semi)).trim();
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        if (in.read() < 0) throw new IOException("the response ended early");
        k = 1;
      }
      n -= k;
    }
  }

  private final ByteArrayOutputStream lineBuf = new ByteArrayOutputStream(128);

  private String line() throws IOException {
    lineBuf.reset();
    for (int c = in.read(); ; c = in.read()) {
      if (c < 0) throw new IOException("the connection closed mid-response");
      if (c == '\n') break;
      if (c != '\r') lineBuf.write(c);
    }
    return lineBuf.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a dead connection
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
