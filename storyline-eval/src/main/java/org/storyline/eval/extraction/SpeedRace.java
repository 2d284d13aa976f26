package org.storyline.eval.extraction;

import java.util.Arrays;
import java.util.List;
import org.storyline.eval.EvalOptions;

/**
 * Side-by-side speed of extractors on the same pages, made robust to a shared, noisy machine (the CI and dev boxes
 * run other jobs, and load swings by 2x within seconds):
 * <ul>
 *   <li>the systems are <b>interleaved</b> in blocks of {@link #BLOCK} pages: each block goes through every system
 *       back to back, in an order that rotates with the block and the round, so a burst of load falls on all of
 *       them alike instead of on whichever system happened to be timed alone during it;</li>
 *   <li>untimed <b>warm-up</b> passes first (JIT compilation, class loading, caches);</li>
 *   <li>then several timed <b>rounds</b>; the ratio between two systems is the <b>median over rounds</b> of the ratio
 *       of their round totals (each round's ratio compares time spent under the same load), and the per-system
 *       figures are the median (and the least disturbed, the minimum) of their round totals.</li>
 * </ul>
 * Single thread, pages in memory, parsing included. Failures of a peer on a page count as its time, not an error.
 * Also reported, not gated: the thread's CPU time per page (blind to other processes, but also to garbage
 * collection, which runs on other threads) and the bytes it allocated per page (what that collection will cost).
 */
final class SpeedRace {
  /**
   * Per system, in input order: median and minimum ms/page over the rounds, and the median over rounds of the ratio
   * of its round time to the first system's ({@code > 1} means the first system is faster).
   */
  record Result(List<String> names, double[] medianMsPerPage, double[] minMsPerPage, double[] slowerThanFirst,
      int rounds, double[] cpuMsPerPage, double[] allocKbPerPage) {}

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

  /** Keeps the extractors' output observable so the JIT cannot drop the work. */
  private static volatile long sink;

  /**
   * Pages per turn: each system runs a block of this many pages, then the next system the same block. Small enough
   * (tens of ms) that the systems of a block see the same load, large enough that each runs with its own code and
   * data warm in the CPU caches, as it would over a stream of pages, rather than right after another system
   * evicted them. Read from {@code -Dstoryline.speed.block} for experiments (1 = page by page).
   */
  static final int BLOCK = EvalOptions.integer("storyline.speed.block", 8);

  private SpeedRace() {}

  static Result run(List<Systems.System> systems, List<String> pages, List<String> urls, int warmups, int rounds) {
    int n = systems.size();
    for (int w = 0; w < warmups; w++) pass(systems, pages, urls, w, new long[n], new long[n], new long[n]);
    long[][] times = new long[rounds][n];
    long[] cpu = new long[n];
    long[] alloc = new long[n];
    for (int r = 0; r < rounds; r++) {
      System.gc();
      pass(systems, pages, urls, r, times[r], cpu, alloc);
    }
    double[] median = new double[n];
    double[] min = new double[n];
    double[] ratio = new double[n];
    for (int s = 0; s < n; s++) {
      double[] t = new double[rounds];
      double[] q = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        t[r] = times[r][s] / 1e6 / pages.size();
        q[r] = (double) times[r][s] / times[r][0];
      }
      median[s] = median(t);
      min[s] = Arrays.stream(t).min().orElse(Double.NaN);
      ratio[s] = median(q);
    }
    double[] cpuMs = new double[n];
    double[] allocKb = new double[n];
    for (int s = 0; s < n; s++) {
      cpuMs[s] = cpu[s] / 1e6 / rounds / pages.size();
      allocKb[s] = alloc[s] / 1024.0 / rounds / pages.size();
    }
    return new Result(systems.stream().map(Systems.System::name).toList(), median, min, ratio, rounds, cpuMs,
        allocKb);
  }

  private static void pass(List<Systems.System> systems, List<String> pages, List<String> urls, int round,
      long[] into, long[] cpu, long[] alloc) {
    int n = systems.size();
    long chars = 0;
    for (int b = 0; b * BLOCK < pages.size(); b++) {
      int from = b * BLOCK;
      int to = Math.min(pages.size(), from + BLOCK);
      for (int k = 0; k < n; k++) {
        int s = (b + round + k) % n;
        long a0 = THREADS.getCurrentThreadAllocatedBytes();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int p = from; p < to; p++) {
          try {
            var a = systems.get(s).extract(pages.get(p), urls == null ? null : urls.get(p));
            if (a != null && a.text() != null) chars += a.text().length();
          } catch (RuntimeException | StackOverflowError e) {
            // a peer failing on a page is its result, not ours to fix
          }
        }
        into[s] += System.nanoTime() - t0;
        cpu[s] += THREADS.getCurrentThreadCpuTime() - c0;
        alloc[s] += THREADS.getCurrentThreadAllocatedBytes() - a0;
      }
    }
    sink += chars;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }
}
