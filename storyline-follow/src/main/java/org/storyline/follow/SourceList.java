package org.storyline.follow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storyline.ingest.Ids;

/**
 * The followed sources of a data directory, in {@code DATA/follow/sources.json}: edited by {@code sources add/remove}
 * and the server's API (each edit under a file lock, written atomically by rename), read by the follower before
 * each round, so a source added while {@code follow} runs is picked up at its next round.
 */
public final class SourceList {
  public static final String FILE = "sources.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Entry {
    public String id;
    public String url;
    public String name;
    public String kind;
    public String every;
    public long added;
  }

  private final Path file;

  public SourceList(Path dataDir) {
    this.file = dataDir.resolve(CrawlState.DIR).resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** The sources, in the order they were added. */
  public List<Source> all() throws IOException {
    List<Source> out = new ArrayList<>();
    for (Entry e : read()) {
      out.add(new Source(e.id, e.url, e.name, Source.Kind.valueOf(e.kind), Source.parseEvery(e.every), e.added));
    }
    return out;
  }

  /** Adds a source (or returns the one already there for this URL). */
  public Source add(String url, String name, Source.Kind kind, Duration every, long nowMillis) throws IOException {
    String u = Source.checkUrl(url);
    Source s = new Source(Ids.fromUrl(u), u, name, kind, every, nowMillis);
    return edit(list -> {
      for (Entry e : list) {
        if (e.url.equals(u)) return new Source(e.id, e.url, e.name, Source.Kind.valueOf(e.kind),
            Source.parseEvery(e.every), e.added);
      }
      Entry e = new Entry();
      e.id = s.id();
      e.url = s.url();
      e.name = s.name();
      e.kind = s.kind().name();
      e.every = Source.formatEvery(s.every());
      e.added = s.added();
      list.add(e);
      return s;
    });
  }

  /** Removes the source with this id, URL or name; the removed one, if any. */
  public Optional<Source> remove(String idUrlOrName) throws IOException {
    return edit(list -> {
      for (int i = 0; i < list.size(); i++) {
        Entry e = list.get(i);
        if (e.id.equals(idUrlOrName) || e.url.equals(idUrlOrName) || idUrlOrName.equals(e.name)) {
          list.remove(i);
          return Optional.of(new Source(e.id, e.url, e.name, Source.Kind.valueOf(e.kind),
              Source.parseEvery(e.every), e.added));
        }
      }
      return Optional.empty();
    });
  }

  private interface Edit<T> {
    T apply(List<Entry> list);
  }

  private synchronized <T> T edit(Edit<T> edit) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel lockCh = FileChannel.open(file.resolveSibling(FILE + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock ignored = lockCh.lock()) {
      List<Entry> list = new ArrayList<>(read());
      T result = edit.apply(list);
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.write(tmp, JSON.writeValueAsBytes(list));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return result;
    }
  }

  private List<Entry> read() throws IOException {
    try {
      return List.of(JSON.readValue(Files.readAllBytes(file), Entry[].class));
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
