package org.storyline.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the training documents say about names, as tagger features: for each name string of the training labels
 * (lower-cased tokens, up to five) the types its gold mentions had and how often the string occurs capitalised at
 * all; for each capitalised word how often it sat inside a name of each type. Stored with the model as 64-bit hashes
 * of the strings and bucketed facts, no text.
 *
 * <p>While training, each document's own counts are left out (leave one document out), so a training document sees
 * only what the other documents say about its names, as an unseen document will: the model learns how far to trust
 * the memory instead of copying its own labels.
 */
final class NameMemory {
  static final int MAX_LEN = 5;
  private static final long PRIME = 0x100000001b3L;
  private static final long PHRASE_SEED = 0x6a09e667f3bcc908L;
  private static final long WORD_SEED = 0xbb67ae8584caa73bL;

  /** Shipped form: key -> packed facts (see {@link #packPhrase}, {@link #packWord}). */
  private final LongIntMap phrases;
  private final LongIntMap words;
  /** Training form: key -> counts [PER, ORG, LOC, MISC, capitalised occurrences]; null when shipped. */
  private final Map<Long, int[]> phraseCounts;
  private final Map<Long, int[]> wordCounts;
  private final List<Map<Long, int[]>> ownPhrase;
  private final List<Map<Long, int[]>> ownWord;

  private NameMemory(LongIntMap phrases, LongIntMap words) {
    this.phrases = phrases;
    this.words = words;
    this.phraseCounts = null;
    this.wordCounts = null;
    this.ownPhrase = null;
    this.ownWord = null;
  }

  private NameMemory(Map<Long, int[]> pc, Map<Long, int[]> wc, List<Map<Long, int[]>> op,
      List<Map<Long, int[]>> ow) {
    this.phraseCounts = pc;
    this.wordCounts = wc;
    this.ownPhrase = op;
    this.ownWord = ow;
    this.phrases = new LongIntMap(pc.size());
    for (Map.Entry<Long, int[]> e : pc.entrySet()) {
      int p = packPhrase(e.getValue());
      if (p != 0) phrases.put(e.getKey(), p);
    }
    this.words = new LongIntMap(wc.size());
    for (Map.Entry<Long, int[]> e : wc.entrySet()) {
      int p = packWord(e.getValue());
      if (p != 0) words.put(e.getKey(), p);
    }
  }

  /** Counts names over training documents with their gold BILOU labels. */
  static NameMemory build(List<NerDoc> docs, List<int[][]> gold) {
    Set<Long> known = new HashSet<>();
    for (int d = 0; d < docs.size(); d++) {
      NerDoc doc = docs.get(d);
      for (int s = 0; s < doc.words.length; s++) {
        for (NerTagger.Chunk c : NerTagger.chunks(gold.get(d)[s])) {
          if (c.end() - c.start() <= MAX_LEN) known.add(phraseKey(doc.lower[s], c.start(), c.end()));
        }
      }
    }
    Map<Long, int[]> pc = new HashMap<>();
    Map<Long, int[]> wc = new HashMap<>();
    List<Map<Long, int[]>> op = new ArrayList<>(docs.size());
    List<Map<Long, int[]>> ow = new ArrayList<>(docs.size());
    for (int d = 0; d < docs.size(); d++) {
      NerDoc doc = docs.get(d);
      Map<Long, int[]> p = new HashMap<>();
      Map<Long, int[]> w = new HashMap<>();
      for (int s = 0; s < doc.words.length; s++) {
        String[] ws = doc.words[s];
        String[] ls = doc.lower[s];
        int[] g = gold.get(d)[s];
        for (NerTagger.Chunk c : NerTagger.chunks(g)) {
          if (c.end() - c.start() <= MAX_LEN) {
            p.computeIfAbsent(phraseKey(ls, c.start(), c.end()), x -> new int[5])[Labels.TYPES.indexOf(c.type())]++;
          }
        }
        for (int i = 0; i < ws.length; i++) {
          if (!starts(ws[i])) continue;
          long x = PHRASE_SEED;
          for (int k = 0; k < MAX_LEN && i + k < ws.length; k++) {
            x = extend(x, ls[i + k]);
            if (known.contains(x)) p.computeIfAbsent(x, y -> new int[5])[4]++;
          }
          int[] c = w.computeIfAbsent(wordKey(ls[i]), y -> new int[5]);
          c[4]++;
          if (g[i] != 0) c[Labels.type(g[i])]++;
        }
      }
      op.add(p);
      ow.add(w);
      add(pc, p);
      add(wc, w);
    }
    return new NameMemory(pc, wc, op, ow);
  }

  private static void add(Map<Long, int[]> into, Map<Long, int[]> from) {
    for (Map.Entry<Long, int[]> e : from.entrySet()) {
      int[] c = into.computeIfAbsent(e.getKey(), x -> new int[5]);
      for (int t = 0; t < 5; t++) c[t] += e.getValue()[t];
    }
  }

  /** A name may start at a token beginning with a capital letter or a digit. */
  private static boolean starts(String w) {
    char c = w.charAt(0);
    return Character.isUpperCase(c) || Character.isDigit(c);
  }

  private static long extend(long x, String low) {
    for (int i = 0; i < low.length(); i++) {
      x ^= low.charAt(i);
      x *= PRIME;
    }
    x ^= 0x20;
    x *= PRIME;
    return x == 0 ? 1 : x;
  }

  static long phraseKey(String[] lower, int from, int to) {
    long x = PHRASE_SEED;
    for (int i = from; i < to; i++) x = extend(x, lower[i]);
    return x;
  }

  static long wordKey(String low) {
    return extend(WORD_SEED, low);
  }

  /**
   * Packed phrase facts, 0 when no gold mention is left: {@code 1 | type << 1 | share << 3 | freq << 5 | second << 7}
   * (majority type; its share of the capitalised occurrences in four buckets; how many mentions it had, 1, 2-3, 4-9,
   * 10+; the second type when it has at least a fifth of the mentions, else 4).
   */
  static int packPhrase(int[] c) {
    int ent = c[0] + c[1] + c[2] + c[3];
    if (ent <= 0) return 0;
    int type = 0;
    for (int t = 1; t < 4; t++) if (c[t] > c[type]) type = t;
    int second = 4;
    for (int t = 0; t < 4; t++) {
      if (t != type && c[t] > 0 && c[t] * 5 >= ent && (second == 4 || c[t] > c[second])) second = t;
    }
    double share = (double) c[type] / Math.max(c[4], ent);
    int sb = share < 0.3 ? 0 : share < 0.6 ? 1 : share < 0.9 ? 2 : 3;
    int n = c[type];
    int fb = n <= 1 ? 0 : n <= 3 ? 1 : n <= 9 ? 2 : 3;
    return 1 | type << 1 | sb << 3 | fb << 5 | second << 7;
  }

  /**
   * Packed word facts, 0 when unseen (or seen once, never in a name): {@code 1 | type << 1 | inside << 3 | freq << 5}
   * (majority type of the names it sat in; the share of its capitalised occurrences inside a name, none, below half,
   * below 0.9, above; capitalised occurrences 1, 2-4, 5-19, 20+).
   */
  static int packWord(int[] c) {
    int ent = c[0] + c[1] + c[2] + c[3];
    int occ = Math.max(c[4], ent);
    if (occ <= 0 || (ent == 0 && occ < 2)) return 0;
    int type = 0;
    for (int t = 1; t < 4; t++) if (c[t] > c[type]) type = t;
    double share = (double) ent / occ;
    int ib = ent == 0 ? 0 : share < 0.5 ? 1 : share < 0.9 ? 2 : 3;
    int fb = occ <= 1 ? 0 : occ <= 4 ? 1 : occ <= 19 ? 2 : 3;
    return 1 | (ent == 0 ? 0 : type) << 1 | ib << 3 | fb << 5;
  }

  private int phrase(long key, Map<Long, int[]> own) {
    if (own == null) {
      int v = phrases.get(key);
      return v < 0 ? 0 : v;
    }
    int[] g = phraseCounts.get(key);
    if (g == null) return 0;
    int[] o = own.get(key);
    if (o == null) return phrases.get(key) < 0 ? 0 : phrases.get(key);
    int[] c = new int[5];
    for (int t = 0; t < 5; t++) c[t] = g[t] - o[t];
    return packPhrase(c);
  }

  private int word(long key, Map<Long, int[]> own) {
    if (own == null) {
      int v = words.get(key);
      return v < 0 ? 0 : v;
    }
    int[] g = wordCounts.get(key);
    if (g == null) return 0;
    int[] o = own.get(key);
    if (o == null) return words.get(key) < 0 ? 0 : words.get(key);
    int[] c = new int[5];
    for (int t = 0; t < 5; t++) c[t] = g[t] - o[t];
    return packWord(c);
  }

  /** Sets the memory facts of an unseen document. */
  void annotate(NerDoc d) {
    annotate(d, null, null);
  }

  /** Sets the memory facts of training document {@code doc} (its own counts left out). */
  void annotateTraining(NerDoc d, int doc) {
    annotate(d, ownPhrase.get(doc), ownWord.get(doc));
  }

  /**
   * Per token: the longest remembered name starting at the leftmost free token (names do not overlap), packed as
   * {@link #packPhrase} plus its BILOU position {@code << 10}; and the word's own facts.
   */
  private void annotate(NerDoc d, Map<Long, int[]> op, Map<Long, int[]> ow) {
    int[][] mp = new int[d.words.length][];
    int[][] mw = new int[d.words.length][];
    for (int s = 0; s < d.words.length; s++) {
      String[] ws = d.words[s];
      String[] ls = d.lower[s];
      int n = ws.length;
      mp[s] = new int[n];
      mw[s] = new int[n];
      for (int i = 0; i < n; i++) if (starts(ws[i])) mw[s][i] = word(wordKey(ls[i]), ow);
      int i = 0;
      while (i < n) {
        if (!starts(ws[i])) {
          i++;
          continue;
        }
        long x = PHRASE_SEED;
        int bestLen = 0;
        int best = 0;
        for (int k = 0; k < MAX_LEN && i + k < n; k++) {
          x = extend(x, ls[i + k]);
          int v = phrase(x, op);
          if (v != 0) {
            bestLen = k + 1;
            best = v;
          }
        }
        if (bestLen == 0) {
          i++;
          continue;
        }
        for (int k = 0; k < bestLen; k++) {
          int pos = bestLen == 1 ? Labels.U : k == 0 ? Labels.B : k == bestLen - 1 ? Labels.L : Labels.I;
          mp[s][i + k] = best | pos << 10;
        }
        i += bestLen;
      }
    }
    d.memPhrase = mp;
    d.memWord = mw;
  }

  void write(DataOutputStream out) throws IOException {
    for (LongIntMap m : new LongIntMap[] {phrases, words}) {
      long[] keys = m.keys();
      java.util.Arrays.sort(keys);
      out.writeInt(keys.length);
      for (long k : keys) {
        out.writeLong(k);
        out.writeShort(m.get(k));
      }
    }
  }

  static NameMemory read(DataInputStream in) throws IOException {
    LongIntMap[] maps = new LongIntMap[2];
    for (int j = 0; j < 2; j++) {
      int n = in.readInt();
      LongIntMap m = new LongIntMap(n);
      for (int i = 0; i < n; i++) {
        long k = in.readLong();
        m.put(k, in.readShort());
      }
      maps[j] = m;
    }
    return new NameMemory(maps[0], maps[1]);
  }
}
