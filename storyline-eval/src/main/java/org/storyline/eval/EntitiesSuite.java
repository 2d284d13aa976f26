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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.storyline.nlp.NamedEntityRecognizer;
import org.storyline.nlp.ner.NerTagger;

/**
 * {@code eval entities}: the shipped entity tagger on CoNLL-2003 eng.testa (the dev set; the test set is held out),
 * scored like conlleval (exact token span and type, micro-averaged), per type beside the published figures, plus
 * tagging speed on raw Wikinews articles (sentence splitting, tokenizing and tagging), and a cross-document check
 * of alias merging on the name mentions of ECB+ ({@link EcbNameCoref}). The dev documents are also rebuilt as
 * article text and run through the whole pipeline ({@link ConllPipeline}): the figure a user meets.
 *
 * <p>Note: eng.testa is the dev set. Features were chosen on a split of eng.train (bin/train-ner --holdout); the
 * dev figure was looked at when deciding to keep the word clusters, no more.
 */
public final class EntitiesSuite implements EvalSuite {
  @Override
  public String name() {
    return "entities";
  }

  @Override
  public Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception {
    Map<String, Double> m = new LinkedHashMap<>();
    Path dev = dataDir.resolve("ner/eng.testa");
    NerTagger tagger = NerTagger.defaults();
    if (Files.exists(dev)) {
      List<Conll.Doc> docs = Conll.read(dev);
      long tokens = docs.stream().flatMap(d -> d.tokens().stream()).mapToLong(List::size).sum();
      long t0 = System.nanoTime();
      Conll.Score s = Conll.evaluate(tagger, docs);
      double secs = (System.nanoTime() - t0) / 1e9;
      out.printf("  CoNLL-2003 eng.testa (dev), %d docs, %d tokens; conlleval exact span+type%n", docs.size(), tokens);
      out.printf("  %-6s %7s %7s %7s %8s%n", "type", "P", "R", "F1", "gold");
      for (int t = 0; t < 5; t++) {
        String name = t < 4 ? Conll.Score.TYPES.get(t) : "ALL";
        out.printf("  %-6s %7.2f %7.2f %7.2f %8d%n", name, s.p(t), s.r(t), s.f(t), s.c[t][2]);
        if (t < 4) m.put("f1_" + name, s.f(t) / 100);
      }
      m.put("f1", s.f(4) / 100);
      m.put("precision", s.p(4) / 100);
      m.put("recall", s.r(4) / 100);
      out.printf("  published (test set eng.testb): Stanford CoreNLP 4.5.7 CRF 89.09 (its testa 93.11, testa likely in"
          + " its training data); OpenNLP NameFinderME low-mid 80s; LUKE 94.3%n");
      out.printf("  tagging (pre-tokenized, first run incl. warm-up): %.0f tokens/s%n", tokens / secs);
      // tagger speed alone (after the run above warmed the JIT): pre-tokenized dev documents, thread CPU time
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      if (mx.isCurrentThreadCpuTimeSupported()) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        long done = 0;
        for (int rep = 0; rep < 3; rep++) {
          for (Conll.Doc d : docs) tagger.tag(d.tokens());
          done += tokens;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double wall = (System.nanoTime() - w0) / 1e9;
        out.printf(java.util.Locale.ROOT, "  tagging speed (pre-tokenized dev x3, one thread): %.0f tokens per"
            + " CPU-second (%.0f per wall-second)%n", done / cpu, done / wall);
        m.put("tokens_per_cpu_s", done / cpu);
      }
      Map<String, Double> pipe = ConllPipeline.run(docs, out, Boolean.getBoolean("storyline.entities.dump"));
      m.putAll(pipe);
      out.printf(java.util.Locale.ROOT, "  token level %.2f, through the pipeline %.2f: %.2f points apart%n", s.f(4),
          100 * pipe.get("pipeline_f1"), s.f(4) - 100 * pipe.get("pipeline_f1"));
    } else {
      out.println("  no " + dev + ": skipped");
    }
    Path wiki = dataDir.resolve("corpora/wikinews_en/wikinews_en_politics_economy_2004_2018.jsonl.gz");
    if (Files.exists(wiki)) {
      List<String> texts = new ArrayList<>();
      ObjectMapper om = new ObjectMapper();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(wiki)),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null && texts.size() < 1000; ) {
          JsonNode n = om.readTree(line);
          texts.add(n.path("text").asText(""));
        }
      }
      NamedEntityRecognizer ner = NamedEntityRecognizer.defaults();
      for (int rep = 0; rep < 2; rep++) for (String t : texts) ner.find(t); // warm-up (JIT)
      long chars = 0;
      long found = 0;
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
      long t0 = System.nanoTime();
      for (String t : texts) {
        found += ner.find(t).size();
        chars += t.length();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = c0 < 0 ? Double.NaN : (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      int n = texts.size();
      double aps = n / secs;
      out.printf("  speed on %d Wikinews articles (%.0f chars avg, one thread): %.0f articles/s (%.0f per CPU-second),"
          + " %d mentions%n", n, (double) chars / n, aps, n / cpu, found);
      m.put("articles_per_s", aps);
    }
    m.putAll(EcbNameCoref.run(dataDir.resolve("coref/ecbplus/barhom2019_cybulska_setup"), out));
    return m;
  }
}
