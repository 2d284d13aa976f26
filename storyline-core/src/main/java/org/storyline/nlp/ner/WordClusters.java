package org.storyline.nlp.ner;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.storyline.resources.Resources;

/**
 * Distributional word clusters at three granularities (512, 128, 32), built by {@code ClusterBuild} in
 * storyline-eval (see docs/models/ner.md). A word not in the table has cluster -1.
 */
final class WordClusters {
  static final String RESOURCE = "clusters.tsv.gz";
  private final Map<String, Integer> packed;
  private final Map<String, Integer> caps;

  private WordClusters(Map<String, Integer> packed, Map<String, Integer> caps) {
    this.packed = packed;
    this.caps = caps;
  }

  /** How often (tenths, 0-9) the lower-cased word is capitalised inside sentences of news text; -1 unknown. */
  int capitalisation(String lower) {
    Integer v = caps.get(lower);
    return v == null ? -1 : v;
  }

  private static Map<String, Integer> loadCaps() {
    Map<String, Integer> m = new HashMap<>(1 << 15);
    for (String line : Resources.optionalEntries(WordClusters.class, "caps.tsv.gz")) {
      int tab = line.indexOf('\t');
      if (tab > 0) m.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
    }
    return m;
  }

  static WordClusters load() {
    Map<String, Integer> m = new HashMap<>(1 << 16);
    for (String line : Resources.optionalEntries(WordClusters.class, RESOURCE)) {
      String[] p = line.split("\t");
      if (p.length < 4) continue;
      m.put(p[0], (Integer.parseInt(p[1]) << 16) | (Integer.parseInt(p[2]) << 8) | Integer.parseInt(p[3]));
    }
    return new WordClusters(m, loadCaps());
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
