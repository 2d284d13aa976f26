package org.storyline.cluster;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The online story stage's state kept between runs: the {@link StoryIndex} (stories, candidate index, duplicate keys,
 * document frequencies), a small copy of each assigned article's features (for labels and copy groups) and why each
 * article joined its story. {@link OnlineStoryStage#feed} assigns new articles against it; nothing already assigned
 * is reconsidered, so a story never changes except by a recorded merge.
 *
 * <p>Saved as one gzip file whose first line names the format and its version, followed by Java serialisation of
 * this object (read back through an allow-list filter of this package's and {@code java.util}'s classes). The file is
 * a cache of decisions that the store's articles can always rebuild: a file of another version or a damaged one is
 * refused with an {@link IOException}, and the caller starts a new stream. {@link #save} writes a temporary file and
 * renames it over the old one, so a crash leaves the old or the new state, never a mixture; a stream read from a
 * file, or saved to it, then appends what it assigns to that file's {@link StoryLog} at each save, and writes the
 * whole state again only when the log has grown to an eighth of it.
 *
 * <p>Not thread-safe.
 */
public final class StoryStream implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
  /** Bumped whenever the saved classes change shape; older files are then rebuilt. */
  public static final int FORMAT = 8;
  private static final byte[] MAGIC = ("storyline-story-stream " + FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
  /** Heaviest feature counts kept per article (enough for the label's centrality). */
  static final int KEPT_COUNTS = 128;
  private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
      "maxdepth=64;org.storyline.cluster.*;java.util.*;java.lang.*;!*");

  final StoryIndex index;
  final boolean embeddings;
  /*
   * The per-article records are most of the state and are written field by field (writeObject below), not as
   * objects: Java serialisation tracks every object it writes, which made a 20,000-article state take 9 s to save.
   */
  transient Map<String, ArticleFeatures> features = new HashMap<>();
  /** Why each article joined its story, in arrival order. */
  transient Map<String, Assignment> assignments = new LinkedHashMap<>();

  StoryStream(StoryIndex index, boolean embeddings) {
    this.index = Objects.requireNonNull(index);
    this.embeddings = embeddings;
  }

  /** Each article's squared count norm, taken before its counts were cut (for the label's centrality). */
  transient Map<String, Double> countNorms = new HashMap<>();
  /** What the last summary computed per story (not saved: a reloaded stream summarizes every story once). */
  transient Map<String, OnlineStoryStage.Summary> summaries = new HashMap<>();
  /** The storyline linker's state after the last summary (not saved: a reloaded stream links every story once). */
  transient StorylineLinker.Session linker;

  /*
   * The state on disk this stream extends (see StoryLog): the file it was read from or last saved to, that file's
   * token, where its log's good records end (-1: no usable log yet) and how many records the log holds; plus what
   * was assigned since, kept for the next save only while there is such a file and while the log is not due to be
   * folded into a whole save anyway (a stream never saved, as a stream engine's, keeps nothing).
   */
  private transient Path savedAt;
  private transient byte[] savedToken;
  private transient long logEnd = -1;
  private transient int logged;
  private transient List<StoryLog.Entry> pending = new java.util.ArrayList<>();
  private transient boolean pendingDropped;
  /** Logged articles that, replayed, went elsewhere than the log says (an engine whose decisions changed). */
  private transient int replayDiffered;

  /** A whole save is written, and the log started again, once the log would hold this many articles or more. */
  private int logLimit() {
    return Math.max(LOG_MIN, assignments.size() / 8);
  }

  /**
   * The log's least limit. Replaying a logged article costs what assigning it did (about 2.5 ms, as much as writing
   * 16 articles' worth of the whole state), so a small store's log is kept short: a new process replays at most a
   * fraction of a second of it.
   */
  static final int LOG_MIN = 256;

  void record(ArticleFeatures f, Assignment a) {
    record(f, null, a);
  }

  void record(ArticleFeatures f, float[] embedding, Assignment a) {
    features.put(f.id(), f.slim(KEPT_COUNTS));
    countNorms.put(f.id(), Labels.squaredNorm(f));
    assignments.put(f.id(), a);
    if (savedAt == null || pendingDropped) return;
    if (logged + pending.size() >= logLimit()) {
      pending.clear(); // the next save writes the whole state
      pendingDropped = true;
      return;
    }
    pending.add(new StoryLog.Entry(f, embedding, a, index.storyCount()));
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeInt(assignments.size());
    for (Assignment a : assignments.values()) {
      ArticleFeatures f = features.get(a.article());
      writeFeatures(out, f);
      out.writeDouble(countNorms.getOrDefault(a.article(), 0.0));
      writeAssignment(out, a);
    }
  }

  /** A file of an older shape leaves fields missing: refused, so the caller rebuilds (see {@link #read}). */
  @Serial
  private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (index == null) throw new java.io.InvalidObjectException("a story state of an older shape");
    int n = in.readInt();
    if (n < 0) throw new java.io.InvalidObjectException("negative article count");
    features = new HashMap<>();
    assignments = new LinkedHashMap<>();
    countNorms = new HashMap<>();
    summaries = new HashMap<>();
    pending = new java.util.ArrayList<>();
    logEnd = -1;
    for (int i = 0; i < n; i++) {
      ArticleFeatures f = readFeatures(in);
      countNorms.put(f.id(), in.readDouble());
      Assignment a = readAssignment(in);
      features.put(f.id(), f);
      assignments.put(a.article(), a);
    }
  }

  static void writeFeatures(java.io.DataOutput out, ArticleFeatures f) throws IOException {
    StateIO.writeString(out, f.id());
    out.writeLong(f.day());
    StateIO.writeString(out, f.title());
    StateIO.writeString(out, f.lead());
    out.writeInt(f.counts().size());
    for (var e : f.counts().entrySet()) { // in its own order, so the map read back iterates alike
      StateIO.writeString(out, e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeInt(f.nameForms().size());
    for (var e : f.nameForms().entrySet()) {
      StateIO.writeString(out, e.getKey());
      StateIO.writeString(out, e.getValue());
    }
    int[] sig = f.signature();
    out.writeInt(sig == null ? -1 : sig.length);
    if (sig != null) for (int x : sig) out.writeInt(x);
    out.writeInt(f.shingleCount());
    StateIO.writeString(out, f.urlKey());
    out.writeLong(f.textKey());
    writeStrings(out, List.copyOf(f.wires()));
    out.writeLong(f.eventDay());
  }

  /** Kept features as saved: their counts iterate as the saved map's did (see {@link CompactCounts}). */
  private static ArticleFeatures readFeatures(java.io.DataInput in) throws IOException {
    ArticleFeatures f = readFeatures(in, new HashMap<>());
    return new ArticleFeatures(f.id(), f.day(), f.title(), f.lead(), CompactCounts.of(f.counts()), f.nameForms(),
        f.signature(), f.shingleCount(), f.urlKey(), f.textKey(), f.wires(), f.eventDay());
  }

  /** Reads features written by {@link #writeFeatures}, their counts into {@code counts} (empty). */
  static ArticleFeatures readFeatures(java.io.DataInput in, Map<String, Double> counts) throws IOException {
    String id = StateIO.readString(in);
    long day = in.readLong();
    String title = StateIO.readString(in);
    String lead = StateIO.readString(in);
    int n = StateIO.count(in);
    for (int i = 0; i < n; i++) counts.put(StateIO.readString(in), in.readDouble());
    n = StateIO.count(in);
    Map<String, String> forms = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) forms.put(StateIO.readString(in), StateIO.readString(in));
    int len = in.readInt();
    int[] sig = null;
    if (len >= 0) {
      sig = new int[Math.min(len, 1 << 16)];
      for (int i = 0; i < sig.length; i++) sig[i] = in.readInt();
    }
    int shingles = in.readInt();
    String urlKey = StateIO.readString(in);
    long textKey = in.readLong();
    java.util.Set<String> wires = new java.util.TreeSet<>(readStrings(in));
    return new ArticleFeatures(id, day, title, lead, counts, forms, sig, shingles, urlKey, textKey, wires,
        in.readLong());
  }

  static void writeAssignment(java.io.DataOutput out, Assignment a) throws IOException {
    StateIO.writeString(out, a.article());
    StateIO.writeString(out, a.story());
    out.writeBoolean(a.created());
    out.writeDouble(a.score());
    writeStrings(out, a.sharedTerms());
    writeStrings(out, a.sharedNames());
    out.writeInt(a.candidates());
    StateIO.writeString(out, a.duplicateOf());
    out.writeDouble(a.overlap());
    StateIO.writeString(out, a.duplicateKind());
    out.writeInt(a.events().size());
    for (StoryIndex.Event e : a.events()) {
      StateIO.writeString(out, e.kind());
      StateIO.writeString(out, e.story());
      StateIO.writeString(out, e.into());
      StateIO.writeString(out, e.article());
      out.writeDouble(e.score());
      StateIO.writeString(out, e.reason());
    }
    writeStrings(out, a.sharedArguments());
    writeStrings(out, a.conflicts());
    StateIO.writeString(out, a.note());
  }

  static Assignment readAssignment(java.io.DataInput in) throws IOException {
    String article = StateIO.readString(in);
    String story = StateIO.readString(in);
    boolean created = in.readBoolean();
    double score = in.readDouble();
    List<String> terms = readStrings(in);
    List<String> names = readStrings(in);
    int candidates = in.readInt();
    String dupOf = StateIO.readString(in);
    double overlap = in.readDouble();
    String dupKind = StateIO.readString(in);
    int n = StateIO.count(in);
    List<StoryIndex.Event> events = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(new StoryIndex.Event(StateIO.readString(in), StateIO.readString(in), StateIO.readString(in), StateIO.readString(in), in.readDouble(),
          StateIO.readString(in)));
    }
    return new Assignment(article, story, created, score, terms, names, candidates, dupOf, overlap, dupKind, events,
        readStrings(in), readStrings(in), StateIO.readString(in));
  }

  private static void writeStrings(java.io.DataOutput out, List<String> l) throws IOException {
    out.writeInt(l.size());
    for (String s : l) StateIO.writeString(out, s);
  }

  private static List<String> readStrings(java.io.DataInput in) throws IOException {
    int n = StateIO.count(in);
    List<String> l = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) l.add(StateIO.readString(in));
    return l;
  }



  /** Articles assigned so far. */
  public int size() {
    return assignments.size();
  }

  /** Stories (merged ones not counted). */
  public int stories() {
    return index.storyCount();
  }

  public boolean contains(String articleId) {
    return assignments.containsKey(articleId);
  }

  /** Whether the stream was started with the sentence-embedding channel (it keeps it for life). */
  /**
   * A story's id now (itself, or the story it was merged into) and its article ids in arrival order, as the key
   * of a story update for stores fed from elsewhere (e.g. a stream engine's output topic); null for an unknown id.
   */
  public Map.Entry<String, List<String>> story(String storyId) {
    StoryIndex.StoryView v = index.story(storyId);
    return v == null ? null : Map.entry(v.id(), v.articles());
  }

  public boolean embeddings() {
    return embeddings;
  }

  /** Why each article joined its story, in arrival order. */
  public List<Assignment> assignments() {
    return List.copyOf(assignments.values());
  }

  /**
   * Saves the state to {@code file}. When this stream was read from {@code file} or last saved to it, and the file is
   * as it left it, the articles assigned since are appended to the file's {@link StoryLog} (synced), until the log
   * would hold an eighth of the articles; otherwise the whole state is written atomically (to {@code file.tmp} in
   * the same folder, synced, then renamed over {@code file}) and the log removed. Callers must not save one file from
   * two processes at once.
   */
  public void save(Path file) throws IOException {
    Path at = file.toAbsolutePath().normalize();
    if (at.equals(savedAt) && !pendingDropped && logged + pending.size() < logLimit() && Files.isRegularFile(at)
        && Arrays.equals(savedToken, StoryLog.token(at))) {
      if (!pending.isEmpty()) {
        logEnd = StoryLog.append(StoryLog.of(at), savedToken, logEnd, pending);
        logged += pending.size();
        pending.clear();
      }
      Files.deleteIfExists(at.resolveSibling(at.getFileName() + ".tmp")); // what a killed whole save left
      return;
    }
    writeWhole(at);
    // a crash before this leaves a stale log, which names the state it extends and is then ignored
    Files.deleteIfExists(StoryLog.of(at));
    savedAt = at;
    savedToken = StoryLog.token(at);
    logEnd = -1;
    logged = 0;
    pending.clear();
    pendingDropped = false;
  }

  /**
   * Assigns the articles of the log beside {@code file} (the state this stream was read from; see {@link StoryLog})
   * again, in their order, and from then on extends that file: the next {@link #save} to it appends to its log.
   * Called once the stream has its tunables ({@link OnlineStoryStage#resume}).
   */
  void replayLog(Path file) throws IOException {
    Path at = file.toAbsolutePath().normalize();
    byte[] token = StoryLog.token(at);
    Path log = StoryLog.of(at);
    StoryLog.Read r = StoryLog.read(log, token, true);
    for (StoryLog.Entry e : r.entries()) {
      ArticleFeatures f = e.features();
      if (contains(f.id())) throw new IOException(log + " is damaged: it assigns " + f.id() + " a second time");
      Assignment a = index.add(f, e.embedding());
      if (!a.equals(e.assignment())) replayDiffered++;
      record(f, a);
    }
    savedAt = at;
    savedToken = token;
    logEnd = r.end();
    logged = r.count();
    pending.clear();
    pendingDropped = false;
  }

  /**
   * How many articles of the log went to another story than the log says when they were assigned again on loading
   * (zero unless the engine's decisions changed since they were logged: the loaded state then holds this engine's).
   */
  public int replayDiffered() {
    return replayDiffered;
  }

  private void writeWhole(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // one writer at a time (the store's write lock), so a fixed name; created with the usual file permissions
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(tmp);
          OutputStream buf = new BufferedOutputStream(raw, 1 << 16)) {
        buf.write(MAGIC);
        java.io.DataOutputStream counts = new java.io.DataOutputStream(buf);
        counts.writeInt(size());
        counts.writeInt(stories());
        counts.flush();
        GZIPOutputStream gz = new GZIPOutputStream(buf, 1 << 16) {
          {
            def.setLevel(java.util.zip.Deflater.BEST_SPEED); // a third of the time of the default level, 15% larger
          }
        };
        ObjectOutputStream oos = new ObjectOutputStream(gz);
        oos.writeObject(this);
        oos.flush();
        gz.finish();
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a state written by {@link #save}; without its tunables, which {@link OnlineStoryStage#resume} gives it.
   *
   * @throws NoSuchFileException when there is no such file
   * @throws IOException naming the file and the cause when it is of another format version or damaged
   */
  static StoryStream read(Path file) throws IOException {
    verify(file);
    try (InputStream raw = Files.newInputStream(file); InputStream in = new BufferedInputStream(raw, 1 << 16)) {
      Counts head = head(file, in);
      ObjectInputStream ois = new ObjectInputStream(new GZIPInputStream(in, 1 << 16));
      ois.setObjectInputFilter(FILTER);
      if (ois.readObject() instanceof StoryStream s) {
        if (s.size() != head.articles() || s.stories() != head.stories()) {
          throw new IOException(file + " is damaged: its header counts " + head.articles() + " articles and "
              + head.stories() + " stories, its content " + s.size() + " and " + s.stories());
        }
        return s;
      }
      throw new IOException(file + " does not hold a story state");
    } catch (NoSuchFileException e) {
      throw e;
    } catch (InvalidClassException | java.io.InvalidObjectException e) {
      throw new IOException(file + " was written by another version of the engine: " + e.getMessage(), e);
    } catch (ClassNotFoundException | RuntimeException | java.io.ObjectStreamException | java.io.EOFException
        | java.io.UTFDataFormatException | java.util.zip.ZipException e) {
      throw new IOException(file + " is damaged: " + e, e);
    }
  }

  /**
   * Reads the whole file once before anything is deserialised: the header, then the gzip member to its end, which
   * checks its CRC-32 and length (deserialising alone stops before the trailer, so a flipped bit used to load), and
   * nothing after it.
   */
  private static void verify(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file); InputStream in = new BufferedInputStream(raw, 1 << 16)) {
      head(file, in);
      GZIPInputStream gz = new GZIPInputStream(in, 1 << 16);
      byte[] buf = new byte[1 << 16];
      while (gz.read(buf) >= 0) {
        // read to the end: GZIPInputStream checks the trailer's CRC-32 and length there
      }
      if (in.read() >= 0) throw new IOException(file + " is damaged: bytes after the end of its data");
    } catch (NoSuchFileException e) {
      throw e;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException(file + " is damaged: " + e, e);
    }
  }

  /** What a saved state's first line and counts say, read without loading it. */
  public record Counts(int articles, int stories) {}

  /**
   * The article and story counts of a state saved by {@link #save}, read from its header and its log's record heads
   * only (so a caller can tell that nothing is left to assign without loading the state).
   *
   * @throws NoSuchFileException when there is no such file
   * @throws IOException when it is of another format version or too short
   */
  public static Counts counts(Path file) throws IOException {
    Counts c;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64)) {
      c = head(file, in);
    }
    StoryLog.Read r = StoryLog.read(StoryLog.of(file), StoryLog.token(file), false);
    return r.count() == 0 ? c : new Counts(c.articles() + r.count(), r.stories());
  }

  private static Counts head(Path file, InputStream in) throws IOException {
    byte[] head = in.readNBytes(MAGIC.length);
    if (!Arrays.equals(head, MAGIC)) {
      throw new IOException(file + " is not a story state of format " + FORMAT
          + " (written by another version, or not such a file)");
    }
    java.io.DataInputStream d = new java.io.DataInputStream(in);
    try {
      return new Counts(d.readInt(), d.readInt());
    } catch (java.io.EOFException e) {
      throw new IOException(file + " is damaged: " + e, e);
    }
  }
}
