package org.storyline.eval.extraction;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool, not a suite: our extractor from two builds, each in its own class loader, in one JVM, timed on the
 * AEB pages interleaved in blocks of 8 (as {@link SpeedRace}), thread CPU per page. On a shared, noisy machine the
 * per-round ratio of the two is far steadier than two separate runs. A build is a folder holding
 * {@code storyline-eval.jar} and {@code lib/} (copy {@code storyline-eval/target/storyline-eval.jar} and
 * {@code storyline-eval/target/lib} after {@code bin/mvn -q -DskipTests package}).
 * {@code java -cp "storyline-eval/target/storyline-eval.jar:storyline-eval/target/lib/*"
 * org.storyline.eval.extraction.BuildAB DATA BUILD_A BUILD_B [ROUNDS]}.
 */
public final class BuildAB {
  private BuildAB() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).resolve("extraction/scrapinghub-aeb");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    Object[] systems = new Object[2];
    Method[] extract = new Method[2];
    for (int i = 0; i < 2; i++) {
      Path dir = Path.of(args[1 + i]);
      List<URL> cp = new ArrayList<>();
      cp.add(dir.resolve("storyline-eval.jar").toUri().toURL());
      try (var st = Files.list(dir.resolve("lib"))) {
        for (Path p : st.sorted().toList()) cp.add(p.toUri().toURL());
      }
      ClassLoader cl = new URLClassLoader(cp.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> ours = Class.forName(Systems.Ours.class.getName(), true, cl);
      Constructor<?> c = ours.getDeclaredConstructor();
      c.setAccessible(true);
      systems[i] = c.newInstance();
      extract[i] = ours.getDeclaredMethod("extract", String.class, String.class);
      extract[i].setAccessible(true);
    }
    ExtractionSuite.AebPages aeb = ExtractionSuite.aebPages(data);
    List<String> pages = aeb.pages();
    List<String> urls = aeb.urls();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int block = SpeedRace.BLOCK;
    double[][] ms = new double[rounds][2];
    for (int r = -3; r < rounds; r++) { // three untimed warm-up rounds
      long[] cpu = new long[2];
      for (int b = 0; b * block < pages.size(); b++) {
        for (int k = 0; k < 2; k++) {
          int s = (b + Math.max(r, 0) + k) % 2;
          long c0 = threads.getCurrentThreadCpuTime();
          for (int p = b * block; p < Math.min(pages.size(), (b + 1) * block); p++) {
            extract[s].invoke(systems[s], pages.get(p), urls.get(p));
          }
          cpu[s] += threads.getCurrentThreadCpuTime() - c0;
        }
      }
      if (r >= 0) for (int s = 0; s < 2; s++) ms[r][s] = cpu[s] / 1e6 / pages.size();
    }
    double[] ratio = new double[rounds];
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratio[r] = ms[r][1] / ms[r][0];
      a[r] = ms[r][0];
      b[r] = ms[r][1];
    }
    Arrays.sort(ratio);
    Arrays.sort(a);
    Arrays.sort(b);
    System.out.printf(Locale.ROOT, "A %.3f ms/page  B %.3f ms/page (median thread CPU over %d rounds; min %.3f / %.3f)"
        + "  B/A median %.3f (quartiles %.3f-%.3f)%n", a[rounds / 2], b[rounds / 2], rounds, a[0], b[0],
        ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
  }
}
