package org.storyline.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.storyline.model.Timex;
import org.storyline.nlp.TimexTagger;

/**
 * {@code storyline eval timex}: TempEval-3 Task A (timex part) on TBAQ-cleaned (TimeBank + AQUAINT), scored as the TE3
 * scorer does and as {@code data/timex/README.md} writes it down: tokens {@code \w+|[^\w\s]} on the tag-stripped
 * TEXT, relaxed match = one-to-one alignment of overlapping token spans (greedy, largest overlap first), strict match =
 * identical token spans; P/R/F1 micro-averaged over documents; value and type accuracy over relaxed pairs, value F1 =
 * value accuracy x relaxed F1. The DCT (functionInDocument="CREATION_TIME") is the publish date.
 *
 * <p>Splits: TimeBank (183 docs) is the development set the rules were written against; AQUAINT (73 docs) is held back
 * as the dev check. Set {@code -Dtimex.errors=FILE} to write every miss, spurious and wrong value.
 */
public final class TimexSuite implements EvalSuite {
  private static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DCT = Pattern.compile(
      "<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", Pattern.DOTALL);
  private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  @Override
  public String name() {
    return "timex";
  }

  /** A time expression as character span plus attributes. */
  record Span(int start, int end, String type, String value, String text) {}

  /** One parsed TimeML document: tag-stripped TEXT, its DCT and the gold timexes. */
  record Doc(String id, String text, String dct, List<Span> gold) {}

  /** Counts for P/R/F1 and attribute accuracy. */
  static final class Score {
    int gold, sys, strict, relaxed, value, type;

    void add(Score o) {
      gold += o.gold;
      sys += o.sys;
      strict += o.strict;
      relaxed += o.relaxed;
      value += o.value;
      type += o.type;
    }

    static double f1(double p, double r) {
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double p(int n) {
      return sys == 0 ? 0 : (double) n / sys;
    }

    double r(int n) {
      return gold == 0 ? 0 : (double) n / gold;
    }

    double strictF1() {
      return f1(p(strict), r(strict));
    }

    double relaxedF1() {
      return f1(p(relaxed), r(relaxed));
    }

    double valueAcc() {
      return relaxed == 0 ? 0 : (double) value / relaxed;
    }

    double typeAcc() {
      return relaxed == 0 ? 0 : (double) type / relaxed;
    }

    double valueF1() {
      return valueAcc() * relaxedF1();
    }

    double typeF1() {
      return typeAcc() * relaxedF1();
    }
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Path root = dataDir.resolve("timex/tempeval3/TBAQ-cleaned");
    Map<String, Double> res = new LinkedHashMap<>();
    if (!Files.isDirectory(root)) {
      out.println("  no TBAQ-cleaned data under " + root + "; skipped");
      return res;
    }
    TimexTagger tagger = new TimexTagger();
    List<Doc> timebank = load(root.resolve("TimeBank"));
    List<Doc> aquaint = load(root.resolve("AQUAINT"));
    StringBuilder errors = new StringBuilder();
    Score tb = score(tagger, timebank, errors);
    Score aq = score(tagger, aquaint, errors);
    Score all = new Score();
    all.add(tb);
    all.add(aq);
    out.println("  TempEval-3 Task A timexes, TBAQ-cleaned (TE3 scoring: tokens \\w+|[^\\w\\s], greedy 1:1 alignment)");
    out.printf(Locale.ROOT, "  %-26s %5s %5s  %-20s %-20s %7s %7s %7s %7s%n", "set", "gold", "sys", "strict P/R/F1",
        "relaxed P/R/F1", "valAcc", "valueF1", "typeAcc", "typeF1");
    line(out, "TimeBank (183 docs, train)", tb);
    line(out, "AQUAINT (73 docs, dev)", aq);
    line(out, "TBAQ all (256 docs)", all);
    out.println("  published, TE3 Platinum (not this data; README figures): HeidelTime strict 81.3 relaxed 90.3 "
        + "value F1 77.6 | SUTime 79.6 / 90.3 / 67.4 (measured here 80.29 / 90.32 / 68.82)");
    // speed: tag every document several times (the scoring runs above warmed the JIT)
    int reps = 20;
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    int n = 0;
    for (int r = 0; r < reps; r++) {
      for (Doc d : timebank) {
        tagger.tag(d.id, d.text, d.dct);
        n++;
      }
      for (Doc d : aquaint) {
        tagger.tag(d.id, d.text, d.dct);
        n++;
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
    out.printf(Locale.ROOT, "  speed: %d documents (avg %d chars) in %.2f s wall = %.0f articles/s; "
            + "%.2f s CPU = %.0f articles per CPU-second (one thread)%n", n, avgChars(timebank, aquaint), secs,
        n / secs, cpu, n / cpu);
    seedEvents(dataDir, out, res);
    String errFile = EvalOptions.text("timex.errors");
    if (errFile != null) Files.writeString(Path.of(errFile), errors.toString(), StandardCharsets.UTF_8);
    res.put("tbaq.valueF1", all.valueF1());
    res.put("tbaq.relaxedF1", all.relaxedF1());
    res.put("tbaq.strictF1", all.strictF1());
    res.put("tbaq.typeAcc", all.typeAcc());
    res.put("aquaint.valueF1", aq.valueF1());
    res.put("timebank.valueF1", tb.valueF1());
    return res;
  }

  /**
   * The seed check: runs the whole Analyzer on {@code seeds/} beside the data folder and counts the dated events of
   * {@code seeds/gold.json} whose date ("2025-02-18", "2016-12", "2014") some time expression in the seed articles
   * resolves to. The publish dates come from the cleaner, so this also measures the pipeline around the tagger.
   */
  private static void seedEvents(Path dataDir, PrintWriter out, Map<String, Double> res) throws IOException {
    Path seeds = dataDir.resolveSibling("seeds");
    if (!Files.isDirectory(seeds)) seeds = dataDir.resolve("seeds");
    Path goldFile = seeds.resolve("gold.json");
    if (!Files.isRegularFile(goldFile)) {
      out.println("  seeds: no gold.json beside " + dataDir + "; skipped");
      return;
    }
    com.fasterxml.jackson.databind.JsonNode events =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(goldFile.toFile()).path("events");
    org.storyline.model.Report report = org.storyline.analyze.Analyzer.defaults().analyze(List.of(seeds));
    java.util.Set<String> values = new java.util.TreeSet<>();
    for (Timex t : report.timexes()) values.add(t.value());
    java.util.Set<String> published = new java.util.TreeSet<>();
    for (org.storyline.model.Article a : report.articles()) {
      if (a.published() != null && a.published().length() >= 10) published.add(a.published().substring(0, 10));
    }
    int orPublished = 0;
    int found = 0;
    int all = 0;
    List<String> missing = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode e : events) {
      String date = e.path("date").asText("");
      if (date.isEmpty()) continue;
      all++;
      if (values.contains(date)) found++;
      else missing.add(date + " (" + e.path("what").asText("") + ")");
      if (values.contains(date) || published.contains(date)) orPublished++;
    }
    out.printf(Locale.ROOT, "  seeds: %d/%d dated events of gold.json appear as timex values (%d/%d counting the "
        + "publish dates, for events the text dates only by its dateline)%s%n", found, all, orPublished, all,
        missing.isEmpty() ? "" : "; not as timex: " + missing);
    if (all > 0) res.put("seeds.eventDates", (double) found / all);
  }

  private static int avgChars(List<Doc> a, List<Doc> b) {
    long c = 0;
    for (Doc d : a) c += d.text.length();
    for (Doc d : b) c += d.text.length();
    return (int) (c / Math.max(1, a.size() + b.size()));
  }

  private static void line(PrintWriter out, String name, Score s) {
    out.printf(Locale.ROOT, "  %-26s %5d %5d  %5.1f/%5.1f/%5.1f    %5.1f/%5.1f/%5.1f    %6.1f  %6.1f  %6.1f  %6.1f%n",
        name, s.gold, s.sys, 100 * s.p(s.strict), 100 * s.r(s.strict), 100 * s.strictF1(), 100 * s.p(s.relaxed),
        100 * s.r(s.relaxed), 100 * s.relaxedF1(), 100 * s.valueAcc(), 100 * s.valueF1(), 100 * s.typeAcc(),
        100 * s.typeF1());
  }

  static List<Doc> load(Path dir) throws IOException {
    List<Doc> docs = new ArrayList<>();
    if (!Files.isDirectory(dir)) return docs;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".tml")).sorted().toList();
    }
    for (Path p : files) {
      Doc d = parse(p.getFileName().toString().replace(".tml", ""), Files.readString(p, StandardCharsets.UTF_8));
      if (d != null) docs.add(d);
    }
    return docs;
  }

  /** Parses a TimeML document: strips tags and entities from TEXT, keeping the TIMEX3 spans in that text. */
  static Doc parse(String id, String xml) {
    Matcher dm = DCT.matcher(xml);
    String dct = null;
    if (dm.find()) dct = attrs(dm.group()).get("value");
    int ts = xml.indexOf("<TEXT>");
    int te = xml.indexOf("</TEXT>");
    if (ts < 0 || te < 0) return null;
    String raw = xml.substring(ts + 6, te);
    StringBuilder text = new StringBuilder(raw.length());
    List<Span> gold = new ArrayList<>();
    Map<String, String> open = null;
    int openAt = -1;
    for (int i = 0; i < raw.length(); ) {
      char c = raw.charAt(i);
      if (c == '<') {
        int j = raw.indexOf('>', i);
        if (j < 0) break;
        String tag = raw.substring(i, j + 1);
        if (tag.startsWith("<TIMEX3")) {
          open = attrs(tag);
          openAt = text.length();
        } else if (tag.startsWith("</TIMEX3") && open != null) {
          gold.add(new Span(openAt, text.length(), open.get("type"), open.get("value"),
              text.substring(openAt, text.length())));
          open = null;
        }
        i = j + 1;
      } else if (c == '&') {
        int j = raw.indexOf(';', i);
        String ent = j > i && j - i < 10 ? raw.substring(i, j + 1) : "&";
        String rep = switch (ent) {
          case "&amp;" -> "&";
          case "&lt;" -> "<";
          case "&gt;" -> ">";
          case "&quot;" -> "\"";
          case "&apos;" -> "'";
          default -> null;
        };
        if (rep == null) {
          text.append('&');
          i++;
        } else {
          text.append(rep);
          i += ent.length();
        }
      } else {
        text.append(c);
        i++;
      }
    }
    return new Doc(id, text.toString(), dct, gold);
  }

  private static Map<String, String> attrs(String tag) {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher a = ATTR.matcher(tag);
    while (a.find()) m.put(a.group(1), a.group(2));
    return m;
  }

  /** Token index range [first, last] covered by a character span, or null when it covers no token. */
  private static int[] tokens(List<int[]> toks, int start, int end) {
    int f = -1, l = -1;
    for (int k = 0; k < toks.size(); k++) {
      int[] t = toks.get(k);
      if (t[1] <= start) continue;
      if (t[0] >= end) break;
      if (f < 0) f = k;
      l = k;
    }
    return f < 0 ? null : new int[] {f, l};
  }

  static Score score(TimexTagger tagger, List<Doc> docs, StringBuilder errors) {
    Score total = new Score();
    for (Doc d : docs) {
      List<Timex> sys = tagger.tag(d.id, d.text, d.dct);
      List<Span> sysSpans = new ArrayList<>();
      for (Timex t : sys) sysSpans.add(new Span(t.start(), t.end(), t.type(), t.value(), t.text()));
      total.add(scoreDoc(d, sysSpans, errors));
    }
    return total;
  }

  static Score scoreDoc(Doc d, List<Span> sys, StringBuilder errors) {
    List<int[]> toks = new ArrayList<>();
    Matcher m = TOKEN.matcher(d.text);
    while (m.find()) toks.add(new int[] {m.start(), m.end()});
    List<int[]> g = new ArrayList<>();
    List<Span> gs = new ArrayList<>();
    for (Span s : d.gold) {
      int[] r = tokens(toks, s.start, s.end);
      if (r != null) {
        g.add(r);
        gs.add(s);
      }
    }
    List<int[]> y = new ArrayList<>();
    List<Span> ys = new ArrayList<>();
    for (Span s : sys) {
      int[] r = tokens(toks, s.start, s.end);
      if (r != null) {
        y.add(r);
        ys.add(s);
      }
    }
    Score sc = new Score();
    sc.gold = g.size();
    sc.sys = y.size();
    // strict: identical token spans, one-to-one
    boolean[] gUsed = new boolean[g.size()];
    for (int j = 0; j < y.size(); j++) {
      for (int i = 0; i < g.size(); i++) {
        if (!gUsed[i] && g.get(i)[0] == y.get(j)[0] && g.get(i)[1] == y.get(j)[1]) {
          gUsed[i] = true;
          sc.strict++;
          break;
        }
      }
    }
    // relaxed: greedy largest overlap first
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      for (int j = 0; j < y.size(); j++) {
        int ov = Math.min(g.get(i)[1], y.get(j)[1]) - Math.max(g.get(i)[0], y.get(j)[0]) + 1;
        if (ov > 0) pairs.add(new int[] {ov, i, j});
      }
    }
    pairs.sort(Comparator.comparingInt((int[] p) -> -p[0]).thenComparingInt(p -> p[1]).thenComparingInt(p -> p[2]));
    boolean[] gm = new boolean[g.size()];
    boolean[] ym = new boolean[y.size()];
    for (int[] p : pairs) {
      if (gm[p[1]] || ym[p[2]]) continue;
      gm[p[1]] = true;
      ym[p[2]] = true;
      sc.relaxed++;
      Span a = gs.get(p[1]);
      Span b = ys.get(p[2]);
      if (a.value != null && a.value.equals(b.value)) sc.value++;
      else if (errors != null) err(errors, "VALUE", d, a, b);
      if (a.type != null && a.type.equals(b.type)) sc.type++;
      else if (errors != null && a.value != null && a.value.equals(b.value)) err(errors, "TYPE", d, a, b);
    }
    if (errors != null) {
      for (int i = 0; i < g.size(); i++) if (!gm[i]) err(errors, "MISS", d, gs.get(i), null);
      for (int j = 0; j < y.size(); j++) if (!ym[j]) err(errors, "SPUR", d, null, ys.get(j));
    }
    return sc;
  }

  private static void err(StringBuilder sb, String kind, Doc d, Span gold, Span sys) {
    Span any = gold != null ? gold : sys;
    int s = Math.max(0, any.start - 60);
    int e = Math.min(d.text.length(), any.end + 30);
    String ctx = d.text.substring(s, e).replaceAll("\\s+", " ");
    sb.append(kind).append('\t').append(d.id).append('\t').append(d.dct).append('\t')
        .append(gold == null ? "-" : gold.text + " | " + gold.type + " " + gold.value).append('\t')
        .append(sys == null ? "-" : sys.text + " | " + sys.type + " " + sys.value).append('\t').append(ctx)
        .append('\n');
  }
}
