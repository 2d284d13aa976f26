package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.nlp.EntityLinker;
import org.storyline.nlp.NamedEntityRecognizer;
import org.storyline.nlp.Tokenizer;

/**
 * Cross-document name coreference on ECB+ (Barhom et al. 2019 split, test topics 36-45): the gold entity mentions
 * that are names (every word capitalised, not all capitals, continuous; types HUM, NON, LOC) are given to
 * {@link EntityLinker} as PER, ORG, LOC mentions, all documents at once (no topic clustering), and its entities are
 * scored against the gold chains restricted to those mentions with MUC and B-cubed, beside an exact-string baseline.
 * Not the standard ECB+ setting (which includes pronouns and nominals): a check of alias merging only.
 */
final class EcbNameCoref {
  private EcbNameCoref() {}

  /** Error analysis on a split: {@code EcbNameCoref DIR Dev}. */
  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    run(Path.of(args[0]), args[1], out, true);
  }

  record Gold(String doc, int start, int end, String chain) {}

  static Map<String, Double> run(Path dir, PrintWriter out) throws Exception {
    return run(dir, "Test", out, false);
  }

  /** {@code split} is Train, Dev or Test; {@code explain} prints the gold chains the linker split or joined. */
  static Map<String, Double> run(Path dir, String split, PrintWriter out, boolean explain) throws Exception {
    Path corpus = dir.resolve("ECB_" + split + "_corpus.txt");
    Path mentions = dir.resolve("ECB_" + split + "_Entity_gold_mentions.json");
    Map<String, Double> m = new LinkedHashMap<>();
    if (!Files.exists(corpus) || !Files.exists(mentions)) return m;
    // documents: tokens joined by spaces, sentences by blank lines; token offsets kept
    Map<String, StringBuilder> text = new TreeMap<>();
    Map<String, int[]> tokStart = new HashMap<>(); // doc|sent|tok -> start, end
    String lastKey = null;
    for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      String[] p = line.split("\t");
      if (p.length < 4) continue;
      StringBuilder sb = text.computeIfAbsent(p[0], x -> new StringBuilder());
      String sentKey = p[0] + "|" + p[1];
      if (sb.length() > 0) sb.append(sentKey.equals(lastKey) ? " " : "\n\n");
      lastKey = sentKey;
      int s = sb.length();
      sb.append(p[3]);
      tokStart.put(sentKey + "|" + p[2], new int[] {s, sb.length()});
    }
    List<Gold> gold = new ArrayList<>();
    Map<String, List<NamedEntityRecognizer.Found>> found = new TreeMap<>();
    for (JsonNode n : new ObjectMapper().readTree(mentions.toFile())) {
      String type = switch (n.path("mention_type").asText()) {
        case "HUM" -> "PER";
        case "LOC" -> "LOC";
        case "NON" -> "ORG";
        default -> null;
      };
      if (type == null || !n.path("is_continuous").asBoolean()) continue;
      String str = n.path("tokens_str").asText();
      boolean name = !str.isBlank() && !str.equals(str.toUpperCase(java.util.Locale.ROOT));
      for (String w : str.split(" ")) if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) name = false;
      if (!name) continue;
      String doc = n.path("doc_id").asText();
      String sent = n.path("sent_id").asText();
      JsonNode toks = n.path("tokens_number");
      int[] a = tokStart.get(doc + "|" + sent + "|" + toks.get(0).asInt());
      int[] b = tokStart.get(doc + "|" + sent + "|" + toks.get(toks.size() - 1).asInt());
      if (a == null || b == null) continue;
      gold.add(new Gold(doc, a[0], b[1], n.path("coref_chain").asText()));
      found.computeIfAbsent(doc, x -> new ArrayList<>()).add(new NamedEntityRecognizer.Found(a[0], b[1], type));
    }
    Tokenizer tok = new Tokenizer();
    List<EntityLinker.ArticleMentions> arts = new ArrayList<>();
    for (var e : found.entrySet()) {
      List<NamedEntityRecognizer.Found> f = new ArrayList<>(e.getValue());
      f.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start()) : Integer.compare(x.end(), y.end()));
      String t = text.get(e.getKey()).toString();
      arts.add(new EntityLinker.ArticleMentions(e.getKey(), t, tok.tokenize(t), f));
    }
    long t0 = System.nanoTime();
    List<Entity> ents = EntityLinker.defaults().link(arts);
    double ms = (System.nanoTime() - t0) / 1e6;
    Map<String, String> byEnd = new HashMap<>();
    for (Entity e : ents) for (Mention x : e.mentions()) byEnd.put(x.article() + "|" + x.end(), e.id());
    List<String> sys = new ArrayList<>();
    List<String> base = new ArrayList<>();
    List<String> key = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      Gold g = gold.get(i);
      key.add(g.chain());
      sys.add(byEnd.getOrDefault(g.doc() + "|" + g.end(), "single-" + i));
      base.add(text.get(g.doc()).substring(g.start(), g.end()));
    }
    if (explain) {
      Map<String, List<String>> byChain = new TreeMap<>();
      for (int i = 0; i < gold.size(); i++) byChain.computeIfAbsent(key.get(i), x -> new ArrayList<>())
          .add(base.get(i) + "=>" + sys.get(i));
      for (var e : byChain.entrySet()) {
        if (e.getValue().stream().map(x -> x.substring(x.indexOf("=>"))).distinct().count() > 1) {
          out.println("    split: " + e.getValue());
        }
      }
    }
    double[] s = score(key, sys);
    double[] b = score(key, base);
    out.printf("  ECB+ %s, %d gold name mentions in %d docs, all docs linked at once (%.0f ms):%n",
        split.equals("Test") ? "test (topics 36-45)" : split, gold.size(), arts.size(), ms);
    out.printf("    EntityLinker         MUC F1 %.2f  B3 F1 %.2f (P %.2f R %.2f)%n", s[0], s[1], s[2], s[3]);
    out.printf("    exact-string match   MUC F1 %.2f  B3 F1 %.2f (P %.2f R %.2f)%n", b[0], b[1], b[2], b[3]);
    m.put("ecb_names_b3_f1", s[1] / 100);
    m.put("ecb_names_muc_f1", s[0] / 100);
    return m;
  }

  /** [MUC F1, B3 F1, B3 P, B3 R] in percent; mentions are aligned by index. */
  static double[] score(List<String> key, List<String> resp) {
    Map<String, List<Integer>> k = clusters(key);
    Map<String, List<Integer>> r = clusters(resp);
    double mr = muc(k, resp);
    double mp = muc(r, key);
    double mucF = mr + mp == 0 ? 0 : 2 * mr * mp / (mr + mp);
    double bp = 0;
    double br = 0;
    for (int i = 0; i < key.size(); i++) {
      Set<Integer> ki = Set.copyOf(k.get(key.get(i)));
      List<Integer> ri = r.get(resp.get(i));
      long both = ri.stream().filter(ki::contains).count();
      bp += (double) both / ri.size();
      br += (double) both / ki.size();
    }
    bp /= key.size();
    br /= key.size();
    double bf = bp + br == 0 ? 0 : 2 * bp * br / (bp + br);
    return new double[] {100 * mucF, 100 * bf, 100 * bp, 100 * br};
  }

  private static Map<String, List<Integer>> clusters(List<String> labels) {
    Map<String, List<Integer>> c = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) c.computeIfAbsent(labels.get(i), x -> new ArrayList<>()).add(i);
    return c;
  }

  /** MUC recall of clusters {@code k} against the partition given by {@code other} labels. */
  private static double muc(Map<String, List<Integer>> k, List<String> other) {
    double num = 0;
    double den = 0;
    for (List<Integer> c : k.values()) {
      long parts = c.stream().map(other::get).distinct().count();
      num += c.size() - parts;
      den += c.size() - 1;
    }
    return den == 0 ? 0 : num / den;
  }
}
