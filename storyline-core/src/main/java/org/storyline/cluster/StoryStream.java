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
 * renames it over the old one, so a crash leaves the old or the new state, never a mixture.
 *
 * <p>Not thread-safe.
 */
public final class StoryStream implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
  /** Bumped whenever the saved classes change shape; older files are then rebuilt. */
  public static final int FORMAT = 1;
  private static final byte[] MAGIC = ("storyline-story-stream " + FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
  /** Heaviest feature counts kept per article (enough for the label's centrality). */
  static final int KEPT_COUNTS = 128;
  private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
      "maxdepth=64;org.storyline.cluster.*;java.util.*;java.lang.*;!*");

  final StoryIndex index;
  final boolean embeddings;
  final Map<String, ArticleFeatures> features = new HashMap<>();
  /** Why each article joined its story, in arrival order. */
  final Map<String, Assignment> assignments = new LinkedHashMap<>();

  StoryStream(StoryIndex index, boolean embeddings) {
    this.index = Objects.requireNonNull(index);
    this.embeddings = embeddings;
  }

  /** Each article's squared count norm, taken before its counts were cut (for the label's centrality). */
  final Map<String, Double> countNorms = new HashMap<>();

  void record(ArticleFeatures f, Assignment a) {
    features.put(f.id(), f.slim(KEPT_COUNTS));
    countNorms.put(f.id(), Labels.squaredNorm(f));
    assignments.put(f.id(), a);
  }

  /** A file of an older shape leaves fields missing: refused, so the caller rebuilds (see {@link #read}). */
  @Serial
  private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (index == null || features == null || assignments == null || countNorms == null) {
      throw new java.io.InvalidObjectException("a story state of an older shape");
    }
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
  public boolean embeddings() {
    return embeddings;
  }

  /** The current story of an article (following merges), or null when it was never assigned. */
  public String storyOf(String articleId) {
    return index.storyOf(articleId);
  }

  /** Why each article joined its story, in arrival order. */
  public List<Assignment> assignments() {
    return List.copyOf(assignments.values());
  }

  /** Merges and splits of stored stories, in the order they happened. */
  public List<StoryIndex.Event> events() {
    return index.events();
  }

  /**
   * Writes the state to {@code file} atomically: to {@code file.tmp} in the same folder, synced, then renamed over
   * {@code file}. Callers must not save one file from two processes at once.
   */
  public void save(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // one writer at a time (the store's write lock), so a fixed name; created with the usual file permissions
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(tmp);
          OutputStream buf = new BufferedOutputStream(raw, 1 << 16)) {
        buf.write(MAGIC);
        GZIPOutputStream gz = new GZIPOutputStream(buf, 1 << 16);
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
    try (InputStream raw = Files.newInputStream(file); InputStream in = new BufferedInputStream(raw, 1 << 16)) {
      byte[] head = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(head, MAGIC)) {
        throw new IOException(file + " is not a story state of format " + FORMAT
            + " (written by another version, or not such a file)");
      }
      ObjectInputStream ois = new ObjectInputStream(new GZIPInputStream(in, 1 << 16));
      ois.setObjectInputFilter(FILTER);
      if (ois.readObject() instanceof StoryStream s) return s;
      throw new IOException(file + " does not hold a story state");
    } catch (NoSuchFileException e) {
      throw e;
    } catch (InvalidClassException | java.io.InvalidObjectException e) {
      throw new IOException(file + " was written by another version of the engine: " + e.getMessage(), e);
    } catch (ClassNotFoundException | ClassCastException | IllegalStateException | java.io.EOFException
        | java.io.StreamCorruptedException | java.util.zip.ZipException e) {
      throw new IOException(file + " is damaged: " + e, e);
    }
  }
}
