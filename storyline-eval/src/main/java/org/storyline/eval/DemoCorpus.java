package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.storyline.resources.Resources;

/**
 * Writes the bundled demo corpus ({@code demo/wikinews-demo.jsonl}) and its attribution ({@code demo/ATTRIBUTION.md})
 * from English Wikinews (CC BY 2.5), so the committed files can be rebuilt exactly:
 * {@code storyline eval demo-corpus --data ../shared/data --out demo/wikinews-demo.jsonl}.
 *
 * <p>The selection is by topic, not by output: {@code demo/demo-corpus.tsv} (a resource) lists developing stories,
 * each a date window and a title pattern; an article is taken when its date lies in a topic's window and its title
 * matches the pattern. Articles are written in date order (then id), each once, with the text as the source gives
 * it (the wiki markup left in it is Storyline's cleaner's job) and a URL built from the title.
 */
public final class DemoCorpus {
  static final String SOURCE = "corpora/wikinews_en/wikinews_en_politics_economy_2004_2018.jsonl.gz";
  private static final String WIKI = "https://en.wikinews.org/wiki/";

  /** One developing story: articles dated {@code from..to} (ISO, inclusive) whose title matches {@code title}. */
  record Topic(String name, String from, String to, Pattern title, String description) {
    boolean takes(String date, String t) {
      return date != null && date.compareTo(from) >= 0 && date.compareTo(to) <= 0 && title.matcher(t).find();
    }
  }

  /** A selected article with the topic that took it. */
  record Pick(Topic topic, String id, String date, String title, String text) {}

  private DemoCorpus() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/data");
    Path out = Path.of("demo/wikinews-demo.jsonl");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: storyline eval demo-corpus [--data DIR] [--out demo/wikinews-demo.jsonl]");
          System.exit(2);
        }
      }
    }
    Path source = data.resolve(SOURCE);
    if (!Files.exists(source)) {
      System.err.println("storyline eval demo-corpus: no Wikinews corpus at " + source + " (pass --data DIR)");
      System.exit(2);
    }
    List<Topic> topics = topics();
    List<Pick> picks = select(source, topics);
    Files.writeString(out, jsonl(picks), StandardCharsets.UTF_8);
    Path attribution = out.resolveSibling("ATTRIBUTION.md");
    Files.writeString(attribution, attribution(out.getFileName().toString(), topics, picks), StandardCharsets.UTF_8);
    System.out.printf("wrote %d articles to %s and the attribution to %s%n", picks.size(), out, attribution);
    for (Topic t : topics) {
      System.out.printf("  %-24s %3d%n", t.name(), picks.stream().filter(p -> p.topic() == t).count());
    }
  }

  static List<Topic> topics() throws IOException {
    List<Topic> out = new ArrayList<>();
    for (String line : Resources.entries(DemoCorpus.class, "/demo/demo-corpus.tsv")) {
      String[] f = line.split("\t");
      if (f.length != 5) throw new IllegalStateException("demo-corpus.tsv: 5 tab-separated columns expected: " + line);
      out.add(new Topic(f[0], f[1], f[2], Pattern.compile(f[3]), f[4]));
    }
    return out;
  }

  /** The articles some topic takes (the first topic that takes one wins), in date order, then by id. */
  static List<Pick> select(Path source, List<Topic> topics) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Pick> picks = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(source)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode j = json.readTree(line);
        String date = j.path("date").asText(null);
        String title = j.path("title").asText("");
        for (Topic t : topics) {
          if (t.takes(date, title)) {
            picks.add(new Pick(t, j.path("id").asText(), date, title, j.path("text").asText("")));
            break;
          }
        }
      }
    }
    picks.sort(Comparator.comparing(Pick::date).thenComparing(Pick::id));
    return picks;
  }

  static String jsonl(List<Pick> picks) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder b = new StringBuilder();
    for (Pick p : picks) {
      ObjectNode o = json.createObjectNode();
      o.put("id", p.id());
      o.put("url", url(p.title()));
      o.put("title", p.title());
      o.put("outlet", "Wikinews");
      o.put("published", p.date());
      o.put("text", p.text());
      b.append(json.writeValueAsString(o)).append('\n');
    }
    return b.toString();
  }

  /** The article's Wikinews address: spaces become underscores; characters unsafe in a URL are percent-encoded. */
  static String url(String title) {
    StringBuilder b = new StringBuilder(WIKI);
    for (byte x : title.strip().replace(' ', '_').getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_-.,()'!:~*;@$/".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  static String attribution(String file, List<Topic> topics, List<Pick> picks) {
    StringWriter s = new StringWriter();
    PrintWriter w = new PrintWriter(s);
    String first = picks.isEmpty() ? "" : picks.get(0).date();
    String last = picks.isEmpty() ? "" : picks.get(picks.size() - 1).date();
    w.println("# Demo corpus attribution");
    w.println();
    w.printf("`%s` holds %d articles from English Wikinews (https://en.wikinews.org), %s to %s,%n", file,
        picks.size(), first, last);
    w.printf("on the %d developing stories listed below. Wikinews content is licensed under the Creative Commons%n",
        topics.size());
    w.println("Attribution 2.5 licence (https://creativecommons.org/licenses/by/2.5/); the articles are by Wikinews");
    w.println("contributors. The text comes from the Wikinews politics and economy collection distributed with the");
    w.println("`tosca` R package (Docma-TU/tosca).");
    w.println();
    w.println("Changes: before this selection, the collection's conversion stripped part of the wiki markup and the line");
    w.println("breaks, cut the trailing Sources and Related news sections and removed the '' italic quotes. The demo file");
    w.println("keeps each text as the collection gives it, with its id, title and date; the outlet is \"Wikinews\" and the");
    w.println("`url` field is built from the title (it may not resolve where the article was renamed). Storyline's cleaner");
    w.println("removes the wiki markup left in the texts when it reads them (docs/cleaning.md).");
    w.println();
    w.println("The file is written by");
    w.println("`bin/storyline eval demo-corpus --data DIR --out demo/wikinews-demo.jsonl` (storyline-eval `DemoCorpus`,");
    w.println("topics in `storyline-eval/src/main/resources/demo/demo-corpus.tsv`): an article is taken when its date lies");
    w.println("in a topic's window and its title matches the topic's pattern.");
    for (Topic t : topics) {
      List<Pick> mine = picks.stream().filter(p -> p.topic() == t).toList();
      w.println();
      w.printf("## %s (%d articles, %s to %s)%n", t.description(), mine.size(), t.from(), t.to());
      w.println();
      for (Pick p : mine) w.printf("- %s [%s](%s)%n", p.date(), p.title().strip(), url(p.title()));
    }
    w.flush();
    return s.toString();
  }
}
