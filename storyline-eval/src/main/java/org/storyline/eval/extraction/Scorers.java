package org.storyline.eval.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The published scorers of the extraction benchmarks, reimplemented as specified in the data README. */
final class Scorers {
  private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private Scorers() {}

  /**
   * Python's {@code re.findall(r"\\w+", s)} in Unicode mode: a word character is a letter (L*), a number
   * (Nd, Nl, No) or the underscore; unlike Java's Unicode {@code \\w} it excludes combining marks.
   */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) return out;
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean w = isWord(cp);
      if (w && start < 0) start = i;
      else if (!w && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) out.add(s.substring(start));
    return out;
  }

  private static boolean isWord(int cp) {
    if (cp == '_') return true;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  // ---- AEB: 4-token shingles, macro P and R, F1 from the means ----

  /** Running AEB totals over documents. */
  static final class Aeb {
    private double pSum;
    private int pN;
    private double rSum;
    private int rN;
    private int exact;
    private int docs;

    void add(String gold, String pred) {
      List<String> g = tokens(gold);
      List<String> p = tokens(pred == null ? "" : pred);
      docs++;
      if (g.equals(p)) exact++;
      Map<List<String>, Integer> cg = shingles(g);
      Map<List<String>, Integer> cp = shingles(p);
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (var e : cp.entrySet()) {
        int gc = cg.getOrDefault(e.getKey(), 0);
        tp += Math.min(gc, e.getValue());
        fp += Math.max(0, e.getValue() - gc);
      }
      for (var e : cg.entrySet()) fn += Math.max(0, e.getValue() - cp.getOrDefault(e.getKey(), 0));
      double precision = fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : (double) tp / (tp + fn);
      if (!cp.isEmpty()) {
        pSum += precision;
        pN++;
      }
      if (!cg.isEmpty()) {
        rSum += cp.isEmpty() ? 0 : recall;
        rN++;
      }
    }

    double precision() {
      return pN == 0 ? 0 : pSum / pN;
    }

    double recall() {
      return rN == 0 ? 0 : rSum / rN;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double accuracy() {
      return docs == 0 ? 0 : (double) exact / docs;
    }
  }

  static Map<List<String>, Integer> shingles(List<String> t) {
    Map<List<String>, Integer> m = new HashMap<>();
    if (t.isEmpty()) return m;
    if (t.size() < 4) {
      m.put(List.copyOf(t), 1);
      return m;
    }
    for (int i = 0; i + 4 <= t.size(); i++) m.merge(List.copyOf(t.subList(i, i + 4)), 1, Integer::sum);
    return m;
  }

  // ---- trafilatura-eval: with/without snippets, micro counts ----

  /** Running snippet counts. */
  static final class Snippets {
    long tp;
    long fn;
    long fp;
    long tn;

    void add(String output, List<String> with, List<String> without) {
      String out = output == null ? null : norm(output);
      for (String w : with) {
        if (out != null && out.contains(norm(w))) tp++;
        else fn++;
      }
      for (String w : without) {
        if (out != null && out.contains(norm(w))) fp++;
        else tn++;
      }
    }

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double accuracy() {
      long all = tp + fn + fp + tn;
      return all == 0 ? 0 : (double) (tp + tn) / all;
    }

    double f1() {
      long d = 2 * tp + fp + fn;
      return d == 0 ? 0 : 2.0 * tp / d;
    }
  }

  static String norm(String s) {
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  // ---- WCXB: lowercased bag of words, per-page P/R/F1 averaged; snippet rates ----

  /** Running WCXB means. */
  static final class Wcxb {
    double p;
    double r;
    double f;
    double with;
    double without;
    int n;

    void add(String gold, String pred, List<String> withS, List<String> withoutS) {
      String pr = pred == null ? "" : pred;
      List<String> g = tokens(gold == null ? "" : gold.toLowerCase(Locale.ROOT));
      List<String> q = tokens(pr.toLowerCase(Locale.ROOT));
      double pp;
      double rr;
      double ff;
      if (g.isEmpty()) {
        pp = rr = ff = q.isEmpty() ? 1 : 0;
      } else if (q.isEmpty()) {
        pp = rr = ff = 0;
      } else {
        Map<String, Integer> cg = new HashMap<>();
        for (String t : g) cg.merge(t, 1, Integer::sum);
        Map<String, Integer> cq = new HashMap<>();
        for (String t : q) cq.merge(t, 1, Integer::sum);
        int overlap = 0;
        for (var e : cq.entrySet()) overlap += Math.min(e.getValue(), cg.getOrDefault(e.getKey(), 0));
        pp = (double) overlap / q.size();
        rr = (double) overlap / g.size();
        ff = pp + rr > 0 ? 2 * pp * rr / (pp + rr) : 0;
      }
      p += pp;
      r += rr;
      f += ff;
      with += rate(pr, withS);
      without += rate(pr, withoutS);
      n++;
    }

    private static double rate(String text, List<String> snippets) {
      if (snippets.isEmpty()) return 1;
      String t = text.toLowerCase(Locale.ROOT);
      int found = 0;
      for (String s : snippets) if (t.contains(s.toLowerCase(Locale.ROOT))) found++;
      return (double) found / snippets.size();
    }
  }

  // ---- htmldate-eval: TP equal, FP different, FN none ----

  /** Running date counts. */
  static final class Dates {
    int tp;
    int fp;
    int fn;

    void add(String gold, String predicted) {
      if (predicted == null || predicted.length() < 10) fn++;
      else if (predicted.substring(0, 10).equals(gold)) tp++;
      else fp++;
    }

    int n() {
      return tp + fp + fn;
    }

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double accuracy() {
      return n() == 0 ? 0 : (double) tp / n();
    }

    double f1() {
      int d = 2 * tp + fp + fn;
      return d == 0 ? 0 : 2.0 * tp / d;
    }
  }
}
