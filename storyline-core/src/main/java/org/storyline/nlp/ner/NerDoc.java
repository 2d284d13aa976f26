package org.storyline.nlp.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A document prepared for tagging: sentences of normalised token strings, with the per-token and per-document facts
 * the features read (lowercase forms, shapes, gazetteer matches, which words the document writes in lower case).
 */
final class NerDoc {
  final String[][] words;
  final String[][] lower;
  final String[][] shape;
  final int[][] gaz;
  final int[][] cluster;
  final boolean[] allCaps;
  final Set<String> lowercaseSeen;

  NerDoc(List<String[]> sentences, Gazetteer gazetteer, WordClusters clusters) {
    int n = sentences.size();
    words = new String[n][];
    lower = new String[n][];
    shape = new String[n][];
    gaz = new int[n][];
    cluster = new int[n][];
    allCaps = new boolean[n];
    Set<String> lc = new HashSet<>();
    for (int s = 0; s < n; s++) {
      String[] w = sentences.get(s);
      words[s] = w;
      lower[s] = new String[w.length];
      shape[s] = new String[w.length];
      cluster[s] = new int[w.length];
      int letters = 0;
      int caps = 0;
      for (int i = 0; i < w.length; i++) {
        lower[s][i] = w[i].toLowerCase(Locale.ROOT);
        shape[s][i] = shape(w[i]);
        cluster[s][i] = clusters.lookup(w[i]);
        char c = w[i].charAt(0);
        if (Character.isLetter(c)) {
          letters++;
          if (isAllUpper(w[i])) caps++;
          if (Character.isLowerCase(c) && i > 0) lc.add(w[i]);
        }
      }
      allCaps[s] = letters >= 2 && caps * 10 >= letters * 8;
      gaz[s] = gazetteer.match(lower[s]);
    }
    lowercaseSeen = lc;
  }

  static boolean isAllUpper(String w) {
    boolean any = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) return false;
      if (Character.isUpperCase(c)) any = true;
    }
    return any;
  }

  /** Collapsed word shape: "Putin" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
  static String shape(String w) {
    StringBuilder sb = new StringBuilder(8);
    char last = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char m = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
          : Character.isLetter(c) ? 'x' : c;
      if (m != last) sb.append(m);
      last = m;
    }
    return sb.toString();
  }

  /** Normalises a raw token to the CoNLL conventions (curly quotes and dashes). */
  static String normalise(String tok) {
    if (tok.length() == 1) {
      switch (tok.charAt(0)) {
        case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb' -> {
          return "\"";
        }
        case '\u2018', '\u2019' -> {
          return "'";
        }
        case '\u2014', '\u2013', '\u2012', '\u2015' -> {
          return "--";
        }
        case '\u2026' -> {
          return "...";
        }
        default -> {
          return tok;
        }
      }
    }
    if (tok.indexOf('\u2019') >= 0) tok = tok.replace('\u2019', '\'');
    if (tok.indexOf('\u2013') >= 0) tok = tok.replace('\u2013', '-');
    return tok;
  }

  static List<String[]> of(List<List<String>> sents) {
    List<String[]> out = new ArrayList<>(sents.size());
    for (List<String> s : sents) out.add(s.toArray(String[]::new));
    return out;
  }
}
