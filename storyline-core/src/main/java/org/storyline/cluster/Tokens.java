package org.storyline.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenisation for clustering: lower-cased word tokens without stop words, capitalised-name tokens (the fallback for
 * entities when no entity stage ran) and word shingles for duplicate detection. Stateless and thread-safe.
 */
public final class Tokens {
  static final Set<String> STOP = load("stopwords.txt");
  static final Set<String> NAME_STOP = load("name-stopwords.txt");

  private Tokens() {}

  /** Maximal runs of letters or digits, lower-cased; a trailing possessive "'s" is dropped. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
      int s = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
      if (i > s) out.add(text.substring(s, i).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Content terms: words minus stop words, pure numbers and one-letter tokens; plural "s" folded. */
  public static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (String w : words(text)) {
      if (isYear(w)) {
        out.add(w);
        continue;
      }
      if (w.length() < 2 || STOP.contains(w) || isNumber(w)) continue;
      out.add(fold(w));
    }
    return out;
  }

  /** A very light plural fold: "talks" -> "talk", "countries" -> "country"; short words untouched. */
  static String fold(String w) {
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  /**
   * Capitalised tokens that are probably names: upper-case initial, not a sentence opener, not in the name stop list.
   * As printed (callers lower-case them for keys); the fallback when no entities were given for an article.
   */
  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    while (i < n) {
      int s = i;
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '\u201c') {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)))) i++;
      String tok = text.substring(s, i);
      if (Character.isUpperCase(tok.charAt(0)) && tok.length() > 1 && !sentenceStart) {
        String low = tok.toLowerCase(Locale.ROOT);
        if (!NAME_STOP.contains(low) && !isNumber(low)) out.add(tok);
      }
      sentenceStart = false;
    }
    return out;
  }

  /** Hashes of overlapping word k-grams over all words (stop words kept), for duplicate detection. */
  static long[] shingles(String text, int k) {
    List<String> w = words(text);
    if (w.size() < k) {
      return w.isEmpty() ? new long[0] : new long[] {hash(String.join(" ", w))};
    }
    Set<Long> seen = new HashSet<>();
    long[] tmp = new long[w.size() - k + 1];
    int m = 0;
    for (int i = 0; i + k <= w.size(); i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < k; j++) h = mix(h ^ hash(w.get(i + j)));
      if (seen.add(h)) tmp[m++] = h;
    }
    return java.util.Arrays.copyOf(tmp, m);
  }

  /** A four-digit year 1900-2099: a strong cue to which of two similar events a text is about. */
  static boolean isYear(String w) {
    return w.length() == 4 && isNumber(w) && (w.startsWith("19") || w.startsWith("20"));
  }

  static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
    return true;
  }

  static long hash(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
    return mix(h);
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Set<String> load(String name) {
    Set<String> s = new HashSet<>();
    try (InputStream in = Tokens.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) continue;
        for (String w : line.trim().split("\\s+")) if (!w.isEmpty()) s.add(w.toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(s);
  }
}
