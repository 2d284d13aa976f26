package org.storyline.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.storyline.analyze.Analyzer;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Report;

/**
 * Entities as a user meets them: CoNLL-2003 documents rebuilt as article text (the headline and the dateline on their
 * own lines, the rest as running paragraphs) and run through the whole pipeline ({@link Analyzer}, as {@code
 * analyze} runs it: cleaning, sentence splitting, tokenizing, tagging, linking), scored like conlleval on the
 * report's entity mentions (exact character span and the entity's type) against the gold names mapped to the
 * rebuilt text.
 *
 * <p>Rebuilding: tokens are joined with single spaces except before closing punctuation and clitics ({@code , . ;
 * 's n't}) and inside quotation marks and brackets. The first sentence (the headline) and a second sentence ending
 * in a date (the dateline, {@code LONDON 1996-08-30}) are lines of their own; the body's sentences run on in
 * paragraphs of up to three sentences; a sentence without final punctuation (a results line, a table row) stands on
 * its own line unless the next sentence carries on in lower case (a sentence the corpus broke at a line end).
 */
final class ConllPipeline {
  private static final Pattern DATE_TOKEN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s",
      "'S", "n't", "N'T", "'m", "'re", "'ve", "'d", "'ll", "'", "...");
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");

  private ConllPipeline() {}

  /** A gold name in the rebuilt text: characters {@code [start, end)}, its type. */
  record Name(int start, int end, String type) {}

  /** One rebuilt document: its text, the gold names, and the headline's character range. */
  record Rebuilt(String text, List<Name> gold, int headlineEnd) {}

  static Rebuilt rebuild(Conll.Doc d) {
    StringBuilder b = new StringBuilder();
    List<Name> gold = new ArrayList<>();
    int headlineEnd = -1;
    int inPara = 0; // sentences in the running paragraph
    List<List<String>> toks = d.tokens();
    for (int s = 0; s < toks.size(); s++) {
      List<String> t = toks.get(s);
      boolean headline = s == 0;
      boolean dateline = s == 1 && DATE_TOKEN.matcher(t.get(t.size() - 1)).matches() && t.size() <= 8;
      String last = t.get(t.size() - 1);
      boolean terminal = last.equals(".") || last.equals("?") || last.equals("!") || last.equals("\"")
          && t.size() > 1 && (t.get(t.size() - 2).equals(".") || t.get(t.size() - 2).equals("?"));
      boolean runsOn = s + 1 < toks.size() && Character.isLowerCase(toks.get(s + 1).get(0).charAt(0));
      boolean ownLine = headline || dateline || !terminal && !runsOn;
      if (b.length() > 0) {
        if (ownLine || inPara == 0 || inPara >= 3) {
          b.append("\n\n");
          inPara = 0;
        } else {
          b.append(' ');
        }
      }
      int[] starts = new int[t.size()];
      int[] ends = new int[t.size()];
      boolean quoteOpen = false;
      boolean glue = true; // no space before the first token
      for (int i = 0; i < t.size(); i++) {
        String w = t.get(i);
        boolean closingQuote = w.equals("\"") && quoteOpen;
        if (!glue && !NO_SPACE_BEFORE.contains(w) && !closingQuote) b.append(' ');
        starts[i] = b.length();
        b.append(w);
        ends[i] = b.length();
        glue = NO_SPACE_AFTER.contains(w) || w.equals("\"") && !quoteOpen;
        if (w.equals("\"")) quoteOpen = !quoteOpen;
      }
      for (var c : Conll.chunks(d.tags().get(s))) {
        gold.add(new Name(starts[c.start()], ends[c.end() - 1], c.type()));
      }
      if (headline) headlineEnd = b.length();
      inPara = ownLine ? 0 : inPara + 1;
    }
    return new Rebuilt(b.toString(), gold, headlineEnd);
  }

  /** Runs the documents through the pipeline, prints the scores, returns {@code pipeline_f1} and friends. */
  static Map<String, Double> run(List<Conll.Doc> docs, PrintWriter out, boolean dump) {
    List<Rebuilt> rebuilt = new ArrayList<>();
    List<RawDocument> raw = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Rebuilt r = rebuild(docs.get(i));
      rebuilt.add(r);
      String id = String.format(Locale.ROOT, "testa-%03d", i);
      raw.add(new RawDocument(id, id + ".txt", RawDocument.Format.TEXT, r.text(), RawDocument.Hints.NONE));
      String dir = System.getProperty("storyline.entities.texts"); // a folder to write the rebuilt texts to
      if (dir != null) {
        try {
          java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
          java.nio.file.Files.writeString(java.nio.file.Path.of(dir, id + ".txt"), r.text());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    long t0 = System.nanoTime();
    Report rep = Analyzer.defaults(false).analyzeDocuments(raw, List.of());
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) index.put(raw.get(i).id(), i);
    Map<String, Article> arts = new HashMap<>();
    for (Article a : rep.articles()) arts.put(a.id(), a);
    // article offsets -> rebuilt offsets, per document
    List<int[]> maps = new ArrayList<>();
    int unmapped = 0;
    int titled = 0;
    for (int i = 0; i < raw.size(); i++) {
      Article a = arts.get(raw.get(i).id());
      if (a == null) {
        maps.add(new int[0]);
        continue;
      }
      int[] m = align(a.text(), rebuilt.get(i).text());
      for (int k = 0; k < a.text().length(); k++) {
        if (m[k] < 0 && !Character.isWhitespace(a.text().charAt(k))) {
          unmapped++;
          break;
        }
      }
      maps.add(m);
      if (a.title() != null) titled++;
    }
    List<Set<Name>> pred = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) pred.add(new HashSet<>());
    for (Entity e : rep.entities()) {
      for (Mention mn : e.mentions()) {
        Integer di = index.get(mn.article());
        if (di == null) continue;
        int[] m = maps.get(di);
        int s = mn.start() < m.length ? m[mn.start()] : -1;
        int en = mn.end() - 1 < m.length && mn.end() > 0 ? m[mn.end() - 1] : -1;
        pred.get(di).add(s < 0 || en < 0 ? new Name(-1 - pred.get(di).size(), -1, e.type())
            : new Name(s, en + 1, e.type()));
      }
    }
    Conll.Score all = new Conll.Score();
    int lost = 0; // gold names whose characters are not in the article's text (lines the cleaner removed)
    int inTitle = 0;
    Map<String, Integer> lostLines = new java.util.TreeMap<>();
    for (int i = 0; i < raw.size(); i++) {
      Rebuilt r = rebuilt.get(i);
      Set<Name> p = pred.get(i);
      int[] m = maps.get(i);
      boolean[] kept = new boolean[r.text().length()];
      for (int v : m) if (v >= 0) kept[v] = true;
      Article a = arts.get(raw.get(i).id());
      for (Name g : r.gold()) {
        boolean in = false;
        for (int k = g.start(); k < g.end(); k++) in |= kept[k];
        if (!in) {
          lost++;
          if (g.end() <= r.headlineEnd() && a != null && a.title() != null) inTitle++;
          if (dump) {
            int ls = r.text().lastIndexOf('\n', g.start()) + 1;
            int le = r.text().indexOf('\n', g.end());
            lostLines.merge(r.text().substring(ls, le < 0 ? r.text().length() : le), 1, Integer::sum);
          }
        }
      }
      all.add(toChunks(r.gold()), toChunks(new ArrayList<>(p)));
      if (dump) {
        Set<Name> gs = new HashSet<>(r.gold());
        for (Name g : r.gold()) {
          if (!p.contains(g)) out.println("    PIPE-FN " + raw.get(i).id() + " " + g.type() + " " + span(r.text(), g));
        }
        for (Name x : p) {
          if (!gs.contains(x)) out.println("    PIPE-FP " + raw.get(i).id() + " " + x.type() + " " + span(r.text(), x));
        }
      }
    }
    if (dump) lostLines.forEach((l, n) -> out.println("    LOST-LINE " + n + " " + l));
    out.printf(Locale.ROOT, "  through the pipeline (eng.testa rebuilt as %d article texts, Analyzer: cleaning, "
        + "sentences, tokens, tagging, linking; %.1f s): exact character span + entity type%n", docs.size(), secs);
    out.printf(Locale.ROOT, "  %-6s %7s %7s %7s %8s%n", "type", "P", "R", "F1", "gold");
    for (int t = 0; t < 5; t++) {
      String name = t < 4 ? Conll.Score.TYPES.get(t) : "ALL";
      out.printf(Locale.ROOT, "  %-6s %7.2f %7.2f %7.2f %8d%n", name, all.p(t), all.r(t), all.f(t), all.c[t][2]);
    }
    out.printf(Locale.ROOT, "  gold names in text the cleaner removed: %d of %d (%.1f%%; %d of them in a headline "
        + "taken as the title); articles with a title: %d; articles not fully aligned: %d%n", lost, all.c[4][2],
        100.0 * lost / Math.max(1, all.c[4][2]), inTitle, titled, unmapped);
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("pipeline_f1", all.f(4) / 100);
    m.put("pipeline_names_kept", 1 - (double) lost / Math.max(1, all.c[4][2]));
    return m;
  }

  private static String span(String text, Name n) {
    if (n.start() < 0) return "(unaligned)";
    int ls = Math.max(0, n.start() - 30);
    int le = Math.min(text.length(), n.end() + 30);
    return "[" + text.substring(n.start(), n.end()) + "] in: " + text.substring(ls, le).replace('\n', '/');
  }

  /** Names as chunks for {@link Conll.Score} (character offsets stand in for token offsets). */
  private static List<org.storyline.nlp.ner.NerTagger.Chunk> toChunks(List<Name> names) {
    List<org.storyline.nlp.ner.NerTagger.Chunk> out = new ArrayList<>(names.size());
    for (Name n : names) out.add(new org.storyline.nlp.ner.NerTagger.Chunk(n.start(), n.end(), n.type()));
    return out;
  }

  /**
   * For each character of the article text, the offset of the same character in the rebuilt text (-1 for whitespace
   * and characters not found). Each paragraph of the article is found in the rebuilt text by its characters other
   * than whitespace (the cleaner removes lines and joins broken paragraphs, but does not rewrite words), searching
   * forward from the previous paragraph.
   */
  static int[] align(String article, String source) {
    int[] map = new int[article.length()];
    java.util.Arrays.fill(map, -1);
    StringBuilder sb = new StringBuilder(source.length());
    int[] spos = new int[source.length()];
    for (int i = 0; i < source.length(); i++) {
      if (!Character.isWhitespace(source.charAt(i))) {
        spos[sb.length()] = i;
        sb.append(source.charAt(i));
      }
    }
    String s = sb.toString();
    int cursor = 0;
    int from = 0;
    while (from < article.length()) {
      int to = article.indexOf("\n\n", from);
      if (to < 0) to = article.length();
      StringBuilder pb = new StringBuilder();
      List<Integer> ppos = new ArrayList<>();
      for (int i = from; i < to; i++) {
        if (!Character.isWhitespace(article.charAt(i))) {
          ppos.add(i);
          pb.append(article.charAt(i));
        }
      }
      if (pb.length() > 0) {
        int at = s.indexOf(pb.toString(), cursor);
        if (at < 0) at = s.indexOf(pb.toString());
        if (at >= 0) {
          for (int k = 0; k < ppos.size(); k++) map[ppos.get(k)] = spos[at + k];
          cursor = at + pb.length();
        }
      }
      from = to + 2;
    }
    return map;
  }
}
