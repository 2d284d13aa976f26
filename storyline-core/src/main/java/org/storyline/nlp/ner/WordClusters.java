package org.storyline.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Distributional word clusters at three granularities (512, 128, 32), built by {@code ClusterBuild} in
 * storyline-eval (see docs/models/ner.md). A word not in the table has cluster -1.
 */
final class WordClusters {
  static final String RESOURCE = "clusters.tsv.gz";
  private final Map<String, Integer> packed;

  private WordClusters(Map<String, Integer> packed) {
    this.packed = packed;
  }

  static WordClusters load() {
    Map<String, Integer> m = new HashMap<>(1 << 16);
    try (InputStream in = WordClusters.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return new WordClusters(Map.of());
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) continue;
        String[] p = line.split("\t");
        if (p.length < 4) continue;
        m.put(p[0], (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8) | Integer.parseInt(p[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WordClusters(m);
  }

  /** Whether the table holds this exact word form. */
  boolean contains(String w) {
    return packed.containsKey(w);
  }

  /** Packed clusters {@code c512 << 16 | c128 << 8 | c32} of the word, or -1; all-caps words fall back. */
  int lookup(String w) {
    Integer v = packed.get(w);
    if (v != null) return v;
    if (w.length() > 1 && NerDoc.isAllUpper(w)) {
      String cap = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
      v = packed.get(cap);
      if (v != null) return v;
      v = packed.get(w.toLowerCase(Locale.ROOT));
      if (v != null) return v;
    }
    return -1;
  }
}
