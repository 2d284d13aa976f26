package org.storyline.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.storyline.nlp.ner.NerTagger;

/** CoNLL-2003 files (one token a line, {@code TOKEN POS CHUNK NER}) and conlleval-style chunk scoring. */
final class Conll {
  /** Documents: tokens and NER tags per sentence. */
  record Doc(List<List<String>> tokens, List<List<String>> tags) {}

  private Conll() {}

  static List<Doc> read(Path file) throws IOException {
    List<Doc> docs = new ArrayList<>();
    List<List<String>> toks = new ArrayList<>();
    List<List<String>> tags = new ArrayList<>();
    List<String> st = new ArrayList<>();
    List<String> sg = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("-DOCSTART-")) {
        if (!st.isEmpty()) {
          toks.add(st);
          tags.add(sg);
          st = new ArrayList<>();
          sg = new ArrayList<>();
        }
        if (!toks.isEmpty()) docs.add(new Doc(toks, tags));
        toks = new ArrayList<>();
        tags = new ArrayList<>();
        continue;
      }
      if (line.isBlank()) {
        if (!st.isEmpty()) {
          toks.add(st);
          tags.add(sg);
          st = new ArrayList<>();
          sg = new ArrayList<>();
        }
        continue;
      }
      String[] p = line.split(" ");
      st.add(p[0]);
      sg.add(p[p.length - 1]);
    }
    if (!st.isEmpty()) {
      toks.add(st);
      tags.add(sg);
    }
    if (!toks.isEmpty()) docs.add(new Doc(toks, tags));
    return docs;
  }

  /** Gold chunks (IOB1 or IOB2) of one sentence, as conlleval reads them. */
  static List<NerTagger.Chunk> chunks(List<String> tags) {
    List<NerTagger.Chunk> out = new ArrayList<>();
    int i = 0;
    int n = tags.size();
    while (i < n) {
      String t = tags.get(i);
      if (t.equals("O")) {
        i++;
        continue;
      }
      String type = t.substring(2);
      int j = i + 1;
      while (j < n && tags.get(j).equals("I-" + type)) j++;
      out.add(new NerTagger.Chunk(i, j, type));
      i = j;
    }
    return out;
  }

  /** Counts per type: [correct, predicted, gold]; index 4 is the total. */
  static final class Score {
    static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");
    final long[][] c = new long[5][3];

    void add(List<NerTagger.Chunk> gold, List<NerTagger.Chunk> pred) {
      Set<NerTagger.Chunk> g = new HashSet<>(gold);
      for (NerTagger.Chunk p : pred) {
        int t = TYPES.indexOf(p.type());
        c[t][1]++;
        c[4][1]++;
        if (g.contains(p)) {
          c[t][0]++;
          c[4][0]++;
        }
      }
      for (NerTagger.Chunk x : gold) {
        c[TYPES.indexOf(x.type())][2]++;
        c[4][2]++;
      }
    }

    double p(int t) {
      return c[t][1] == 0 ? 0 : 100.0 * c[t][0] / c[t][1];
    }

    double r(int t) {
      return c[t][2] == 0 ? 0 : 100.0 * c[t][0] / c[t][2];
    }

    double f(int t) {
      double p = p(t);
      double r = r(t);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  static Score evaluate(NerTagger tagger, List<Doc> docs) {
    Score s = new Score();
    for (Doc d : docs) {
      List<List<NerTagger.Chunk>> pred = tagger.tag(d.tokens());
      for (int i = 0; i < d.tokens().size(); i++) s.add(chunks(d.tags().get(i)), pred.get(i));
    }
    return s;
  }
}
