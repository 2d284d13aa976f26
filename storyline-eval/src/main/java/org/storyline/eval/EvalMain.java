package org.storyline.eval;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.storyline.resources.Resources;

/**
 * Entry point for {@code storyline eval SUITE|all [--data DIR] [--check] [--set KEY=VALUE ...]}: runs suites, prints
 * their figures and, with {@code --check}, exits 1 when a gated metric falls below its pinned floor. The
 * {@code --set} knobs are the typed {@link EvalOptions}.
 */
public final class EvalMain {
  private EvalMain() {}

  /** Every suite, in the order {@code eval all} runs them. */
  static List<EvalSuite> suites() {
    List<EvalSuite> s = new ArrayList<>();
    // suites register here, one line each
    s.add(new SeedsSuite());
    s.add(new EventsSuite());
    s.add(new org.storyline.eval.extraction.ExtractionSuite());
    s.add(new EntitiesSuite());
    s.add(new TimexSuite());
    s.add(new ClusteringSuite());
    s.add(new QuotesSuite());
    s.add(new LanguageSuite());
    s.add(new FactsSuite());
    return s;
  }

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true);
    try {
      args = EvalOptions.init(List.of(args)).toArray(String[]::new);
    } catch (IllegalArgumentException e) {
      System.err.println("storyline eval: " + e.getMessage());
      System.exit(2);
    }
    if (args.length > 0 && args[0].equals("bench")) {
      org.storyline.eval.bench.BenchMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 1 && args[0].equals("eval") && args[1].equals("demo-corpus")) { // a tool, not a suite
      DemoCorpus.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length > 1 && args[0].equals("eval") && args[1].equals("read-cost")) {
      org.storyline.eval.bench.ReadCost.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length > 1 && args[0].equals("eval") && args[1].equals("serve-load")) {
      org.storyline.eval.bench.ServeLoad.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    if (args.length < 2 || !args[0].equals("eval")) {
      System.err.println("usage: storyline eval SUITE|all [--data DIR] [--check] [--set KEY=VALUE ...]   suites: "
          + names()
          + "\n       storyline eval demo-corpus [--data DIR] [--out demo/wikinews-demo.jsonl]");
      System.exit(2);
    }
    String which = args[1];
    Path data = Path.of("../shared/data");
    boolean check = false;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--check" -> check = true;
        default -> {
          System.err.println("storyline eval: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    if (!Files.isDirectory(data)) {
      System.err.println("storyline eval: no data folder at " + data + " (pass --data DIR)");
      System.exit(2);
    }
    List<String> failures = new ArrayList<>();
    boolean any = false;
    for (EvalSuite s : suites()) {
      if (!which.equals("all") && !which.equals(s.name())) continue;
      any = true;
      out.println("== eval " + s.name());
      Map<String, Double> got = s.run(data, out);
      Map<String, Double> floors = floors(s.name());
      for (var f : new TreeMap<>(floors).entrySet()) {
        Double v = got.get(f.getKey());
        String verdict = v == null ? "MISSING" : v + 1e-9 >= f.getValue() ? "ok" : "BELOW FLOOR";
        out.printf("  gate %-40s %.4f (floor %.4f) %s%n", s.name() + "." + f.getKey(), v == null ? Double.NaN : v,
            f.getValue(), verdict);
        if (!verdict.equals("ok")) failures.add(s.name() + "." + f.getKey());
      }
    }
    if (!any && !which.equals("all")) {
      System.err.println("storyline eval: no suite named " + which + "; suites: " + names());
      System.exit(2);
    }
    if (check && !failures.isEmpty()) {
      out.println("FAILED gates: " + failures);
      System.exit(1);
    }
    out.println(failures.isEmpty() ? "all gates passed" : "below floor (not checked): " + failures);
  }

  private static List<String> names() {
    return suites().stream().map(EvalSuite::name).toList();
  }

  static Map<String, Double> floors(String suite) throws Exception {
    Map<String, Double> m = new LinkedHashMap<>();
    String name = "/floors/" + suite + ".properties";
    if (!Resources.exists(EvalMain.class, name)) return m;
    try (InputStream in = Resources.open(EvalMain.class, name)) {
      Properties p = new Properties();
      p.load(in);
      for (String k : p.stringPropertyNames()) m.put(k, Double.parseDouble(p.getProperty(k)));
    }
    return m;
  }
}
