package org.storyline.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.storyline.server.ServerConfig;
import org.storyline.server.StorylineServer;
import org.storyline.store.Library;

/** A library in a temporary folder filled with JSONL the test writes, served on a free localhost port. */
public final class Fixture implements AutoCloseable {
  public final Library library;
  final StorylineServer server;

  private Fixture(Library library, StorylineServer server) {
    this.library = library;
    this.server = server;
  }

  public static Fixture serve(Path dir, String jsonl) throws IOException {
    Path in = dir.resolve("articles.jsonl");
    Files.writeString(in, jsonl);
    Library lib = Library.open(dir.resolve("data"), Library.Options.defaults().withEmbeddings(false));
    lib.ingest(List.of(in), p -> {
      throw new AssertionError("fixture article refused: " + p);
    });
    lib.snapshot();
    return new Fixture(lib, StorylineServer.start(lib, ServerConfig.local(0)));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Override
  public void close() throws IOException {
    server.close();
    library.close();
  }
}
