package org.storyline.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.storyline.ingest.RawDocument;

/**
 * Child process for {@link StoriesLogTest}: ingests batches of articles into a library (no sentence embeddings) in an
 * endless loop, so that each ingest appends to the stories' log (and now and then writes the whole state), and
 * prints {@code ingested N} after each, until it is killed.
 */
public final class LogCrashChild {
  private LogCrashChild() {}

  static RawDocument doc(int i) {
    String topic = switch (i % 4) {
      case 0 -> "The council approved the harbour plan and its budget after a long debate";
      case 1 -> "The island ferry resumed its service after the storm damaged the pier";
      case 2 -> "The regional court heard the appeal of the fishing company against the quota";
      default -> "Firefighters contained the forest fire near the northern villages overnight";
    };
    String day = String.format(java.util.Locale.ROOT, "2025-%02d-%02d", 1 + (i / 280) % 12, 1 + (i / 10) % 28);
    return new RawDocument("c" + i, "crash-child", RawDocument.Format.TEXT,
        topic + ", officials said in report " + i + ".",
        new RawDocument.Hints(null, "Report " + i, "Outlet " + (i % 5), null, day));
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    try (Library lib = Library.open(data, Library.Options.defaults().withEmbeddings(false))) {
      int n = 0;
      while (true) {
        List<RawDocument> batch = new ArrayList<>();
        for (int k = 0; k < 7; k++) batch.add(doc(n++));
        lib.ingestDocuments(batch, p -> {});
        System.out.println("ingested " + n);
        System.out.flush();
      }
    }
  }
}
