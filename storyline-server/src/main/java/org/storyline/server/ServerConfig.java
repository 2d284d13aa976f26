package org.storyline.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * How the server listens and guards writes. {@code token} is required for every write (POST, PUT, DELETE) when the
 * server binds to anything but a loopback address; on loopback it is optional (when given, it is required too).
 * {@code maxUploadBytes} caps one request body.
 */
public record ServerConfig(String host, int port, String token, long maxUploadBytes) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;
  public static final long DEFAULT_MAX_UPLOAD = 64L << 20;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) throw new IllegalArgumentException("--host must not be empty");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, got " + port);
    if (maxUploadBytes < 1) throw new IllegalArgumentException("the upload limit must be positive");
    if (token != null && token.isBlank()) token = null;
    if (token == null && !loopback(host)) {
      throw new IllegalArgumentException("binding to " + host + " (not a loopback address) needs an API token for "
          + "writes: pass --token or set STORYLINE_TOKEN");
    }
  }

  public static ServerConfig local(int port) {
    return new ServerConfig(DEFAULT_HOST, port, null, DEFAULT_MAX_UPLOAD);
  }

  /** Whether {@code host} names only this machine (127.0.0.0/8, ::1, localhost). */
  static boolean loopback(String host) {
    if (host.equals("localhost")) return true;
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
