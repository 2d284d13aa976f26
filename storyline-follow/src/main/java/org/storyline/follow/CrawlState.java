package org.storyline.follow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the follower knows between runs, kept in {@code DATA/follow/state.json}: per source its next poll, resolved
 * kind, discovered feeds and health; every URL seen (with its article id, validators, content hash and re-fetch
 * schedule); feed and sitemap validators; the robots.txt cache.
 *
 * <p>Crash safety: {@link #save} writes a temporary file, forces it to disk and renames it over the old one
 * (atomic), so a kill at any moment leaves either the old or the new state. The follower saves after the articles of
 * a batch are committed to the store, so a crash in between re-fetches those pages, and the store finds the same
 * text (nothing changes). Thread-safe: every method synchronises on this object. Times are epoch milliseconds.
 */
public final class CrawlState {
  public static final String DIR = "follow";
  public static final String FILE = "state.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The serialised form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Data {
    public int version = 1;
    public Map<String, SourceState> sources = new TreeMap<>();
    public Map<String, Seen> seen = new HashMap<>();
    public Map<String, String> hashes = new HashMap<>();
    public Map<String, Validator> validators = new HashMap<>();
    public Map<String, RobotsEntry> robots = new TreeMap<>();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class SourceState {
    public String kind;
    public long nextPoll;
    public List<String> feeds = new ArrayList<>();
    public long discoveredAt;
    public Health health = new Health();
  }

  /** Health of one source, as shown by {@code sources list} and the API. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Health {
    public long polls;
    public long notModified;
    public long lastPoll;
    public long lastSuccess;
    public long lastError;
    public String lastErrorMessage;
    public int consecutiveErrors;
    public long lastLatencyMillis;
    public long meanLatencyMillis;
    public long lastNew;
    /** Mean time between polls that brought something new (ms); 0 until two such polls. */
    public long meanNewGapMillis;
    public long itemsTotal;
    /** New items per UTC day (yyyy-mm-dd), the last 14 days. */
    public TreeMap<String, Integer> itemsPerDay = new TreeMap<>();
  }

  /** A URL the follower has taken (or found to be a duplicate of one it took). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Seen {
    public String id;
    public String source;
    public long firstSeen;
    /** Re-fetches done so far; the next is due at {@link #nextRefetch} (0: none left). */
    public int refetches;
    public long nextRefetch;
    public String etag;
    public String lastModified;
    public String hash;
    /** Where this URL's article is stored when it was a duplicate of another URL. */
    public String duplicateOf;
    /** Taken from a full-content feed item (re-fetching is watching the feed item). */
    public boolean fromFeed;
    public int revisions;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Validator {
    public String etag;
    public String lastModified;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class RobotsEntry {
    public int status;
    public String body;
    public long fetchedAt;
  }

  private final Path file;
  private Data data;

  private CrawlState(Path file, Data data) {
    this.file = file;
    this.data = data;
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve(DIR).resolve(FILE);
  }

  /** Loads the state of a data directory (empty when there is none yet). */
  public static CrawlState load(Path dataDir) throws IOException {
    Path f = file(dataDir);
    try {
      return new CrawlState(f, JSON.readValue(Files.readAllBytes(f), Data.class));
    } catch (NoSuchFileException e) {
      return new CrawlState(f, new Data());
    }
  }

  /** An in-memory state that is never written (tests, benchmarks of parts). */
  public static CrawlState inMemory() {
    return new CrawlState(null, new Data());
  }

  /** Writes the state atomically (temporary file, fsync, rename). */
  public synchronized void save() throws IOException {
    if (file == null) return;
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    byte[] bytes = JSON.writeValueAsBytes(data);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public synchronized SourceState source(String id) {
    return data.sources.computeIfAbsent(id, k -> new SourceState());
  }

  public synchronized SourceState sourceIfKnown(String id) {
    return data.sources.get(id);
  }

  public synchronized void forgetSource(String id) {
    data.sources.remove(id);
  }

  public synchronized Seen seen(String url) {
    return data.seen.get(url);
  }

  public synchronized void putSeen(String url, Seen s) {
    data.seen.put(url, s);
    if (s.hash != null && s.duplicateOf == null) data.hashes.putIfAbsent(s.hash, url);
  }

  /** The URL first stored with this content hash, or null. */
  public synchronized String urlWithHash(String hash) {
    return data.hashes.get(hash);
  }

  public synchronized int seenCount() {
    return data.seen.size();
  }

  /** URLs whose re-fetch is due at {@code nowMillis}, oldest due first. */
  public synchronized List<String> dueRefetches(long nowMillis) {
    List<Map.Entry<String, Seen>> due = new ArrayList<>();
    for (var e : data.seen.entrySet()) {
      Seen s = e.getValue();
      if (s.nextRefetch > 0 && s.nextRefetch <= nowMillis && s.duplicateOf == null && !s.fromFeed) due.add(e);
    }
    due.sort(Map.Entry.<String, Seen>comparingByValue((a, b) -> Long.compare(a.nextRefetch, b.nextRefetch))
        .thenComparing(Map.Entry.comparingByKey()));
    return due.stream().map(Map.Entry::getKey).toList();
  }

  public synchronized Fetcher.Validators validators(String url) {
    Validator v = data.validators.get(url);
    return v == null ? Fetcher.Validators.NONE : new Fetcher.Validators(v.etag, v.lastModified);
  }

  public synchronized void putValidators(String url, Fetcher.Validators v) {
    if (v == null || (v.etag() == null && v.lastModified() == null)) return;
    Validator x = new Validator();
    x.etag = v.etag();
    x.lastModified = v.lastModified();
    data.validators.put(url, x);
  }

  public synchronized RobotsEntry robots(String hostKey) {
    return data.robots.get(hostKey);
  }

  public synchronized void putRobots(String hostKey, RobotsEntry e) {
    data.robots.put(hostKey, e);
  }

  /** A deep copy of the health of every source known to the state. */
  public synchronized Map<String, Health> health() {
    Map<String, Health> out = new LinkedHashMap<>();
    for (var e : data.sources.entrySet()) {
      try {
        out.put(e.getKey(), JSON.readValue(JSON.writeValueAsBytes(e.getValue().health), Health.class));
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
    }
    return out;
  }
}
