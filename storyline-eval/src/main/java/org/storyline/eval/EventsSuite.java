package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.storyline.cluster.Tokens;
import org.storyline.model.Event;
import org.storyline.model.Report;

/**
 * {@code storyline eval events}: each article's main event (who, what, when, where) against the human 5W1H
 * annotations of {@code corpora/giveme5w1h_news_cluster/gold_standard_5w1h.jsonl.gz} (100 articles, README in
 * {@code corpora/README.md}).
 *
 * <p>The 100 articles go through {@code storyline analyze} as one JSONL file (title, lead paragraph + body, publish
 * date, outlet). An article's main event is the report's event, not background, whose evidence in that article starts
 * earliest (then the one more articles report). Its answers: who = the event's first {@code who}, what = its
 * {@code what}, when = its date, where = its first {@code where}.
 *
 * <p>Scoring, per answer, on the scale Giveme5W's human judges used (relevant 1, partly relevant 0.5, not 0): what,
 * who and where score 1 when the answer's content words and those of one annotated phrase overlap with F1 &ge; 0.5,
 * 0.5 when they share a content word; when scores 1 when the date equals an annotation's parsed date (to the day),
 * 0.5 when the parsed date lies inside the answer's coarser period, or like the others when the time expression
 * the evidence dates the event by matches the coders' phrase (their parsed values are sometimes off). Who and where
 * are the event's first name that this article's evidence names. Questions the coders
 * left empty are not scored. Precision is the mean score over answered questions, coverage the share of scored
 * questions answered. Giveme5W1H's published figures are precision judged by people on its own answers, so the two
 * are side by side, not the same measure.
 *
 * <p>The corpus's own split is kept: {@code training} (76 articles) is the dev part the events stage may be tuned on;
 * {@code test} (20) is held out and only reported.
 */
public final class EventsSuite implements EvalSuite {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** With {@code -Dstoryline.eval.events.dump=FILE}, each dev answer beside the coders' phrases (for error analysis). */
  private static final PrintWriter DUMP = dump(System.getProperty("storyline.eval.events.dump"));

  private static PrintWriter dump(String file) {
    if (file == null) return null;
    try {
      return new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8), true);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final List<String> QUESTIONS = List.of("who", "what", "when", "where");

  @Override
  public String name() {
    return "events";
  }

  record Gold(String id, String split, JsonNode fiveW) {}

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Path file = dataDir.resolve("corpora/giveme5w1h_news_cluster/gold_standard_5w1h.jsonl.gz");
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      out.println("  no " + file + "; skipped");
      return metrics;
    }
    List<Gold> gold = new ArrayList<>();
    Path dir = Files.createTempDirectory("storyline-5w1h");
    Path jsonl = dir.resolve("giveme5w1h.jsonl");
    try {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
          StandardCharsets.UTF_8)); var w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isBlank()) continue;
          JsonNode d = JSON.readTree(line);
          String id = "g5-" + d.path("id").asText().substring(0, 12);
          gold.add(new Gold(id, d.path("giveme5w1h_split").asText("none"), d.path("five_w_one_h")));
          var o = JSON.createObjectNode();
          o.put("id", id);
          o.put("url", d.path("url").asText());
          o.put("title", d.path("title").asText());
          o.put("outlet", d.path("publisher").asText());
          o.put("published", d.path("date_publish").asText().replace(' ', 'T'));
          String lead = d.path("description").asText("");
          String body = d.path("text").asText("");
          o.put("text", lead.isBlank() || body.startsWith(lead) ? body : lead + "\n\n" + body);
          w.write(JSON.writeValueAsString(o));
          w.write('\n');
        }
      }
      long t0 = System.nanoTime();
      Report report = org.storyline.analyze.Analyzer.defaults().analyze(List.of(jsonl));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      Map<String, String> texts = new HashMap<>();
      for (var a : report.articles()) texts.put(a.id(), a.text());
      out.printf(Locale.ROOT, "  %d annotated articles through `storyline analyze` in %d ms: %d events (%d background)"
          + "%n", gold.size(), ms, report.events().size(), report.events().stream().filter(Event::background).count());
      for (String split : List.of("training", "test")) {
        List<Gold> part = gold.stream().filter(g -> g.split.equals(split)).toList();
        Map<String, double[]> s = score(part, report, texts);
        StringBuilder line = new StringBuilder();
        double sum = 0;
        int n = 0;
        for (String q : QUESTIONS) {
          double[] v = s.get(q);
          double p = v[1] == 0 ? 0 : v[0] / v[1];
          double cov = v[2] == 0 ? 0 : v[1] / v[2];
          line.append(String.format(Locale.ROOT, "  %s P %.2f (%d answered of %d)", q, p, (int) v[1], (int) v[2]));
          metrics.put(split + "." + q + ".precision", p);
          metrics.put(split + "." + q + ".coverage", cov);
          sum += p;
          n++;
        }
        metrics.put(split + ".precision", sum / n);
        out.printf(Locale.ROOT, "  %s (%s, %d articles): mean P %.2f;%s%n", split, split.equals("training")
            ? "dev: the part tuned on" : "held out, report only", part.size(), sum / n, line);
      }
      out.println("  published (human-judged precision of each system's own answers, another measure): Giveme5W "
          + "(iConference 2018) 'extraction performance is p=0.7' (its README); Giveme5W1H (JCDL 2018 / 2019) is "
          + "recalled at about 0.7 mean precision on this corpus (corpora/README.md: recalled, unverified)");
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return metrics;
  }

  /** Per question: {score sum, answered, scored}. */
  static Map<String, double[]> score(List<Gold> part, Report report, Map<String, String> texts) {
    Map<String, List<Event>> byArticle = new HashMap<>();
    for (Event e : report.events()) {
      Set<String> seen = new HashSet<>();
      for (Event.Evidence ev : e.evidence()) {
        if (seen.add(ev.article())) byArticle.computeIfAbsent(ev.article(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String q : QUESTIONS) out.put(q, new double[3]);
    for (Gold g : part) {
      Event main = main(g.id, byArticle.getOrDefault(g.id, List.of()));
      for (String q : QUESTIONS) {
        List<JsonNode> ann = new ArrayList<>();
        for (JsonNode a : g.fiveW.path(q).path("annotated")) if (a.hasNonNull("text")) ann.add(a);
        if (ann.isEmpty()) continue;
        double[] v = out.get(q);
        v[2]++;
        String answer = main == null ? null : answer(q, main, g.id, texts.get(g.id));
        if (DUMP != null && g.split.equals("training")) DUMP.println(g.id + "\t" + q + "\t" + answer + "\t" + ann.stream().map(a -> a.path("text").asText() + (a.has("parsed") ? "=" + a.path("parsed").asText() : "")).toList() + "\t" + (answer == null ? "-" : q.equals("when") ? when(main, answer, ann) : best(answer, ann)));
        if (answer == null || answer.isBlank()) continue;
        v[1]++;
        v[0] += q.equals("when") ? when(main, answer, ann) : best(answer, ann);
      }
    }
    return out;
  }

  /** The article's main event: not background, earliest evidence in the article, then most articles. */
  static Event main(String article, List<Event> events) {
    Event best = null;
    long bestKey = Long.MAX_VALUE;
    for (Event e : events) {
      if (e.background()) continue;
      int first = Integer.MAX_VALUE;
      Set<String> arts = new HashSet<>();
      for (Event.Evidence ev : e.evidence()) {
        arts.add(ev.article());
        if (ev.article().equals(article) && !ev.recalls()) first = Math.min(first, ev.start());
      }
      if (first == Integer.MAX_VALUE) continue;
      long key = (long) first * 1000 - Math.min(999, arts.size());
      if (key < bestKey) {
        best = e;
        bestKey = key;
      }
    }
    return best;
  }

  static String answer(String q, Event e, String article, String text) {
    return switch (q) {
      case "who" -> local(e.who(), e, article);
      case "where" -> local(e.where(), e, article);
      case "what" -> e.what();
      default -> e.date();
    };
  }

  /** Of an event's names (most reported first), the first one this article's evidence names; else the first. */
  static String local(List<String> names, Event e, String article) {
    if (names.isEmpty()) return null;
    StringBuilder b = new StringBuilder();
    for (Event.Evidence ev : e.evidence()) if (ev.article().equals(article)) b.append(ev.text()).append(' ');
    String text = b.toString().toLowerCase(Locale.ROOT);
    for (String n : names) {
      String[] parts = n.toLowerCase(Locale.ROOT).split(" ");
      if (text.contains(parts[parts.length - 1])) return n;
    }
    return names.get(0);
  }

  private static double when(Event e, String date, List<JsonNode> ann) {
    double best = 0;
    for (JsonNode a : ann) {
      String parsed = a.path("parsed").asText("");
      if (parsed.length() >= 10) {
        String day = parsed.substring(0, 10);
        if (day.equals(date)) return 1;
        if (day.startsWith(date)) best = Math.max(best, 0.5);
      }
      // the time expression the evidence dates the event by, against the coders' phrase (their parsed values are
      // sometimes off: "Sunday" in an article of Tuesday 2016-11-08 parsed as 2016-11-12)
      for (Event.Evidence ev : e.evidence()) {
        if (ev.timexStart() < 0) continue;
        String expr = ev.text().substring(ev.timexStart() - ev.start(), ev.timexEnd() - ev.start());
        best = Math.max(best, best(expr, List.of(a)));
      }
    }
    return best;
  }

  /** The best score of {@code answer} against any annotated phrase (1, 0.5 or 0). */
  static double best(String answer, List<JsonNode> ann) {
    Set<String> got = new HashSet<>(Tokens.terms(answer));
    if (got.isEmpty()) return 0;
    double best = 0;
    for (JsonNode a : ann) {
      Set<String> want = new HashSet<>(Tokens.terms(a.path("text").asText()));
      if (want.isEmpty()) continue;
      Set<String> both = new HashSet<>(got);
      both.retainAll(want);
      if (both.isEmpty()) continue;
      double p = both.size() / (double) got.size();
      double r = both.size() / (double) want.size();
      best = Math.max(best, 2 * p * r / (p + r) >= 0.5 ? 1 : 0.5);
    }
    return best;
  }
}
