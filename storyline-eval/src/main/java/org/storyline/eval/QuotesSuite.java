package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.storyline.analyze.Analyzer;
import org.storyline.model.Article;
import org.storyline.model.Quote;
import org.storyline.model.Report;
import org.storyline.nlp.QuoteExtractor;

/**
 * {@code storyline eval quotes}: direct quotes and their speakers.
 *
 * <p><b>PolNeAR dev</b> (quotes/README.md, method B, attribution level, restricted to quotation marks). Gold: every
 * attribution relation whose Content (or Content2) fragment holds a double quotation mark; each quoted segment of
 * the fragment (an opening mark to the next closing mark; a lone mark runs to the fragment's edge) is one gold quote,
 * carrying the relation's Source spans. Predicted: every quote {@link QuoteExtractor} reports (partial ones
 * included). A predicted and a gold quote match when the token Jaccard (word tokens [\p{L}\p{N}]+,
 * |A∩B|/|A∪B| over the token ranges) is at least 0.5; matching is one to one, best overlap first. Content P/R/F1
 * follow. Speaker accuracy is over matched quotes: correct when the gold relation has no Source and the engine
 * names none, or when the words the engine took as the speaker (name, pronoun, description), or the name mention it
 * resolved them to, overlap a gold Source span, or the gold Source text holds the surname of the engine's speaker.
 * End-to-end F1 counts a quote only when content and speaker are both right. Each .ann file is one document (texts
 * annotated twice count twice, as in the CofeNet split). {@code -Dstoryline.quotes.split=train} scores train instead;
 * {@code -Dstoryline.quotes.dump=true} lists misses, false alarms and wrong speakers.
 *
 * <p><b>Seeds</b> (../shared/seeds next to the data folder): the current {@link Analyzer} on the five articles;
 * each of the 23 gold {@code quotes} is found when a reported quote in its article has the same text (whitespace
 * collapsed, trailing ",;:" and final period ignored); its speaker is right when equal to gold or listed with it
 * in gold {@code same_entity}. Spurious: reported quotes matching neither a gold quote nor a gold partial quote.
 */
public final class QuotesSuite implements EvalSuite {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern REC = Pattern.compile("^[TE#]\\d+\t", Pattern.MULTILINE);

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Map<String, Double> m = new LinkedHashMap<>();
    String split = EvalOptions.text("storyline.quotes.split", "dev");
    Path pol = dataDir.resolve("quotes/polnear").resolve(split);
    if (Files.isDirectory(pol)) {
      polnear(pol, out, m);
      pipeline(pol, out, m);
    } else {
      out.println("  PolNeAR " + split + ": not found at " + pol + " (skipped)");
    }
    Path seeds = dataDir.toAbsolutePath().normalize().resolveSibling("seeds");
    if (Files.isRegularFile(seeds.resolve("gold.json"))) seeds(seeds, out, m);
    else out.println("  seeds: no gold.json at " + seeds + " (skipped)");
    return m;
  }

  // ---- PolNeAR ---------------------------------------------------------------------------------------------------

  record Gold(int start, int end, List<int[]> sources, String sourceText) {}

  private void polnear(Path dir, PrintWriter out, Map<String, Double> m) throws Exception {
    boolean dump = EvalOptions.flag("storyline.quotes.dump");
    QuoteExtractor ex = new QuoteExtractor(org.storyline.nlp.QuoteLexicon.defaults(), true);
    List<Path> anns;
    try (Stream<Path> s = Files.list(dir.resolve("attributions"))) {
      anns = s.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
    }
    int gold = 0;
    int pred = 0;
    int matched = 0;
    int spkOk = 0;
    int indGold = 0;
    int indPred = 0;
    int indMatched = 0;
    int indSpk = 0;
    Map<String, List<QuoteExtractor.Found>> cache = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (Path ann : anns) {
      String f = ann.getFileName().toString();
      String base = f.substring(0, f.lastIndexOf('_'));
      Path tp = dir.resolve("text").resolve(base + ".txt");
      if (!Files.isRegularFile(tp)) continue;
      String text = texts.computeIfAbsent(base, b -> read(tp));
      List<QuoteExtractor.Found> all = cache.computeIfAbsent(base, b -> ex.extract(text));
      List<QuoteExtractor.Found> found = all.stream().filter(QuoteExtractor.Found::direct).toList();
      List<QuoteExtractor.Found> reported = all.stream().filter(q -> !q.direct()).toList();
      List<Gold> plain = plainContents(Files.readString(ann, StandardCharsets.UTF_8), text);
      indGold += plain.size();
      indPred += reported.size();
      boolean[] used = new boolean[plain.size()];
      for (QuoteExtractor.Found q : reported) {
        int best = -1;
        double bj = 0.5;
        for (int g = 0; g < plain.size(); g++) {
          double j = jaccard(wordStarts(text), text, plain.get(g).start, plain.get(g).end, q.start(), q.end());
          if (!used[g] && j >= bj) {
            bj = j;
            best = g;
          }
        }
        if (best >= 0) {
          used[best] = true;
          indMatched++;
          if (speakerOk(plain.get(best), q, text)) indSpk++;
        } else if (dump) {
          out.println("    FPI " + f + " " + clip(q.text()));
        }
      }
      List<Gold> golds = goldQuotes(Files.readString(ann, StandardCharsets.UTF_8), text);
      int[] wordStart = wordStarts(text);
      gold += golds.size();
      pred += found.size();
      // one-to-one matching, best Jaccard first
      List<double[]> pairs = new ArrayList<>();
      for (int g = 0; g < golds.size(); g++) {
        for (int p = 0; p < found.size(); p++) {
          double j = jaccard(wordStart, text, golds.get(g).start, golds.get(g).end, found.get(p).start(),
              found.get(p).end());
          if (j >= 0.5) pairs.add(new double[] {j, g, p});
        }
      }
      pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
          : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
      boolean[] gUsed = new boolean[golds.size()];
      boolean[] pUsed = new boolean[found.size()];
      for (double[] pr : pairs) {
        int g = (int) pr[1];
        int p = (int) pr[2];
        if (gUsed[g] || pUsed[p]) continue;
        gUsed[g] = true;
        pUsed[p] = true;
        matched++;
        boolean ok = speakerOk(golds.get(g), found.get(p), text);
        if (ok) spkOk++;
        if (dump && !ok) {
          out.println("    SPK " + f + " gold=" + golds.get(g).sourceText + " pred=" + found.get(p).speaker() + " src="
              + span(text, found.get(p).sourceStart(), found.get(p).sourceEnd()) + " cue=" + found.get(p).cue()
              + " | " + clip(found.get(p).text()));
        }
      }
      if (dump) {
        for (int g = 0; g < golds.size(); g++) {
          if (!gUsed[g]) out.println("    FN " + f + " " + clip(text.substring(golds.get(g).start, golds.get(g).end)));
        }
        for (int p = 0; p < found.size(); p++) {
          if (!pUsed[p]) out.println("    FP " + f + (found.get(p).partial() ? " (partial) " : " ")
              + clip(found.get(p).text()));
        }
      }
    }
    double p = pred == 0 ? 0 : (double) matched / pred;
    double r = gold == 0 ? 0 : (double) matched / gold;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double acc = matched == 0 ? 0 : (double) spkOk / matched;
    double e2eP = pred == 0 ? 0 : (double) spkOk / pred;
    double e2eR = gold == 0 ? 0 : (double) spkOk / gold;
    double e2e = e2eP + e2eR == 0 ? 0 : 2 * e2eP * e2eR / (e2eP + e2eR);
    // speed: extraction alone over the split's distinct texts, repeated for at least a second
    List<String> all = new ArrayList<>(new java.util.TreeMap<>(texts).values());
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    long t0 = System.nanoTime();
    int done = 0;
    while (System.nanoTime() - t0 < 1_000_000_000L || done < all.size()) {
      for (String t : all) ex.extract(t);
      done += all.size();
    }
    double perSec = done / ((System.nanoTime() - t0) / 1e9);
    double perCpu = c0 < 0 ? Double.NaN : done / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    out.printf(Locale.ROOT, "  PolNeAR %s, quotes in quotation marks (%d .ann documents): gold %d, predicted %d, "
        + "matched %d (token Jaccard >= 0.5, one to one)%n", dir.getFileName(), anns.size(), gold, pred, matched);
    out.println("    gold = quoted segments of Content spans; speaker right = engine's speaker words or resolved name "
        + "overlap the gold Source, or the Source holds its surname, or both name none");
    out.printf(Locale.ROOT, "    content P %.3f  R %.3f  F1 %.3f   | Gender Gap Tracker (own 98-article set, "
        + "overlap >= 0.3): F1 0.837%n", p, r, f1);
    out.printf(Locale.ROOT, "    speaker accuracy on matched %.3f   | Gender Gap Tracker: 0.865%n", acc);
    out.printf(Locale.ROOT, "    end-to-end F1 (content and speaker right) %.3f%n", e2e);
    double ip = indPred == 0 ? 0 : (double) indMatched / indPred;
    double ir = indGold == 0 ? 0 : (double) indMatched / indGold;
    out.printf(Locale.ROOT, "    indirect (reported speech, gold contents without quotation marks): predicted %d, "
        + "P %.3f R %.3f, speaker accuracy %.3f (kind=indirect, not in the figures above)%n", indPred, ip, ir,
        indMatched == 0 ? 0 : (double) indSpk / indMatched);
    m.put("polnear.indirect.precision", round(ip));
    out.printf(Locale.ROOT, "    speed: %.0f articles/s wall, %.0f per CPU-second (quote extraction, direct and "
        + "indirect, one thread)%n", perSec, perCpu);
    m.put("polnear.content.f1", round(f1));
    m.put("polnear.content.precision", round(p));
    m.put("polnear.content.recall", round(r));
    m.put("polnear.speaker.accuracy", round(acc));
    m.put("polnear.e2e.f1", round(e2e));
  }

  // ---- PolNeAR through the whole pipeline --------------------------------------------------------------------

  /**
   * Capitalised words that describe rather than name (titles, parties, offices) and function words: a gold Source
   * is "named" when it holds a capitalised word outside this list.
   */
  private static final Set<String> NOT_NAME = Set.of("the", "a", "an", "he", "she", "i", "it", "they", "we", "you",
      "his", "her", "their", "its", "our", "my", "this", "that", "these", "those", "who", "which", "one", "some",
      "mr", "mrs", "ms", "dr", "rev", "sen", "rep", "gov", "lt", "gen", "col", "sgt", "capt", "maj", "adm", "jr",
      "sr", "president", "vice", "former", "retired", "republican", "republicans", "democratic", "democrat",
      "democrats", "gop", "house", "senate", "speaker", "senator", "governor", "congressman", "congresswoman",
      "chairman", "chairwoman", "minority", "majority", "leader", "secretary", "state", "attorney", "general",
      "press", "white", "campaign", "spokesman", "spokeswoman", "chief", "judge", "justice", "mayor", "rival",
      "activist", "libertarian", "independent", "presidential", "candidate", "nominee", "city", "police", "u", "s",
      "d", "r");

  /** First words of a Source that leave it unnamed whatever names follow: "a person close to the Clintons". */
  private static final Set<String> UNNAMED = Set.of("a", "an", "one", "some", "two", "three", "several", "many",
      "other", "another", "few", "most", "all", "both", "critics", "supporters", "officials");

  /**
   * PolNeAR texts as articles through {@link Analyzer} (extraction, entities, quotes: what {@code analyze} runs),
   * scored on the words of the report: each direct quote the report holds is placed back in the source text by
   * aligning the article's word tokens with the file's, then matched to gold quotes as above. A gold quote whose
   * Source holds a name (a capitalised word that is no title, party or function word, in a Source that does not open
   * with "a", "one", "some" ...) and that the entity stage does not type as an organisation or place is a named
   * person; it is right when the reported speaker shares a word with those name words.
   */
  private void pipeline(Path dir, PrintWriter out, Map<String, Double> m) throws Exception {
    boolean dump = EvalOptions.flag("storyline.quotes.dump");
    List<Path> anns;
    try (Stream<Path> s = Files.list(dir.resolve("attributions"))) {
      anns = s.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
    }
    Map<String, String> meta = new HashMap<>();
    Path mt = dir.getParent().resolve("metadata.tsv");
    if (Files.isRegularFile(mt)) {
      for (String line : Files.readAllLines(mt, StandardCharsets.UTF_8)) {
        String[] c = line.split("\t");
        if (c.length > 5) meta.put(c[1], c[4] + "\t" + c[5]);
      }
    }
    Map<String, String> texts = new java.util.TreeMap<>();
    for (Path ann : anns) {
      String f = ann.getFileName().toString();
      String base = f.substring(0, f.lastIndexOf('_'));
      Path tp = dir.resolve("text").resolve(base + ".txt");
      if (Files.isRegularFile(tp)) texts.computeIfAbsent(base, b -> read(tp));
    }
    List<org.storyline.ingest.RawDocument> docs = new ArrayList<>();
    for (var e : texts.entrySet()) {
      String[] md = meta.getOrDefault(e.getKey(), "\t").split("\t", -1);
      docs.add(new org.storyline.ingest.RawDocument(e.getKey(), e.getKey() + ".txt",
          org.storyline.ingest.RawDocument.Format.TEXT, e.getValue(), new org.storyline.ingest.RawDocument.Hints(
              null, null, md[0].isEmpty() ? null : md[0], null, md.length > 1 && !md[1].isEmpty() ? md[1] : null)));
    }
    var times = new org.storyline.analyze.StageTimes.Totals();
    Report rep = Analyzer.defaults(false).analyzeDocuments(docs, List.of(), times);
    Map<String, Article> arts = new HashMap<>();
    for (Article a : rep.articles()) arts.put(a.id(), a);
    Map<String, List<Quote>> byArticle = new HashMap<>();
    for (Quote q : rep.quotes()) {
      if (q.kind().equals("direct")) byArticle.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    }
    // entity mentions by article: [start, end, 1 if PER] in the article's text
    Map<String, List<int[]>> mentions = new HashMap<>();
    for (org.storyline.model.Entity e : rep.entities()) {
      int per = "PER".equals(e.type()) ? 1 : 0;
      for (org.storyline.model.Mention mn : e.mentions()) {
        mentions.computeIfAbsent(mn.article(), k -> new ArrayList<>()).add(new int[] {mn.start(), mn.end(), per});
      }
    }
    int gold = 0;
    int pred = 0;
    int matched = 0;
    int nonPerson = 0;
    int named = 0;
    int namedRight = 0;
    int namedNone = 0;
    for (Path ann : anns) {
      String f = ann.getFileName().toString();
      String base = f.substring(0, f.lastIndexOf('_'));
      String text = texts.get(base);
      if (text == null) continue;
      Article a = arts.get(base);
      List<Quote> qs = a == null ? List.of() : byArticle.getOrDefault(base, List.of());
      List<Gold> golds = goldQuotes(Files.readString(ann, StandardCharsets.UTF_8), text);
      gold += golds.size();
      pred += qs.size();
      int[] w = wordStarts(text);
      int[] align = a == null ? new int[0] : alignTokens(a.text(), text);
      int[] aw = a == null ? new int[0] : wordStarts(a.text());
      List<int[]> pr = new ArrayList<>();
      for (Quote q : qs) pr.add(mapRange(aw, align, q.start(), q.end()));
      List<int[]> ments = new ArrayList<>();
      for (int[] mn : mentions.getOrDefault(base, List.of())) {
        int[] r = mapRange(aw, align, mn[0], mn[1]);
        if (r != null) ments.add(new int[] {r[0], r[1], mn[2]});
      }
      List<double[]> pairs = new ArrayList<>();
      for (int g = 0; g < golds.size(); g++) {
        int[] x = tokRange(w, golds.get(g).start, golds.get(g).end);
        for (int p = 0; p < qs.size(); p++) {
          double j = jaccard(x, pr.get(p));
          if (j >= 0.5) pairs.add(new double[] {j, g, p});
        }
      }
      pairs.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0])
          : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
      boolean[] gUsed = new boolean[golds.size()];
      boolean[] pUsed = new boolean[qs.size()];
      for (double[] pp : pairs) {
        int g = (int) pp[1];
        int p = (int) pp[2];
        if (gUsed[g] || pUsed[p]) continue;
        gUsed[g] = true;
        pUsed[p] = true;
        matched++;
        Gold gd = golds.get(g);
        if (nameWords(gd, text).isEmpty()) continue;
        if (nonPerson(gd, w, ments)) {
          nonPerson++;
          continue;
        }
        named++;
        Quote q = qs.get(p);
        boolean ok = q.speaker() != null && sharesWord(q.speaker(), nameWords(gd, text));
        if (ok) namedRight++;
        if (q.speaker() == null) namedNone++;
        if (dump && !ok) {
          out.println("    NAMED-MISS " + f + " gold=" + golds.get(g).sourceText.strip() + " | got=" + q.speaker()
              + " cue=" + q.cue() + " | " + clip(q.text()) + " || before: "
              + text.substring(Math.max(0, gd.start - 220), gd.start).replace('\n', '/'));
        }
      }
      if (dump) {
        for (int g = 0; g < golds.size(); g++) {
          if (!gUsed[g]) {
            out.println("    PIPE-FN " + f + " " + clip(text.substring(golds.get(g).start, golds.get(g).end)));
          }
        }
        for (int q = 0; q < qs.size(); q++) {
          if (!pUsed[q]) out.println("    PIPE-FP " + f + " " + clip(qs.get(q).text()));
        }
      }
    }
    double p = pred == 0 ? 0 : (double) matched / pred;
    double r = gold == 0 ? 0 : (double) matched / gold;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    double acc = named == 0 ? 0 : (double) namedRight / named;
    Map<String, Long> tn = times.ordered();
    out.printf(Locale.ROOT, "  PolNeAR %s through the pipeline (%d texts as articles, Analyzer: extraction, entities, "
        + "quotes): gold %d, reported direct %d, matched %d%n", dir.getFileName(), texts.size(), gold, pred, matched);
    out.printf(Locale.ROOT, "    content P %.3f  R %.3f  F1 %.3f%n", p, r, f1);
    out.printf(Locale.ROOT, "    named speakers: %d matched quotes whose gold Source names a person; reported speaker "
        + "shares a word with the name %d = %.3f (no speaker %d; %d named sources typed as no person left out)%n",
        named, namedRight, acc, namedNone, nonPerson);
    out.printf(Locale.ROOT, "    stage times: entities %.0f ms, quotes %.0f ms%n",
        tn.getOrDefault("entities", 0L) / 1e6, tn.getOrDefault("quotes", 0L) / 1e6);
    m.put("polnear.pipeline.content.f1", round(f1));
    m.put("polnear.pipeline.named.speaker", round(acc));
  }

  /**
   * The capitalised words of a gold Source that name (see {@link #NOT_NAME}), lower-cased. A Source's first word
   * counts only when the text never writes it in lower case ("Small groups of protesters" names no one).
   */
  static Set<String> nameWords(Gold g, String text) {
    Set<String> out = new java.util.LinkedHashSet<>();
    if (!g.sources().isEmpty()) {
      Matcher f = WORD.matcher(text).region(g.sources().get(0)[0], g.sources().get(0)[1]);
      if (f.find() && UNNAMED.contains(f.group().toLowerCase(Locale.ROOT))) return out; // "a person close to ..."
    }
    boolean first = true;
    for (int[] s : g.sources()) {
      Matcher mm = WORD.matcher(text).region(s[0], s[1]);
      while (mm.find()) {
        String t = mm.group();
        boolean wasFirst = first;
        first = false;
        if (!Character.isUpperCase(t.charAt(0))) continue;
          String low = fold(t);
        if (NOT_NAME.contains(low)) continue;
        if (wasFirst && Pattern.compile("\\b" + Pattern.quote(low) + "\\b").matcher(text).find()) continue;
        out.add(low);
      }
    }
    return out;
  }

  /**
   * A gold Source the pipeline's entity stage types as no person: entity mentions overlap its words and none is PER
   * (the quote stage reports no speaker for organisations and places by design).
   */
  private static boolean nonPerson(Gold g, int[] w, List<int[]> ments) {
    boolean other = false;
    for (int[] s : g.sources()) {
      int[] r = tokRange(w, s[0], s[1]);
      if (r == null) continue;
      for (int[] mn : ments) {
        if (mn[0] <= r[1] && r[0] <= mn[1]) {
          if (mn[2] == 1) return false;
          other = true;
        }
      }
    }
    return other;
  }

  /** Lower case without accents: "Calderón" and "Calderon" are one word. */
  static String fold(String w) {
    return java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  static boolean sharesWord(String speaker, Set<String> nw) {
    Matcher mm = WORD.matcher(speaker);
    while (mm.find()) if (nw.contains(fold(mm.group()))) return true;
    return false;
  }

  /**
   * For each word token of {@code article}, the index of the same word in {@code source} (greedy, in order, within a
   * window), or -1: the article is the source with some lines dropped and whitespace changed.
   */
  static int[] alignTokens(String article, String source) {
    List<String> at = tokens(article);
    List<String> st = tokens(source);
    int[] map = new int[at.size()];
    int j = 0;
    for (int i = 0; i < at.size(); i++) {
      map[i] = -1;
      for (int k = j; k < Math.min(st.size(), j + 400); k++) {
        if (st.get(k).equals(at.get(i))) {
          map[i] = k;
          j = k + 1;
          break;
        }
      }
    }
    return map;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher mm = WORD.matcher(s);
    while (mm.find()) out.add(mm.group());
    return out;
  }

  /** A char range of the article as a word-token range of the source, through the alignment; null if none maps. */
  private static int[] mapRange(int[] aw, int[] align, int s, int e) {
    int[] r = tokRange(aw, s, e);
    if (r == null) return null;
    int first = -1;
    int last = -1;
    for (int i = r[0]; i <= r[1]; i++) {
      if (align[i] < 0) continue;
      if (first < 0) first = align[i];
      last = align[i];
    }
    return first < 0 ? null : new int[] {first, last};
  }

  private static double jaccard(int[] x, int[] y) {
    if (x == null || y == null) return 0;
    int inter = Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]) + 1);
    int union = (x[1] - x[0] + 1) + (y[1] - y[0] + 1) - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  static boolean speakerOk(Gold g, QuoteExtractor.Found f, String text) {
    if (g.sources.isEmpty()) return f.sourceStart() < 0;
    for (int[] s : g.sources) {
      if (overlap(s[0], s[1], f.sourceStart(), f.sourceEnd()) || overlap(s[0], s[1], f.nameStart(), f.nameEnd())) {
        return true;
      }
    }
    if (f.speaker() != null) {
      String surname = f.speaker().substring(f.speaker().lastIndexOf(' ') + 1);
      return Pattern.compile("\\b" + Pattern.quote(surname) + "\\b").matcher(g.sourceText).find();
    }
    return false;
  }

  private static boolean overlap(int a, int b, int c, int d) {
    return c >= 0 && a < d && c < b;
  }

  /** Gold Content fragments of one .ann file that hold no double quotation mark (reported speech). */
  static List<Gold> plainContents(String ann, String text) {
    List<Gold> out = new ArrayList<>();
    for (Gold g : contents(ann, text)) {
      boolean marked = false;
      for (int i = g.start; i < g.end; i++) if (isDoubleMark(text.charAt(i))) marked = true;
      if (!marked) out.add(g);
    }
    return out;
  }

  /** Every Content fragment with its relation's sources. */
  static List<Gold> contents(String ann, String text) {
    List<Gold> out = new ArrayList<>();
    Parsed p = parse(ann, text);
    for (Map<String, String> r : p.rels) {
      List<int[]> src = r.containsKey("Source") ? p.spans.getOrDefault(r.get("Source"), List.of()) : List.of();
      StringBuilder st = new StringBuilder();
      for (int[] s : src) st.append(text, s[0], s[1]).append(' ');
      for (String key : List.of("Content", "Content2")) {
        if (!r.containsKey(key)) continue;
        for (int[] c : p.spans.getOrDefault(r.get(key), List.of())) out.add(new Gold(c[0], c[1], src, st.toString()));
      }
    }
    return out;
  }

  record Parsed(Map<String, List<int[]>> spans, List<Map<String, String>> rels) {}

  static Parsed parse(String ann, String text) {
    int[] cp = codePointToChar(text);
    Map<String, List<int[]>> spans = new HashMap<>();
    List<Map<String, String>> rels = new ArrayList<>();
    Matcher mm = REC.matcher(ann);
    List<Integer> starts = new ArrayList<>();
    while (mm.find()) starts.add(mm.start());
    for (int i = 0; i < starts.size(); i++) {
      String rec = ann.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : ann.length());
      String[] parts = rec.split("\t", 3);
      if (parts.length < 2) continue;
      if (rec.charAt(0) == 'T') {
        String[] rs = parts[1].split(" ", 2);
        if (rs.length < 2) continue;
        List<int[]> sp = new ArrayList<>();
        for (String frag : rs[1].split(";")) {
          String[] se = frag.trim().split(" ");
          int s = Integer.parseInt(se[0]);
          int e = Integer.parseInt(se[1]);
          if (s >= cp.length || e >= cp.length) continue;
          sp.add(new int[] {cp[s], cp[e]});
        }
        spans.put(parts[0], sp);
      } else if (rec.charAt(0) == 'E') {
        Map<String, String> r = new HashMap<>();
        for (String kv : parts[1].trim().split("\\s+")) {
          int c = kv.indexOf(':');
          if (c > 0) r.put(kv.substring(0, c), kv.substring(c + 1));
        }
        rels.add(r);
      }
    }
    return new Parsed(spans, rels);
  }

  /** Gold quotes of one .ann file: the double-quoted part of each Content fragment, with its relation's sources. */
  static List<Gold> goldQuotes(String ann, String text) {
    Parsed parsed = parse(ann, text);
    Map<String, List<int[]>> spans = parsed.spans();
    List<Map<String, String>> rels = parsed.rels();
    List<Gold> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map<String, String> r : rels) {
      List<int[]> src = r.containsKey("Source") ? spans.getOrDefault(r.get("Source"), List.of()) : List.of();
      StringBuilder st = new StringBuilder();
      for (int[] s : src) st.append(text, s[0], s[1]).append(' ');
      for (String key : List.of("Content", "Content2")) {
        if (!r.containsKey(key)) continue;
        for (int[] c : spans.getOrDefault(r.get(key), List.of())) {
          // each quoted segment of the fragment: an opening mark to the next closing one; a lone mark runs to the
          // fragment's edge
          List<int[]> segs = new ArrayList<>();
          int open = -1;
          boolean any = false;
          for (int i = c[0]; i < c[1]; i++) {
            char ch = text.charAt(i);
            if (!isDoubleMark(ch)) continue;
            any = true;
            boolean opener = ch == '“' || ch == '„' || ch == '«'
                || (ch == '"' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))
                    || "([{—–-/".indexOf(text.charAt(i - 1)) >= 0));
            if (opener) {
              if (open >= 0) segs.add(new int[] {open, i});
              open = i + 1;
            } else {
              segs.add(new int[] {open >= 0 ? open : c[0], i});
              open = -1;
            }
          }
          if (!any) continue;
          if (open >= 0) segs.add(new int[] {open, c[1]});
          for (int[] sg : segs) {
            int s = sg[0];
            int e = sg[1];
            if (e <= s || !seen.add(s + ":" + e) || !WORD.matcher(text).region(s, e).find()) continue;
            out.add(new Gold(s, e, src, st.toString()));
          }
        }
      }
    }
    return out;
  }

  static boolean isDoubleMark(char c) {
    return c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»';
  }

  /** code point offset -> UTF-16 offset (one past the end included). */
  static int[] codePointToChar(String text) {
    int n = text.codePointCount(0, text.length());
    int[] map = new int[n + 2];
    int ci = 0;
    for (int i = 0; i <= n; i++) {
      map[i] = ci;
      if (ci < text.length()) ci += Character.charCount(text.codePointAt(ci));
    }
    map[n + 1] = text.length();
    return map;
  }

  /** For each char, the index of the word token covering it, or -1. */
  static int[] wordStarts(String text) {
    int[] w = new int[text.length()];
    java.util.Arrays.fill(w, -1);
    Matcher mt = WORD.matcher(text);
    int k = 0;
    while (mt.find()) {
      for (int i = mt.start(); i < mt.end(); i++) w[i] = k;
      k++;
    }
    return w;
  }

  static double jaccard(int[] w, String text, int a, int b, int c, int d) {
    int[] x = tokRange(w, a, b);
    int[] y = tokRange(w, c, d);
    if (x == null || y == null) return 0;
    int inter = Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]) + 1);
    int union = (x[1] - x[0] + 1) + (y[1] - y[0] + 1) - inter;
    return union == 0 ? 0 : (double) inter / union;
  }

  private static int[] tokRange(int[] w, int s, int e) {
    int first = -1;
    int last = -1;
    for (int i = Math.max(0, s); i < Math.min(w.length, e); i++) {
      if (w[i] < 0) continue;
      if (first < 0) first = w[i];
      last = w[i];
    }
    return first < 0 ? null : new int[] {first, last};
  }

  // ---- seeds -----------------------------------------------------------------------------------------------------

  private void seeds(Path dir, PrintWriter out, Map<String, Double> m) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    Report rep = Analyzer.defaults().analyze(files);
    JsonNode g = new ObjectMapper().readTree(dir.resolve("gold.json").toFile());
    Map<String, Integer> group = new HashMap<>();
    int gi = 0;
    for (JsonNode grp : g.path("same_entity")) {
      for (JsonNode n : grp) group.put(n.asText(), gi);
      gi++;
    }
    // gold lists quotes in quotation marks only: reported speech (kind "indirect") is left out of this check
    List<Quote> direct = rep.quotes().stream().filter(q -> q.kind().equals("direct")).toList();
    int indirect = rep.quotes().size() - direct.size();
    Map<String, List<Quote>> byArticle = new HashMap<>();
    for (Quote q : direct) byArticle.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    Set<Quote> claimed = new HashSet<>();
    int total = 0;
    int found = 0;
    int right = 0;
    for (JsonNode gq : g.path("quotes")) {
      total++;
      String art = gq.path("article").asText();
      String want = norm(gq.path("text").asText());
      Quote hit = null;
      for (Quote q : byArticle.getOrDefault(art, List.of())) {
        if (!claimed.contains(q) && norm(q.text()).equals(want)) {
          hit = q;
          break;
        }
      }
      if (hit == null) {
        out.println("    seeds MISSED " + art + ": " + clip(gq.path("text").asText()));
        continue;
      }
      claimed.add(hit);
      found++;
      String gs = gq.path("speaker").isNull() ? null : gq.path("speaker").asText();
      if (sameSpeaker(gs, hit.speaker(), group)) right++;
      else out.println("    seeds WRONG SPEAKER " + art + ": gold " + gs + ", got " + hit.speaker() + ": "
          + clip(hit.text()));
    }
    int partialTotal = 0;
    int partialFound = 0;
    int partialRight = 0;
    for (JsonNode gq : g.path("partial_quotes")) {
      partialTotal++;
      String art = gq.path("article").asText();
      String want = norm(gq.path("text").asText());
      for (Quote q : byArticle.getOrDefault(art, List.of())) {
        if (!claimed.contains(q) && norm(q.text()).equals(want)) {
          claimed.add(q);
          partialFound++;
          String gs = gq.path("speaker").isNull() ? null : gq.path("speaker").asText();
          if (sameSpeaker(gs, q.speaker(), group)) partialRight++;
          break;
        }
      }
    }
    int spurious = 0;
    for (Quote q : direct) {
      if (!claimed.contains(q)) {
        spurious++;
        out.println("    seeds SPURIOUS " + q.article() + (q.partial() ? " (partial)" : "") + ": " + clip(q.text()));
      }
    }
    int reported = direct.size();
    out.printf(Locale.ROOT, "  seeds (%s): gold quotes found %d/%d, right speaker %d/%d, spurious %d of %d reported; "
        + "partial fragments found %d/%d (speaker right %d); %d indirect (not scored)%n", dir, found, total, right,
        total, spurious, reported, partialFound, partialTotal, partialRight, indirect);
    m.put("seeds.found", round(total == 0 ? 0 : (double) found / total));
    m.put("seeds.speaker", round(total == 0 ? 0 : (double) right / total));
    m.put("seeds.precision", round(reported == 0 ? 1 : 1.0 - (double) spurious / reported));
  }

  private static boolean sameSpeaker(String gold, String got, Map<String, Integer> group) {
    if (gold == null || got == null) return gold == null && got == null;
    if (gold.equals(got)) return true;
    Integer a = group.get(gold);
    return a != null && a.equals(group.get(got));
  }

  static String norm(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.replaceAll("[,;:.]+$", "").strip();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String span(String text, int s, int e) {
    return s < 0 ? "-" : text.substring(s, e);
  }

  private static String clip(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 100 ? t.substring(0, 100) + "…" : t;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
