package org.storyline.eval.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.storyline.store.EntityIndex;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;

/**
 * {@code storyline eval read-cost --store DIR [--n 300]}: the CPU time one read of the server's data costs, per kind
 * of read, measured with the thread's CPU clock (so it holds on a busy machine, unlike wall time): a story's view,
 * a search without and with facets, an entity, an article. The store is opened read-only (a server may hold it).
 * What 50 clients on two cores can get is about 2 / (mean CPU per request) requests per second.
 */
public final class ReadCost {
  private ReadCost() {}

  interface Op {
    void run(Random r) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path store = null;
    int n = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--store" -> store = Path.of(args[++i]);
        case "--n" -> n = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "\nusage: storyline eval read-cost --store DIR [--n 300]");
      }
    }
    if (store == null) throw new IllegalArgumentException("--store DIR is required");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Library lib = Library.openReadOnly(store, false)) {
      long t0 = mx.getCurrentThreadCpuTime();
      Snapshot snap = lib.snapshot();
      System.out.printf(Locale.ROOT, "store %s: %d articles, %d stories; snapshot %.0f ms CPU%n", store,
          snap.articles().size(), snap.stories().size(), (mx.getCurrentThreadCpuTime() - t0) / 1e6);
      List<String> stories = snap.stories().stream().map(s -> s.id()).toList();
      List<String> articles = snap.articles().stream().map(a -> a.id()).toList();
      List<String> entities = lib.entities().entities(null, 0, 500).items().stream().map(e -> e.id()).toList();
      List<String> words = new ArrayList<>();
      for (int i = 0; i < snap.articles().size(); i += 13) {
        String t = snap.articles().get(i).title();
        if (t == null) continue;
        for (String w : t.split("[^A-Za-z]+")) if (w.length() > 4) words.add(w.toLowerCase(Locale.ROOT));
      }
      measure(mx, "story view", n, r -> lib.story(pick(stories, r)));
      measure(mx, "search", n, r -> lib.search(EntityIndex.Search.of(pick(words, r)), false));
      measure(mx, "search+facets", n, r -> lib.search(EntityIndex.Search.of(pick(words, r)), true));
      measure(mx, "entity", n, r -> lib.entities().entity(pick(entities, r)));
      measure(mx, "article", n, r -> lib.store().get(pick(articles, r)));
    }
  }

  private static void measure(ThreadMXBean mx, String name, int n, Op op) throws Exception {
    Random warm = new Random(1);
    for (int i = 0; i < Math.min(50, n); i++) op.run(warm);
    Random r = new Random(2);
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      op.run(r);
      cpu[i] = mx.getCurrentThreadCpuTime() - t0;
    }
    Arrays.sort(cpu);
    double mean = Arrays.stream(cpu).average().orElse(0) / 1e6;
    System.out.printf(Locale.ROOT, "%-14s CPU per call: mean %.2f ms, p50 %.2f, p99 %.2f (n=%d)%n", name, mean,
        cpu[n / 2] / 1e6, cpu[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, n);
  }

  private static String pick(List<String> l, Random r) {
    return l.get(r.nextInt(l.size()));
  }
}
