package org.storyline.nlp.ner;

/**
 * Feature templates of the entity tagger, hashed to 64-bit keys without building strings. Templates: word, lower
 * case, shape, prefixes and suffixes, a window of two words and shapes each side, word bigrams, the two previous
 * labels, headline (all-caps sentence) and sentence-start flags, hyphen parts, gazetteer matches, whether the
 * document also writes the word in lower case, the type this document's earlier mentions of the word received, the
 * run of capitalised words around the token (its length, the token's place in it, the words just outside it), and
 * what the training names say ({@link NameMemory}) about the token, its word and its neighbours.
 */
final class NerFeatures {
  static final int MAX = 160;
  private static final long FNV = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private NerFeatures() {}

  private static long h(long seed, String s) {
    long x = seed;
    for (int i = 0; i < s.length(); i++) {
      x ^= s.charAt(i);
      x *= PRIME;
    }
    x ^= 0x1f;
    x *= PRIME;
    return x;
  }

  private static long h(long seed, String s, int from, int to) {
    long x = seed;
    for (int i = from; i < to; i++) {
      x ^= s.charAt(i);
      x *= PRIME;
    }
    x ^= 0x1f;
    x *= PRIME;
    return x;
  }

  private static long t(int template) {
    return (FNV ^ template) * PRIME;
  }

  private static long t(int template, long v) {
    long x = (FNV ^ template) * PRIME;
    x ^= v;
    x *= PRIME;
    return x;
  }

  private static long fin(long x) {
    return x == 0 ? 1 : x;
  }

  /** Type and BILOU position of a remembered name over a token, 98 when none. */
  private static int memTag(int pm) {
    return pm == 0 ? 98 : ((pm >>> 1) & 3) * 4 + ((pm >>> 10) & 3);
  }

  /**
   * Writes the feature keys of token {@code i} of sentence {@code s} into {@code out}; returns how many.
   * {@code p1}, {@code p2} are the previous two labels (0 at the sentence start); {@code hist} the most frequent
   * type earlier mentions of this word got in the document (-1 none, 4 = was tagged O while capitalised).
   */
  static int extract(NerDoc d, int s, int i, int p1, int p2, int hist, long[] out) {
    return extractDynamic(d, s, i, p1, p2, hist, out, extractStatic(d, s, i, hist, out));
  }

  /**
   * The features that read the previous labels, written into {@code out} from {@code k}; returns the new count.
   * Beam search scores {@link #extractStatic} once per token and these once per hypothesis.
   */
  static int extractDynamic(NerDoc d, int s, int i, int p1, int p2, int hist, long[] out, int k) {
    String low = d.lower[s][i];
    String shp = d.shape[s][i];
    out[k++] = fin(t(31, p1));
    out[k++] = fin(t(32, p1 * 31L + p2));
    out[k++] = fin(h(t(33, p1), low));
    out[k++] = fin(h(t(34, p1), shp));
    int c = d.cluster[s][i];
    if (c >= 0) out[k++] = fin(t(53, (long) (c >>> 16) * 32 + p1));
    if (d.memPhrase != null) {
      int pm = d.memPhrase[s][i];
      if (pm != 0) out[k++] = fin(t(84, (((pm >>> 1) & 3) * 4 + ((pm >>> 10) & 3)) * 32L + p1));
    }
    if (d.prior != null) out[k++] = fin(t(66, ((d.prior[s][i] >>> 8) & 0xf) * 32L + p1));
    if (Character.isUpperCase(d.words[s][i].charAt(0))) out[k++] = fin(t(47, (hist + 1L) * 64 + p1));
    return k;
  }

  /**
   * The features that do not read the previous labels; returns how many. In the order training summed them:
   * {@link #extractShared}'s first part, the second stage's, its second part, then the history's.
   */
  static int extractStatic(NerDoc d, int s, int i, int hist, long[] out) {
    int k = ownWords(d, s, i, out);
    k = stageFacts(d, s, i, out, k);
    k = docFacts(d, s, i, out, k);
    return historyFacts(d, s, i, hist, out, k);
  }

  /**
   * The label-independent features both stages of a tagger extract alike (all but {@link #extractOwn}'s); returns
   * how many. A loaded model's weights are whole numbers summed exactly, so their order does not matter there.
   */
  static int extractShared(NerDoc d, int s, int i, long[] out) {
    return docFacts(d, s, i, out, ownWords(d, s, i, out));
  }

  /**
   * The label-independent features that differ between the stages: the second stage's facts about the first
   * stage's labels, and the type this document's earlier mentions received; written from {@code k}.
   */
  static int extractOwn(NerDoc d, int s, int i, int hist, long[] out, int k) {
    return historyFacts(d, s, i, hist, out, stageFacts(d, s, i, out, k));
  }

  /** The token, its neighbours, gazetteer, clusters and name memory. */
  private static int ownWords(NerDoc d, int s, int i, long[] out) {
    String[] w = d.words[s];
    String[] lw = d.lower[s];
    String[] sh = d.shape[s];
    int n = w.length;
    int k = 0;
    String word = w[i];
    String low = lw[i];
    String shp = sh[i];
    boolean caps = d.allCaps[s];
    out[k++] = fin(t(1));
    if (!caps) out[k++] = fin(h(t(2), word));
    out[k++] = fin(h(t(3), low));
    out[k++] = fin(h(t(4), shp));
    int len = low.length();
    for (int a = 1; a <= 4 && a <= len; a++) {
      out[k++] = fin(h(t(5 + a), low, 0, a));
      out[k++] = fin(h(t(10 + a), low, len - a, len));
    }
    String lm1 = i > 0 ? lw[i - 1] : "<s>";
    String lp1 = i + 1 < n ? lw[i + 1] : "</s>";
    String lm2 = i > 1 ? lw[i - 2] : "<s>";
    String lp2 = i + 2 < n ? lw[i + 2] : "</s>";
    String sm1 = i > 0 ? sh[i - 1] : "<s>";
    String sp1 = i + 1 < n ? sh[i + 1] : "</s>";
    out[k++] = fin(h(t(20), lm1));
    out[k++] = fin(h(t(21), lp1));
    out[k++] = fin(h(t(22), lm2));
    out[k++] = fin(h(t(23), lp2));
    out[k++] = fin(h(t(24), sm1));
    out[k++] = fin(h(t(25), sp1));
    out[k++] = fin(h(h(h(t(26), sm1), shp), sp1));
    out[k++] = fin(h(h(t(27), lm1), low));
    out[k++] = fin(h(h(t(28), low), lp1));
    if (!caps && i > 0) out[k++] = fin(h(h(t(29), w[i - 1]), shp));
    if (!caps && i + 1 < n) out[k++] = fin(h(h(t(30), shp), w[i + 1]));
    if (i == 0) out[k++] = fin(h(t(35), shp));
    if (caps) {
      out[k++] = fin(h(t(36), shp));
      out[k++] = fin(h(t(37), low));
    }
    int dash = low.indexOf('-');
    if (dash > 0 && dash < len - 1) {
      int from = 0;
      while (from < len && k < MAX - 20) {
        int e = low.indexOf('-', from);
        if (e < 0) e = len;
        if (e > from) out[k++] = fin(h(t(38), low, from, e));
        from = e + 1;
      }
    }
    int g = d.gaz[s][i];
    if (g != 0) {
      for (int b = 0; b < 16; b++) {
        if ((g & (1 << b)) != 0 && k < MAX - 12) {
          out[k++] = fin(t(40, b));
          out[k++] = fin(h(t(41, b), shp));
        }
      }
    }
    if (i > 0) {
      int gp = d.gaz[s][i - 1];
      if (gp != 0) out[k++] = fin(t(42, gp));
    }
    if (i + 1 < n) {
      int gn = d.gaz[s][i + 1];
      if (gn != 0) out[k++] = fin(t(43, gn));
    }
    int[] cl = d.cluster[s];
    int c = cl[i];
    if (c >= 0) {
      out[k++] = fin(t(50, c >>> 16));
      out[k++] = fin(t(51, (c >>> 8) & 0xff));
      out[k++] = fin(t(52, c & 0xff));
    } else {
      out[k++] = fin(t(54));
    }
    if (i > 0 && cl[i - 1] >= 0) {
      out[k++] = fin(t(55, cl[i - 1] >>> 16));
      out[k++] = fin(t(56, (cl[i - 1] >>> 8) & 0xff));
    }
    if (i + 1 < n && cl[i + 1] >= 0) {
      out[k++] = fin(t(57, cl[i + 1] >>> 16));
      out[k++] = fin(t(58, (cl[i + 1] >>> 8) & 0xff));
    }
    if (!caps && Character.isUpperCase(word.charAt(0))) { // the run of capitalised words around the token
      int a = i;
      while (a > 0 && Character.isUpperCase(w[a - 1].charAt(0))) a--;
      int b = i + 1;
      while (b < n && Character.isUpperCase(w[b].charAt(0))) b++;
      int len2 = Math.min(b - a, 4);
      int at = b - a == 1 ? 0 : i == a ? 1 : i == b - 1 ? 2 : 3;
      out[k++] = fin(t(90, len2 * 4L + at));
      out[k++] = fin(h(t(91, at), a > 0 ? lw[a - 1] : "<s>"));
      out[k++] = fin(h(t(92, at), b < n ? lw[b] : "</s>"));
    }
    out[k++] = fin(h(t(93), i > 1 ? sh[i - 2] : "<s>"));
    out[k++] = fin(h(t(94), i + 2 < n ? sh[i + 2] : "</s>"));
    if (d.memPhrase != null) {
      int[] mp = d.memPhrase[s];
      int pm = mp[i];
      if (pm != 0) {
        int type = (pm >>> 1) & 3;
        int tp = type * 4 + ((pm >>> 10) & 3);
        out[k++] = fin(t(80, tp));
        out[k++] = fin(t(81, tp * 16L + ((pm >>> 3) & 15)));
        out[k++] = fin(t(82, type * 8L + ((pm >>> 7) & 7)));
        out[k++] = fin(h(t(83, tp), shp));
      } else if (Character.isUpperCase(word.charAt(0))) {
        out[k++] = fin(h(t(85), shp));
      }
      out[k++] = fin(t(86, i > 0 ? memTag(mp[i - 1]) : 99));
      out[k++] = fin(t(87, i + 1 < n ? memTag(mp[i + 1]) : 99));
      int[] mw = d.memWord[s];
      out[k++] = fin(t(95, i > 0 ? mw[i - 1] & 0x1f : 99));
      out[k++] = fin(t(96, i + 1 < n ? mw[i + 1] & 0x1f : 99));
      out[k++] = fin(t(97, i > 1 ? memTag(mp[i - 2]) : 99));
      out[k++] = fin(t(98, i + 2 < n ? memTag(mp[i + 2]) : 99));
      if (Character.isUpperCase(word.charAt(0))) {
        int pw = d.memWord[s][i];
        out[k++] = fin(t(88, pw));
        out[k++] = fin(h(t(89, pw & 0x1f), shp));
      }
    }
    return k;
  }

  /** The second stage's facts about the first stage's labels (none in the first stage). */
  private static int stageFacts(NerDoc d, int s, int i, long[] out, int k) {
    if (d.prior != null) {
      int n = d.words[s].length;
      int[] pr = d.prior[s];
      int own = pr[i] & 0xff;
      int wm = (pr[i] >>> 8) & 0xf;
      int cm = (pr[i] >>> 12) & 0xf;
      out[k++] = fin(t(60, own));
      out[k++] = fin(t(61, wm));
      out[k++] = fin(h(t(62, wm), d.shape[s][i]));
      out[k++] = fin(t(63, cm * 32L + own));
      out[k++] = fin(t(64, i > 0 ? pr[i - 1] & 0xff : 99));
      out[k++] = fin(t(65, i + 1 < n ? pr[i + 1] & 0xff : 99));
    }
    return k;
  }

  /** How often the word is capitalised, and whether this document also writes it in lower case. */
  private static int docFacts(NerDoc d, int s, int i, long[] out, int k) {
    int n = d.words[s].length;
    String word = d.words[s][i];
    int cap = d.capRate[s][i];
    out[k++] = fin(t(71, cap + 1L));
    out[k++] = fin(h(t(72, cap + 1L), d.shape[s][i]));
    if (i + 1 < n) out[k++] = fin(t(73, d.capRate[s][i + 1] + 1L));
    char c0 = word.charAt(0);
    if (Character.isUpperCase(c0)) {
      boolean lcSeen = d.lowercaseSeen.contains(d.lower[s][i]);
      out[k++] = fin(t(44, (lcSeen ? 1 : 0) * 2 + (i == 0 ? 1 : 0)));
    }
    return k;
  }

  /** The type this document's earlier capitalised mentions of the word received. */
  private static int historyFacts(NerDoc d, int s, int i, int hist, long[] out, int k) {
    if (Character.isUpperCase(d.words[s][i].charAt(0))) {
      out[k++] = fin(t(45, hist + 1L));
      out[k++] = fin(h(t(46, hist + 1L), d.shape[s][i]));
    }
    return k;
  }
}
