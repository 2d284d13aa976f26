package org.storyline.cluster;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.storyline.resources.Resources;

/**
 * Document frequencies learnt online from the articles seen so far, added to an optional background table (document
 * count and per-term counts from a reference corpus), so the first articles of a stream are already weighted sensibly.
 * Not thread-safe: owned by one {@link StoryIndex}. Serialisable with it: only the counts learnt online are saved;
 * the shipped background table is attached again when it is read back.
 */
public final class Idf implements java.io.Serializable {
  @java.io.Serial private static final long serialVersionUID = 1L;
  private transient Map<String, Integer> background;
  private transient long backgroundDocs;
  /** Whether {@link #background} is the shipped table (else empty). */
  private boolean shipped;
  /** A background given by the caller (saved with the counts); null for the shipped one. */
  private Map<String, Integer> given;
  private long givenDocs;
  /** Written entry by entry (see writeObject): a large vocabulary as objects is slow to serialise. */
  private transient Map<String, Integer> seen = new HashMap<>();
  private long seenDocs;

  public Idf(Map<String, Integer> background, long backgroundDocs) {
    this.background = Map.copyOf(background); // no copy when already immutable
    this.backgroundDocs = backgroundDocs;
    this.given = this.background;
    this.givenDocs = backgroundDocs;
  }

  public static Idf empty() {
    return new Idf(Map.of(), 0);
  }

  /**
   * The background table shipped with the engine (resource {@code idf-background.tsv}: first line the document count,
   * then {@code term<TAB>df}); empty when absent.
   */
  public static Idf withBackground() {
    Idf idf = new Idf(Background.DF, Background.DOCS);
    idf.shipped = true;
    idf.given = null;
    idf.givenDocs = 0;
    return idf;
  }

  @java.io.Serial
  private void writeObject(java.io.ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeInt(seen.size());
    for (var e : seen.entrySet()) { // in the map's own order, so the map read back iterates alike
      StateIO.writeString(out, e.getKey());
      out.writeInt(e.getValue());
    }
  }

  @java.io.Serial
  private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int n = StateIO.count(in);
    seen = new HashMap<>();
    for (int i = 0; i < n; i++) seen.put(StateIO.readString(in), in.readInt());
    background = shipped ? Background.DF : given;
    backgroundDocs = shipped ? Background.DOCS : givenDocs;
  }

  /** The shipped table, read once (immutable, so sharing it is safe). */
  private static final class Background {
    static final Map<String, Integer> DF;
    static final long DOCS;

    static {
      Map<String, Integer> df = new HashMap<>();
      long docs = 0;
      for (String line : Resources.optionalEntries(Idf.class, "idf-background.tsv")) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          docs = Long.parseLong(line.strip());
        } else {
          df.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
        }
      }
      DF = Map.copyOf(df);
      DOCS = docs;
    }
  }

  /** Counts one more document containing {@code terms} (each distinct term once). */
  public void add(Collection<String> terms) {
    seenDocs++;
    for (String t : terms) seen.merge(t, 1, Integer::sum);
  }

  public double idf(String term) {
    long n = backgroundDocs + seenDocs;
    long df = background.getOrDefault(term, 0) + seen.getOrDefault(term, 0);
    return Math.log((n + 1.0) / (df + 1.0)) + 1.0;
  }

  public long documents() {
    return backgroundDocs + seenDocs;
  }
}
