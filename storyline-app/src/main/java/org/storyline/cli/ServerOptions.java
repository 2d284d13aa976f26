package org.storyline.cli;

import org.storyline.server.ServerConfig;
import picocli.CommandLine.Option;

/** The {@code --port} and {@code --host} options of every command that serves the UI, as a picocli mixin. */
final class ServerOptions {
  @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST,
      description = "Address to bind (default ${DEFAULT-VALUE}).")
  String host;

  /** The server's configuration with this token (else $STORYLINE_TOKEN); throws when it cannot work. */
  ServerConfig config(String token) {
    return new ServerConfig(host, port, token != null ? token : System.getenv("STORYLINE_TOKEN"),
        ServerConfig.DEFAULT_MAX_UPLOAD);
  }
}
