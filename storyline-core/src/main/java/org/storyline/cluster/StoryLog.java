package org.storyline.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The append-only log beside a saved story state ({@code stories.bin.log} beside {@code stories.bin}): what was
 * assigned since the state was written, so that a save costs what it adds rather than the whole state, which grows
 * with the store (at 21,600 articles a whole save took 3 s of CPU; {@link StoryStream#save} now writes the whole
 * state only when the log has grown to an eighth of it).
 *
 * <p>Each record holds one article's full features, its sentence embedding and the assignment it got; reading the
 * state back replays them through the index in their order ({@link StoryIndex#add} is deterministic), which gives
 * the state the writer had. The log's first line names its format, followed by the token of the state file it
 * extends (its length and the gzip trailer's CRC-32 and size), so a log left behind by a crash between writing a new
 * state and removing the old log is recognised as stale and ignored. Each record is its length, its CRC-32 and its
 * bytes: a record torn by a crash while appending fails its check, and it and anything after it are dropped (the
 * store still holds those articles, and the next ingest assigns them again).
 */
final class StoryLog {
  private static final byte[] MAGIC = "storyline-story-log 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int TOKEN = 16;
  /** Far beyond any record (a record is one article's features): a longer length is damage. */
  private static final int MAX_RECORD = 1 << 26;

  private StoryLog() {}

  /** The log beside a state file. */
  static Path of(Path state) {
    return state.resolveSibling(state.getFileName() + ".log");
  }

  /**
   * One assigned article as logged: what {@link StoryIndex#add} was given and what it answered, and the number of
   * stories after it (so the counts can be read without replaying).
   */
  record Entry(ArticleFeatures features, float[] embedding, Assignment assignment, int stories) {}

  /** Identifies a state file's content: its length and its last 8 bytes (the gzip trailer: CRC-32 and size). */
  static byte[] token(Path state) throws IOException {
    try (FileChannel ch = FileChannel.open(state, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer b = ByteBuffer.allocate(TOKEN);
      b.putLong(size);
      if (size >= 8) {
        ch.position(size - 8);
        while (b.hasRemaining() && ch.read(b) >= 0) {
          // read the trailer
        }
      }
      return b.array();
    }
  }

  /**
   * What a log holds for the state of {@code token}: its good records (when decoded), how many, the story count
   * after the last and where they end.
   */
  record Read(List<Entry> entries, int count, int stories, long end) {
    /** No usable log: none, a stale one (of another state) or one whose header is damaged. */
    static final Read NONE = new Read(List.of(), 0, -1, -1);
  }

  /**
   * Reads the records of {@code log} that extend the state of {@code token}, stopping at the first that is torn or
   * damaged; decodes them when {@code decode} (otherwise counts them). A missing or stale log reads as
   * {@link Read#NONE}.
   */
  static Read read(Path log, byte[] token, boolean decode) throws IOException {
    if (!Files.isRegularFile(log)) return Read.NONE;
    List<Entry> out = new java.util.ArrayList<>();
    try (InputStream raw = Files.newInputStream(log);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] head = in.readNBytes(MAGIC.length + TOKEN);
      if (head.length < MAGIC.length + TOKEN || !Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
          || !Arrays.equals(head, MAGIC.length, head.length, token, 0, TOKEN)) {
        return Read.NONE;
      }
      long end = head.length;
      int count = 0;
      int stories = -1;
      CRC32 crc = new CRC32();
      while (true) {
        int len;
        long sum;
        try {
          len = in.readInt();
          sum = in.readInt() & 0xffffffffL;
        } catch (EOFException e) {
          break;
        }
        if (len <= 0 || len > MAX_RECORD) break;
        byte[] b = in.readNBytes(len);
        if (b.length < len) break;
        crc.reset();
        crc.update(b);
        if (crc.getValue() != sum || len < 4) break;
        if (decode) out.add(decode(b));
        stories = ByteBuffer.wrap(b).getInt();
        count++;
        end += 8L + len;
      }
      return new Read(out, count, stories, end);
    } catch (NoSuchFileException e) {
      return Read.NONE;
    }
  }

  /**
   * Appends {@code entries} to the log of the state of {@code token}, whose good records end at {@code end} (what a
   * torn record left after it is cut off first); {@code end} -1 starts a new log. Synced before returning; returns
   * where the records now end.
   */
  static long append(Path log, byte[] token, long end, List<Entry> entries) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
    DataOutputStream out = new DataOutputStream(buf);
    if (end < 0) {
      out.write(MAGIC);
      out.write(token);
    }
    CRC32 crc = new CRC32();
    for (Entry e : entries) {
      byte[] b = encode(e);
      crc.reset();
      crc.update(b);
      out.writeInt(b.length);
      out.writeInt((int) crc.getValue());
      out.write(b);
    }
    out.flush();
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long at = end < 0 ? 0 : end;
      ch.truncate(at);
      ByteBuffer bb = ByteBuffer.wrap(buf.toByteArray());
      while (bb.hasRemaining()) at += ch.write(bb, at);
      ch.force(true);
      return at;
    }
  }

  private static byte[] encode(Entry e) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(4096);
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(e.stories());
    StoryStream.writeFeatures(out, e.features());
    float[] v = e.embedding();
    out.writeInt(v == null ? -1 : v.length);
    if (v != null) for (float x : v) out.writeFloat(x);
    StoryStream.writeAssignment(out, e.assignment());
    out.flush();
    return b.toByteArray();
  }

  private static Entry decode(byte[] b) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b));
    int stories = in.readInt();
    // the counts in their written order: the features iterate exactly as the writer's did when replayed
    ArticleFeatures f = StoryStream.readFeatures(in, new java.util.LinkedHashMap<>());
    int n = in.readInt();
    if (n < -1 || n > (1 << 16)) throw new java.io.InvalidObjectException("bad embedding length " + n);
    float[] v = null;
    if (n >= 0) {
      v = new float[n];
      for (int i = 0; i < n; i++) v[i] = in.readFloat();
    }
    return new Entry(f, v, StoryStream.readAssignment(in), stories);
  }
}
