package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.storyline.analyze.Analyzer;
import org.storyline.model.Article;
import org.storyline.model.Report;

/**
 * {@code storyline eval seeds}: runs the whole Analyzer on the seed articles ({@code seeds/*.txt} beside the data
 * folder) and compares each article's metadata with the human reading in {@code seeds/gold.json}: title, published
 * (date part), published_time (the full value: a date-time with offset where gold gives one, else a bare date),
 * published_inferred, outlet, url, byline, credits (as a set). A field gold leaves out is expected null (false, or
 * empty for credits). Then checks that no boilerplate line gold lists survives in the text: a paragraph that equals,
 * starts with or ends with it (or contains it, for lines of 15+ characters), also after markdown is stripped.
 * {@code fields.cleaner.accuracy} leaves out the publish dates gold marks inferred, which the text alone may not
 * give (the story stage infers them from story mates).
 */
public final class SeedsSuite implements EvalSuite {
  private static final List<String> FIELDS = List.of("title", "published", "published_time", "published_inferred",
      "outlet", "url", "byline", "credits");

  @Override
  public String name() {
    return "seeds";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Path seeds = dataDir.resolveSibling("seeds");
    if (!Files.isDirectory(seeds)) seeds = dataDir.resolve("seeds");
    Path goldFile = seeds.resolve("gold.json");
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (!Files.isRegularFile(goldFile)) {
      out.println("  no seeds folder with gold.json beside " + dataDir + "; skipped");
      return metrics;
    }
    JsonNode gold = new ObjectMapper().readTree(goldFile.toFile()).get("articles");
    long t0 = System.nanoTime();
    Report report = Analyzer.defaults().analyze(List.of(seeds));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Map<String, Article> byId = new LinkedHashMap<>();
    for (Article a : report.articles()) byId.put(a.id(), a);

    Map<String, int[]> perField = new LinkedHashMap<>();
    for (String f : FIELDS) perField.put(f, new int[2]);
    List<String> mismatches = new ArrayList<>();
    int ownRight = 0;
    int ownAll = 0;
    int bpTotal = 0;
    int bpAbsent = 0;
    for (Iterator<String> it = gold.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      JsonNode g = gold.get(id);
      Article a = byId.get(id);
      for (String f : FIELDS) {
        Object want = expected(g, f);
        Object got = a == null ? "<no article>" : actual(a, f);
        int[] c = perField.get(f);
        c[1]++;
        boolean ok = Objects.equals(want, got);
        if (ok) c[0]++;
        else mismatches.add(id + " " + f + ": want " + want + ", got " + got);
        // a date gold marks inferred may come from a later stage (story mates): not the cleaner's own field
        if (!(f.startsWith("published") && g.path("published_inferred").asBoolean(false))) {
          ownAll++;
          if (ok) ownRight++;
        }
      }
      for (JsonNode bp : g.path("boilerplate")) {
        bpTotal++;
        String line = bp.asText();
        String survivor = a == null ? null : survivor(a.text(), line);
        if (survivor == null) bpAbsent++;
        else mismatches.add(id + " boilerplate survives: '" + line + "' in: " + abbreviate(survivor));
      }
      if (a != null && !a.diagnostics().isEmpty()) {
        out.println("  " + id + " diagnostics: " + a.diagnostics());
      }
    }
    int right = 0;
    int all = 0;
    for (var e : perField.entrySet()) {
      int[] c = e.getValue();
      right += c[0];
      all += c[1];
      double acc = c[1] == 0 ? 1.0 : (double) c[0] / c[1];
      out.printf("  %-20s %d/%d  %.3f%n", e.getKey(), c[0], c[1], acc);
      metrics.put("field." + e.getKey(), acc);
    }
    double fieldAcc = all == 0 ? 1.0 : (double) right / all;
    double bp = bpTotal == 0 ? 1.0 : (double) bpAbsent / bpTotal;
    out.printf("  fields.accuracy       %d/%d  %.3f%n", right, all, fieldAcc);
    double own = ownAll == 0 ? 1.0 : (double) ownRight / ownAll;
    out.printf("  fields.cleaner        %d/%d  %.3f  (without dates gold marks inferred)%n", ownRight, ownAll, own);
    out.printf("  boilerplate absent    %d/%d  %.3f%n", bpAbsent, bpTotal, bp);
    out.printf("  %d articles analysed in %d ms (whole pipeline)%n", report.articles().size(), ms);
    for (String m : mismatches) out.println("  MISMATCH " + m);
    metrics.put("fields.accuracy", fieldAcc);
    metrics.put("fields.cleaner.accuracy", own);
    metrics.put("boilerplate.survivors.absent", bp);
    JsonNode goldAll = new ObjectMapper().readTree(goldFile.toFile());
    quoteVariants(goldAll.path("quote_variants"), report, byId, metrics, out);
    events(goldAll.path("events"), report, metrics, out);
    outletFacts(goldAll.path("outlet_unique_facts"), report, metrics, out);
    stories(goldAll, report, metrics, out);
    return metrics;
  }

  /**
   * gold.json's {@code stories} (article lists) and {@code storylines} (story indexes): whether the report's stories
   * are exactly gold's (as a partition of the articles), and whether its storylines group the same articles.
   */
  static void stories(JsonNode gold, Report report, Map<String, Double> metrics, PrintWriter out) {
    if (!gold.has("stories")) return;
    List<java.util.Set<String>> goldStories = new ArrayList<>();
    for (JsonNode st : gold.path("stories")) {
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (JsonNode a : st.path("articles")) ids.add(a.asText());
      goldStories.add(ids);
    }
    java.util.Set<java.util.Set<String>> goldLines = new java.util.HashSet<>();
    for (JsonNode l : gold.path("storylines")) {
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (JsonNode i : l.path("stories")) ids.addAll(goldStories.get(i.asInt()));
      goldLines.add(ids);
    }
    Map<String, java.util.Set<String>> byStory = new LinkedHashMap<>();
    for (var st : report.stories()) byStory.put(st.id(), new java.util.TreeSet<>(st.articles()));
    java.util.Set<java.util.Set<String>> gotStories = new java.util.HashSet<>(byStory.values());
    java.util.Set<java.util.Set<String>> gotLines = new java.util.HashSet<>();
    for (var l : report.storylines()) {
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (String sid : l.stories()) ids.addAll(byStory.getOrDefault(sid, java.util.Set.of()));
      gotLines.add(ids);
    }
    boolean storiesOk = gotStories.equals(new java.util.HashSet<>(goldStories));
    boolean linesOk = gotLines.equals(goldLines);
    out.printf("  stories: %d reported, %d in gold, %s%n", gotStories.size(), goldStories.size(),
        storiesOk ? "the same articles in each" : "differ: got " + gotStories + ", gold " + goldStories);
    out.printf("  storylines: %d reported, %d in gold, %s%n", gotLines.size(), goldLines.size(),
        linesOk ? "the same articles in each" : "differ: got " + gotLines + ", gold " + goldLines);
    metrics.put("stories.exact", storiesOk ? 1.0 : 0.0);
    metrics.put("storylines.exact", linesOk ? 1.0 : 0.0);
  }

  private static Object expected(JsonNode g, String f) {
    return switch (f) {
      case "published_time" -> g.hasNonNull("published_time") ? g.get("published_time").asText() : text(g, "published");
      case "published_inferred" -> g.path("published_inferred").asBoolean(false);
      case "credits" -> {
        List<String> l = new ArrayList<>();
        for (JsonNode c : g.path("credits")) l.add(c.asText());
        yield l.stream().sorted().toList();
      }
      default -> text(g, f);
    };
  }

  private static Object actual(Article a, String f) {
    return switch (f) {
      case "title" -> a.title();
      case "published" -> a.published() == null ? null : a.published().substring(0, Math.min(10, a.published().length()));
      case "published_time" -> a.published();
      case "published_inferred" -> a.publishedInferred();
      case "outlet" -> a.outlet();
      case "url" -> a.url();
      case "byline" -> a.byline();
      case "credits" -> a.credits().stream().sorted().toList();
      default -> throw new IllegalArgumentException(f);
    };
  }

  private static String text(JsonNode g, String f) {
    JsonNode v = g.get(f);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The paragraph in which a boilerplate line survives, or null. */
  static String survivor(String text, String line) {
    String plain = line.replaceAll("[*_`]+", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").strip();
    for (String p : text.split("\n\n")) {
      String para = p.strip();
      for (String l : List.of(line.strip(), plain)) {
        if (l.isEmpty()) continue;
        if (para.equals(l) || para.startsWith(l) || para.endsWith(l) || (l.length() >= 15 && para.contains(l))) {
          return para;
        }
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }

  /**
   * gold.json's {@code quote_variants}: pairs "article:text" of one statement worded differently by two outlets. A
   * pair is found when one reported variant group has a member overlapping each gold text by at least half of it.
   */
  private static void quoteVariants(JsonNode gold, Report report, Map<String, Article> byId,
      Map<String, Double> metrics, PrintWriter out) {
    if (!gold.isArray() || gold.isEmpty()) return;
    int found = 0;
    for (JsonNode pair : gold) {
      boolean hit = false;
      for (var v : report.quoteVariants()) {
        boolean all = true;
        for (JsonNode side : pair) {
          String spec = side.asText();
          int colon = spec.indexOf(':');
          String id = spec.substring(0, colon);
          String text = spec.substring(colon + 1);
          Article a = byId.get(id);
          int s = a == null ? -1 : a.text().indexOf(text);
          all &= s >= 0 && v.members().stream().anyMatch(m -> m.article().equals(id)
              && Math.min(m.end(), s + text.length()) - Math.max(m.start(), s) >= text.length() / 2);
        }
        hit |= all;
      }
      if (hit) found++;
      else out.println("  quote variant not found: " + pair);
    }
    long reworded = report.quoteVariants().stream().filter(v -> !v.identical()).count();
    out.printf(java.util.Locale.ROOT, "  quote variants: %d/%d gold pairs found; %d reworded groups reported, %d "
        + "identical%n", found, gold.size(), reworded, report.quoteVariants().size() - reworded);
    metrics.put("quoteVariants.found", found / (double) gold.size());
    metrics.put("quoteVariants.precision", reworded == 0 ? 0 : Math.min(1.0, found / (double) reworded));
  }

  /**
   * gold.json's {@code events} ({what, date, where}): one is found when an event of the report has the same date
   * value and its sentences or names share at least two content words with the gold description and place (one, when
   * the gold gives fewer than three). It is found <em>once</em> when exactly one event of the report matches it (one
   * event per happening); every evidence item must quote its article's text at its offsets.
   */
  private static void events(JsonNode gold, Report report, Map<String, Double> metrics, PrintWriter out) {
    if (!gold.isArray() || gold.isEmpty()) return;
    int found = 0;
    int once = 0;
    for (JsonNode g : gold) {
      java.util.Set<String> want = new java.util.HashSet<>(org.storyline.cluster.Tokens.terms(
          g.path("what").asText("") + " " + g.path("where").asText("")));
      int need = Math.min(2, Math.max(1, want.size() - 1));
      boolean hit = false;
      int matches = 0;
      for (var e : report.events()) {
        if (!e.date().equals(g.path("date").asText())) continue;
        StringBuilder b = new StringBuilder(String.join(" ", e.who())).append(' ').append(String.join(" ", e.where()));
        for (var ev : e.evidence()) b.append(' ').append(ev.text());
        java.util.Set<String> have = new java.util.HashSet<>(org.storyline.cluster.Tokens.terms(b.toString()));
        have.retainAll(want);
        hit |= have.size() >= need;
        if (have.size() >= need) matches++;
      }
      if (hit) found++;
      else out.println("  event not found: " + g);
      if (matches == 1) once++;
      else if (matches > 1) out.println("  event reported " + matches + " times: " + g);
    }
    Map<String, String> texts = new java.util.HashMap<>();
    for (var a : report.articles()) texts.put(a.id(), a.text());
    int evidence = 0;
    int exact = 0;
    for (var e : report.events()) {
      for (var ev : e.evidence()) {
        evidence++;
        String t = texts.get(ev.article());
        if (t != null && ev.start() >= 0 && ev.end() <= t.length() && t.substring(ev.start(), ev.end()).equals(ev.text())
            && (ev.timexStart() < 0 || ev.start() <= ev.timexStart() && ev.timexEnd() <= ev.end())) {
          exact++;
        }
      }
    }
    long background = report.events().stream().filter(org.storyline.model.Event::background).count();
    out.printf(java.util.Locale.ROOT, "  events: %d/%d gold events reported exactly once (one event per happening); "
        + "%d of %d evidence offsets quote their sentence; %d background events%n", once, gold.size(), exact,
        evidence, background);
    metrics.put("events.once", once / (double) gold.size());
    metrics.put("events.offsets", evidence == 0 ? 0 : exact / (double) evidence);
    out.printf(java.util.Locale.ROOT, "  events: %d/%d gold events found among %d dated events reported%n", found,
        gold.size(), report.events().size());
    metrics.put("events.found", found / (double) gold.size());
  }

  /**
   * gold.json's {@code outlet_unique_facts} ({article, fact}): one is found when one of the facts the report lists as
   * that article's own (in {@code outlets}) shares at least half of the gold fact's content words.
   */
  private static void outletFacts(JsonNode gold, Report report, Map<String, Double> metrics, PrintWriter out) {
    if (!gold.isArray() || gold.isEmpty()) return;
    int found = 0;
    int listed = 0;
    for (var v : report.outlets()) for (var a : v.articles()) listed += a.unique().size();
    for (JsonNode g : gold) {
      String id = g.path("article").asText();
      java.util.Set<String> want = new java.util.HashSet<>(org.storyline.cluster.Tokens.terms(g.path("fact").asText()));
      boolean hit = false;
      for (var v : report.outlets()) {
        for (var a : v.articles()) {
          if (!a.article().equals(id)) continue;
          for (var f : a.unique()) {
            java.util.Set<String> have = new java.util.HashSet<>(org.storyline.cluster.Tokens.terms(f.text()));
            have.retainAll(want);
            hit |= have.size() * 2 >= want.size();
          }
        }
      }
      if (hit) found++;
      else out.println("  outlet fact not among the article's own: " + g);
    }
    out.printf(java.util.Locale.ROOT, "  outlet facts: %d/%d gold facts among the %d facts listed as articles' own%n",
        found, gold.size(), listed);
    metrics.put("outletFacts.found", found / (double) gold.size());
  }
}
