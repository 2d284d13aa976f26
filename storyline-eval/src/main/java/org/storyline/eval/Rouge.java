package org.storyline.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate summary against one reference (Lin 2004), on lower-cased word
 * tokens (runs of letters and digits), without stemming or stop-word removal; ROUGE-L on the whole texts as one
 * sequence each (the LCS of all tokens). Not the ROUGE-1.5.5 script: figures are for side-by-side comparison of
 * systems scored here, not with published ones. Stateless.
 */
final class Rouge {
  private Rouge() {}

  /** F1 of ROUGE-1, -2 and -L. */
  record Scores(double r1, double r2, double rl) {}

  static Scores score(String candidate, String reference) {
    List<String> c = tokens(candidate);
    List<String> r = tokens(reference);
    return new Scores(ngram(c, r, 1), ngram(c, r, 2), lcs(c, r));
  }

  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
    return out;
  }

  static double ngram(List<String> c, List<String> r, int n) {
    Map<String, Integer> cc = grams(c, n);
    Map<String, Integer> rc = grams(r, n);
    int overlap = 0;
    for (var e : cc.entrySet()) overlap += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
    int cn = Math.max(0, c.size() - n + 1);
    int rn = Math.max(0, r.size() - n + 1);
    return f1(overlap, cn, rn);
  }

  private static Map<String, Integer> grams(List<String> t, int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= t.size(); i++) m.merge(String.join(" ", t.subList(i, i + n)), 1, Integer::sum);
    return m;
  }

  static double lcs(List<String> c, List<String> r) {
    int[] prev = new int[r.size() + 1];
    int[] cur = new int[r.size() + 1];
    for (int i = 1; i <= c.size(); i++) {
      for (int j = 1; j <= r.size(); j++) {
        cur[j] = c.get(i - 1).equals(r.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return f1(prev[r.size()], c.size(), r.size());
  }

  private static double f1(int overlap, int cn, int rn) {
    if (overlap == 0 || cn == 0 || rn == 0) return 0;
    double p = overlap / (double) cn;
    double rec = overlap / (double) rn;
    return 2 * p * rec / (p + rec);
  }
}
