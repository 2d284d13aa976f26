package org.storyline.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The evaluation's knobs (tuning sweeps, dumps, debugging runs), declared once with their types. They are given as
 * {@code --set KEY=VALUE} after the suite ({@code storyline eval clustering --data DIR --set
 * storyline.clustering.tune=true}) or, as before, as {@code -DKEY=VALUE} system properties (through
 * {@code STORYLINE_JAVA_OPTS}). At start-up every value is checked against its type, and an unknown key given with
 * {@code --set} (or an unknown {@code -Dstoryline.*} / {@code -Dtimex.*} property) is rejected with the list of known
 * keys, so a typo is an error, not a silently ignored setting. Reading a key that is not declared here is a bug and
 * fails too.
 *
 * <p>The values are read once, when {@link EvalMain} starts (or on first use, for a tool started on its own), and
 * never change after: a harness-wide setting, not state.
 */
public final class EvalOptions {
  private EvalOptions() {}

  /** The type of an option's value. */
  enum Type {
    /** "true" or "false". */
    FLAG,
    INT,
    DOUBLE,
    /** Comma-separated numbers. */
    NUMBERS,
    /** Two comma-separated numbers. */
    PAIR,
    /** Any text (a file, a split name, a list of names). */
    TEXT
  }

  /** A declared option. */
  record Option(String key, Type type, String help) {}

  /** Every option the evaluation reads. */
  static final List<Option> KNOWN = List.of(
      // quotes, timex, speed
      new Option("storyline.quotes.split", Type.TEXT, "QuotesSuite: the split to score (dev)"),
      new Option("storyline.quotes.dump", Type.FLAG, "QuotesSuite: print each quote's verdict"),
      new Option("storyline.facts.list", Type.FLAG, "FactsSuite: print every unique claim with its text"),
      new Option("storyline.facts.debug", Type.TEXT, "FactsSuite: AllSides stories whose nearest pairs to print"),
      new Option("storyline.facts.margins", Type.FLAG, "FactsSuite: nearest unit pairs of every judged claim"),
      new Option("storyline.eval.events.dump", Type.TEXT, "EventsSuite: write each dev answer beside the coders' phrases to this file"),
      new Option("timex.errors", Type.TEXT, "TimexSuite: write the tagger's errors to this file"),
      new Option("storyline.speed.block", Type.INT, "bench speed race: articles per block (8)"),
      // clustering suite
      new Option("storyline.clustering.noentities", Type.FLAG, "cluster without the entity stage's names"),
      new Option("storyline.clustering.namecache", Type.TEXT, "file caching the entity stage's names"),
      new Option("storyline.clustering.noembeddings", Type.FLAG, "cluster without sentence embeddings"),
      new Option("storyline.clustering.embBonus", Type.PAIR, "embedding bonus weight,offset"),
      new Option("storyline.clustering.embStoryline", Type.PAIR, "storyline embedding weight,offset"),
      new Option("storyline.clustering.tuneEmb", Type.FLAG, "sweep the embedding channel"),
      new Option("storyline.clustering.tune", Type.FLAG, "sweep thresholds and weights"),
      new Option("storyline.clustering.train", Type.FLAG, "fit the score model"),
      new Option("storyline.clustering.sweep", Type.TEXT, "run the named sweep"),
      new Option("storyline.clustering.latency", Type.FLAG, "measure per-article latency"),
      new Option("storyline.clustering.latencyEmb", Type.FLAG, "measure latency with embeddings"),
      new Option("storyline.clustering.dump", Type.TEXT, "write the clusters to this file"),
      new Option("storyline.clustering.embWeights", Type.NUMBERS, "tuneEmb: weights to try"),
      new Option("storyline.clustering.embOffsets", Type.NUMBERS, "tuneEmb: offsets to try"),
      new Option("storyline.clustering.grid", Type.NUMBERS, "thresholds to try"),
      new Option("storyline.clustering.embTopK", Type.NUMBERS, "tuneEmb: recent top-k values to try"),
      new Option("storyline.clustering.merge", Type.DOUBLE, "merge threshold in sweeps"),
      new Option("storyline.clustering.trainargs", Type.TEXT, "train: argument rules to train with"),
      new Option("storyline.clustering.topk", Type.INT, "train: top candidates per article (0: all)"),
      new Option("storyline.clustering.ecbonly", Type.FLAG, "train on ECB+ only"),
      new Option("storyline.clustering.names", Type.NUMBERS, "tune: name weights to try"),
      new Option("storyline.clustering.titles", Type.NUMBERS, "tune: title weights to try"),
      new Option("storyline.clustering.quote", Type.DOUBLE, "tune: quote weight"),
      new Option("storyline.clustering.time", Type.NUMBERS, "tune: grace,tau,maxGap"),
      // ClusterDebug (a tool run on its own)
      new Option("maxGap", Type.DOUBLE, "ClusterDebug: maxGapDays"),
      new Option("window", Type.DOUBLE, "ClusterDebug: windowDays"),
      new Option("tau", Type.DOUBLE, "ClusterDebug: tauDays"),
      new Option("grace", Type.DOUBLE, "ClusterDebug: graceDays (with tau)"),
      new Option("core", Type.INT, "ClusterDebug: coreSize"),
      new Option("lineThr", Type.DOUBLE, "ClusterDebug: storyline threshold"),
      new Option("lineGap", Type.DOUBLE, "ClusterDebug: storyline max gap days"),
      new Option("lineEmb", Type.PAIR, "ClusterDebug: storyline embedding weight,offset"),
      new Option("lineW", Type.DOUBLE, "ClusterDebug lines: storyline embedding weight"),
      new Option("lineOff", Type.DOUBLE, "ClusterDebug lines: storyline embedding offset"),
      new Option("thr", Type.DOUBLE, "ClusterDebug: threshold"),
      new Option("bridge", Type.DOUBLE, "ClusterDebug: bridge probability"),
      new Option("follow", Type.PAIR, "ClusterDebug: follow-up probability,cosine"),
      new Option("late", Type.PAIR, "ClusterDebug: late-report probability,cosine"),
      new Option("slope", Type.DOUBLE, "ClusterDebug: follow slope"),
      new Option("bonus", Type.PAIR, "ClusterDebug: embedding bonus weight,offset"),
      new Option("what", Type.TEXT, "ClusterDebug: what to run (g5,ecb,lines,...)"),
      new Option("splits", Type.TEXT, "ClusterDebug: ECB+ splits (dev)"),
      new Option("ecbGap", Type.INT, "ClusterDebug ecbdated: days between instances (120)"),
      new Option("diffs", Type.FLAG, "ClusterDebug: print text diffs"),
      new Option("clusters", Type.FLAG, "ClusterDebug: print the clusters"),
      new Option("misses", Type.FLAG, "ClusterDebug: print the misses"),
      new Option("dump", Type.FLAG, "ClusterDebug: dump the stream"),
      new Option("shuffle", Type.INT, "ClusterDebug: shuffle the stream with this seed"));

  /** System-property prefixes that belong to the evaluation: an unknown key with one of them is an error. */
  private static final List<String> OWN_PREFIXES = List.of("storyline.", "timex.");
  /** Properties of those prefixes that are not options: the launcher's. */
  private static final List<String> NOT_OPTIONS = List.of("storyline.home");

  private static volatile Map<String, String> values;

  /**
   * Takes the {@code --set KEY=VALUE} pairs out of {@code args} and reads the known system properties; returns the
   * other arguments in order. @throws IllegalArgumentException on an unknown key or a value of the wrong type
   */
  static synchronized List<String> init(List<String> args) {
    Map<String, String> v = fromProperties(System.getProperties());
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.equals("--set")) {
        rest.add(a);
        continue;
      }
      if (i + 1 >= args.size()) throw new IllegalArgumentException("--set needs KEY=VALUE");
      String kv = args.get(++i);
      int eq = kv.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--set needs KEY=VALUE, got " + kv);
      String key = kv.substring(0, eq);
      option(key);
      v.put(key, check(key, kv.substring(eq + 1)));
    }
    values = Map.copyOf(v);
    return rest;
  }

  private static Map<String, String> fromProperties(Properties p) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      boolean known = KNOWN.stream().anyMatch(o -> o.key().equals(key));
      if (known) {
        v.put(key, check(key, p.getProperty(key)));
      } else if (OWN_PREFIXES.stream().anyMatch(key::startsWith) && !NOT_OPTIONS.contains(key)) {
        throw unknown(key);
      }
    }
    return v;
  }

  private static Map<String, String> values() {
    Map<String, String> v = values;
    if (v == null) {
      synchronized (EvalOptions.class) {
        if (values == null) values = Map.copyOf(fromProperties(System.getProperties()));
        v = values;
      }
    }
    return v;
  }

  private static Option option(String key) {
    for (Option o : KNOWN) if (o.key().equals(key)) return o;
    throw unknown(key);
  }

  private static IllegalArgumentException unknown(String key) {
    StringBuilder sb = new StringBuilder("unknown eval option " + key + "; known options:");
    for (Option o : KNOWN) {
      sb.append(String.format(Locale.ROOT, "%n  %-36s %-7s %s", o.key(), o.type().name().toLowerCase(Locale.ROOT),
          o.help()));
    }
    return new IllegalArgumentException(sb.toString());
  }

  private static String check(String key, String value) {
    Type t = option(key).type();
    try {
      switch (t) {
        case FLAG -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) throw new NumberFormatException();
        }
        case INT -> Integer.parseInt(value.strip());
        case DOUBLE -> Double.parseDouble(value.strip());
        case NUMBERS, PAIR -> {
          String[] parts = value.split(",");
          if (t == Type.PAIR && parts.length != 2) throw new NumberFormatException();
          for (String s : parts) Double.parseDouble(s.strip());
        }
        case TEXT -> { }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("eval option " + key + " takes " + describe(t) + ", got \"" + value + "\"");
    }
    return value;
  }

  private static String describe(Type t) {
    return switch (t) {
      case FLAG -> "true or false";
      case INT -> "a whole number";
      case DOUBLE -> "a number";
      case NUMBERS -> "comma-separated numbers";
      case PAIR -> "two comma-separated numbers";
      case TEXT -> "text";
    };
  }

  private static String raw(String key, Type... types) {
    Option o = option(key);
    if (!List.of(types).contains(o.type())) {
      throw new IllegalArgumentException("eval option " + key + " is " + o.type() + ", read as " + List.of(types));
    }
    return values().get(key);
  }

  /** Whether a flag is set to true. */
  public static boolean flag(String key) {
    return Boolean.parseBoolean(raw(key, Type.FLAG));
  }

  /** The value as given, or null when unset. */
  public static String text(String key) {
    return raw(key, Type.values());
  }

  /** The value as given, or {@code def} when unset. */
  public static String text(String key, String def) {
    String v = text(key);
    return v == null ? def : v;
  }

  /** A whole-number option, or null when unset. */
  public static Integer integer(String key) {
    String v = raw(key, Type.INT);
    return v == null ? null : Integer.valueOf(v.strip());
  }

  /** A whole-number option, or {@code def} when unset. */
  public static int integer(String key, int def) {
    Integer v = integer(key);
    return v == null ? def : v;
  }
}
