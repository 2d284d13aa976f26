package org.storyline.eval;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.storyline.nlp.Span;
import org.storyline.nlp.Tokenizer;

/**
 * Builds the word clusters the entity tagger uses as features (run by hand, result committed; docs/models/ner.md):
 * distributional vectors (positive PMI of the left and right neighbour words), randomly projected, clustered with
 * k-means into 512 clusters, whose centroids are clustered again into 128 and 32: three granularities.
 *
 * <pre>java -cp ... org.storyline.eval.ClusterBuild DATA_DIR OUT.tsv.gz</pre>
 *
 * Text: Wikinews (CC BY 2.5), Reuters-21578 and BBC News (research use) from DATA_DIR/corpora, plus the tokens of
 * CoNLL-2003 eng.train (never the dev or test set).
 */
public final class ClusterBuild {
  private static final int MIN_COUNT = 5;
  private static final int CONTEXTS = 4000;
  private static final int DIM = 96;
  private static final int K1 = 512;
  private static final int K2 = 128;
  private static final int K3 = 32;

  private ClusterBuild() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Tokenizer tok = new Tokenizer();
    List<String[]> sents = new ArrayList<>();
    UnlabelledText.paragraphs(data, para -> {
      List<Span> sp = tok.tokenize(para);
      if (sp.isEmpty()) return;
      String[] w = new String[sp.size()];
      for (int i = 0; i < w.length; i++) w[i] = norm(sp.get(i).text(para));
      sents.add(w);
    });
    for (Conll.Doc d : Conll.read(data.resolve("ner/eng.train"))) {
      for (List<String> s : d.tokens()) sents.add(s.stream().map(ClusterBuild::norm).toArray(String[]::new));
    }
    long tokens = sents.stream().mapToLong(s -> s.length).sum();
    System.out.printf("%d sentences, %d tokens%n", sents.size(), tokens);
    Map<String, Integer> count = new HashMap<>();
    for (String[] s : sents) for (String w : s) count.merge(w, 1, Integer::sum);
    List<String> vocab = count.entrySet().stream().filter(e -> e.getValue() >= MIN_COUNT)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    Map<String, Integer> vid = new HashMap<>();
    for (int i = 0; i < vocab.size(); i++) vid.put(vocab.get(i), i);
    Map<String, Integer> lcCount = new HashMap<>();
    for (String[] s : sents) for (String w : s) lcCount.merge(w.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
    List<String> ctxWords = lcCount.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(CONTEXTS).map(Map.Entry::getKey).toList();
    Map<String, Integer> cid = new HashMap<>();
    for (int i = 0; i < ctxWords.size(); i++) cid.put(ctxWords.get(i), i);
    int V = vocab.size();
    int C = 2 * CONTEXTS + 2;
    System.out.printf("vocabulary %d words (count >= %d)%n", V, MIN_COUNT);
    // co-occurrence counts: left and right neighbour (lower-cased, top contexts; others share one bucket per side)
    List<Map<Integer, Integer>> co = new ArrayList<>(V);
    for (int i = 0; i < V; i++) co.add(new HashMap<>());
    long[] ctxTotal = new long[C];
    long total = 0;
    for (String[] s : sents) {
      for (int i = 0; i < s.length; i++) {
        Integer w = vid.get(s[i]);
        if (w == null) continue;
        int l = i > 0 ? cid.getOrDefault(s[i - 1].toLowerCase(java.util.Locale.ROOT), CONTEXTS) : CONTEXTS;
        int r = i + 1 < s.length ? cid.getOrDefault(s[i + 1].toLowerCase(java.util.Locale.ROOT), CONTEXTS)
            : CONTEXTS;
        int rc = CONTEXTS + 1 + r;
        co.get(w).merge(l, 1, Integer::sum);
        co.get(w).merge(rc, 1, Integer::sum);
        ctxTotal[l]++;
        ctxTotal[rc]++;
        total += 2;
      }
    }
    // sparse PPMI vectors, L2-normalised
    Random rnd = new Random(7);
    int[][] idx = new int[V][];
    float[][] val = new float[V][];
    for (int w = 0; w < V; w++) {
      long wt = 0;
      for (int v : co.get(w).values()) wt += v;
      List<int[]> keep = new ArrayList<>();
      List<Float> vals = new ArrayList<>();
      for (var e : new java.util.TreeMap<>(co.get(w)).entrySet()) {
        double pmi = Math.log((double) e.getValue() * total / ((double) wt * Math.pow(ctxTotal[e.getKey()], 0.75)
            * Math.pow(total, 0.25)));
        if (pmi <= 0) continue;
        keep.add(new int[] {e.getKey()});
        vals.add((float) pmi);
      }
      idx[w] = new int[keep.size()];
      val[w] = new float[keep.size()];
      for (int j = 0; j < keep.size(); j++) {
        idx[w][j] = keep.get(j)[0];
        val[w][j] = vals.get(j);
      }
      normalise(val[w]);
    }
    int[] c1 = sparseKmeans(idx, val, C, K1, 15, rnd);
    float[][] cent1 = new float[K1][C];
    for (int w = 0; w < V; w++) for (int j = 0; j < idx[w].length; j++) cent1[c1[w]][idx[w][j]] += val[w][j];
    for (float[] row : cent1) normalise(row);
    int[] c2 = kmeans(cent1, K2, 20, rnd);
    float[][] cent2 = centroids(cent1, c2, K2);
    int[] c3 = kmeans(cent2, K3, 20, rnd);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (Writer wr = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
      wr.write("# word clusters for the storyline entity tagger: word TAB c512 TAB c128 TAB c32 (docs/models/ner.md)\n");
      for (int w = 0; w < V; w++) {
        int a = c1[w];
        int b = c2[a];
        wr.write(vocab.get(w) + "\t" + a + "\t" + b + "\t" + c3[b] + "\n");
      }
    }
    System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
  }

  private static String norm(String t) {
    return t.replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"');
  }

  private static void normalise(float[] v) {
    double n = 0;
    for (float x : v) n += x * x;
    n = Math.sqrt(n);
    if (n == 0) return;
    for (int d = 0; d < v.length; d++) v[d] /= (float) n;
  }

  private static float[][] centroids(float[][] x, int[] assign, int k) {
    float[][] c = new float[k][x[0].length];
    for (int i = 0; i < x.length; i++) for (int d = 0; d < x[i].length; d++) c[assign[i]][d] += x[i][d];
    for (float[] row : c) normalise(row);
    return c;
  }

  /** Spherical k-means over sparse vectors, dense centroids. */
  private static int[] sparseKmeans(int[][] idx, float[][] val, int dim, int k, int iters, Random rnd) {
    int n = idx.length;
    float[][] c = new float[k][dim];
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i < k ? i : rnd.nextInt(k); // seeds: the k most frequent words
    for (int it = 0; it <= iters; it++) {
      for (float[] row : c) Arrays.fill(row, 0f);
      for (int i = 0; i < n; i++) for (int j = 0; j < idx[i].length; j++) c[a[i]][idx[i][j]] += val[i][j];
      for (float[] row : c) normalise(row);
      if (it == iters) break;
      final float[][] cc = c;
      int[] changed = new int[1];
      java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
        int best = 0;
        float bs = -2;
        int[] ix = idx[i];
        float[] vx = val[i];
        for (int j = 0; j < k; j++) {
          float s = 0;
          float[] cj = cc[j];
          for (int q = 0; q < ix.length; q++) s += cj[ix[q]] * vx[q];
          if (s > bs) {
            bs = s;
            best = j;
          }
        }
        a[i] = best;
      });
    }
    return a;
  }

  /** Spherical k-means (cosine), deterministic for the given random source. */
  private static int[] kmeans(float[][] x, int k, int iters, Random rnd) {
    int n = x.length;
    int dim = x[0].length;
    float[][] c = new float[k][];
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (int j = 0; j < k; j++) c[j] = Arrays.copyOf(x[perm[j % n]], dim);
    int[] a = new int[n];
    for (int it = 0; it < iters; it++) {
      final float[][] cc = c;
      java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
        int best = 0;
        float bs = -2;
        for (int j = 0; j < k; j++) {
          float s = 0;
          float[] cj = cc[j];
          float[] xi = x[i];
          for (int d = 0; d < dim; d++) s += cj[d] * xi[d];
          if (s > bs) {
            bs = s;
            best = j;
          }
        }
        a[i] = best;
      });
      float[][] nc = centroids(x, a, k);
      for (int j = 0; j < k; j++) {
        boolean empty = true;
        for (float v : nc[j]) if (v != 0) {
          empty = false;
          break;
        }
        if (empty) nc[j] = Arrays.copyOf(x[rnd.nextInt(n)], dim);
      }
      c = nc;
    }
    return a;
  }
}
