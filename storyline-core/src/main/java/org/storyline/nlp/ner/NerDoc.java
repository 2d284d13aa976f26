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
  final int[][] capRate;
  final boolean[] allCaps;
  final Set<String> lowercaseSeen;
  /** Second stage only: per token, packed facts about the first stage's labels in this document, else null. */
  int[][] prior;
  /** Facts from the training names ({@link NameMemory}) per token, or null when the model has none. */
  int[][] memPhrase;
  int[][] memWord;

  NerDoc(List<String[]> sentences, Gazetteer gazetteer, WordClusters clusters) {
    int n = sentences.size();
    words = new String[n][];
    lower = new String[n][];
    shape = new String[n][];
    gaz = new int[n][];
    cluster = new int[n][];
    capRate = new int[n][];
    allCaps = new boolean[n];
    Set<String> lc = new HashSet<>();
    for (int s = 0; s < n; s++) {
      String[] w = sentences.get(s);
      words[s] = w;
      lower[s] = new String[w.length];
      shape[s] = new String[w.length];
      cluster[s] = new int[w.length];
      capRate[s] = new int[w.length];
      int letters = 0;
      int caps = 0;
      for (int i = 0; i < w.length; i++) {
        lower[s][i] = w[i].toLowerCase(Locale.ROOT);
        shape[s][i] = shape(w[i]);
        cluster[s][i] = clusters.lookup(w[i]);
        capRate[s][i] = clusters.capitalisation(lower[s][i]);
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

  /**
   * Sets the second-stage facts from first-stage labels: for each token, its own first-stage label, the majority
   * type the other capitalised occurrences of the word got (4 = none of them an entity, 5 = no other occurrence),
   * and the majority type of the first-stage entity string it belongs to across the document.
   */
  void setPrior(int[][] stage1) {
    java.util.Map<String, int[]> byWord = new java.util.HashMap<>();
    java.util.Map<String, int[]> byChunk = new java.util.HashMap<>();
    String[][] chunkOf = new String[words.length][];
    for (int s = 0; s < words.length; s++) {
      chunkOf[s] = new String[words[s].length];
      for (int i = 0; i < words[s].length; i++) {
        if (!Character.isUpperCase(words[s][i].charAt(0))) continue;
        int t = stage1[s][i] == 0 ? 4 : Labels.type(stage1[s][i]);
        byWord.computeIfAbsent(lower[s][i], x -> new int[5])[t]++;
      }
      for (NerTagger.Chunk c : NerTagger.chunks(stage1[s])) {
        StringBuilder b = new StringBuilder();
        for (int i = c.start(); i < c.end(); i++) b.append(lower[s][i]).append(' ');
        String key = b.toString();
        byChunk.computeIfAbsent(key, x -> new int[4])[Labels.TYPES.indexOf(c.type())]++;
        for (int i = c.start(); i < c.end(); i++) chunkOf[s][i] = key;
      }
    }
    prior = new int[words.length][];
    for (int s = 0; s < words.length; s++) {
      prior[s] = new int[words[s].length];
      for (int i = 0; i < words[s].length; i++) {
        int own = stage1[s][i];
        int wordMaj = 5;
        if (Character.isUpperCase(words[s][i].charAt(0))) {
          int[] c = byWord.get(lower[s][i]).clone();
          c[own == 0 ? 4 : Labels.type(own)]--;
          int best = -1;
          for (int t = 0; t < 5; t++) if (c[t] > 0 && (best < 0 || c[t] > c[best])) best = t;
          if (best >= 0) wordMaj = best;
        }
        int chunkMaj = 4;
        if (chunkOf[s][i] != null) {
          int[] c = byChunk.get(chunkOf[s][i]);
          int best = 0;
          for (int t = 1; t < 4; t++) if (c[t] > c[best]) best = t;
          chunkMaj = best;
        }
        prior[s][i] = own | (wordMaj << 8) | (chunkMaj << 12);
      }
    }
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
