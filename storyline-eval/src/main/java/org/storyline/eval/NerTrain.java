package org.storyline.eval;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.storyline.nlp.ner.NerTagger;

/**
 * Trains the shipped entity model on CoNLL-2003 eng.train (run by hand, never at build time; the result is
 * committed with its model card docs/models/ner.md):
 *
 * <pre>bin/train-ner [--data ../shared/data] [--epochs 10] [--stages 2] [--bags 3] [--seed 42] [--holdout]
 *     [--no-memory] [--out PATH] [--score MODEL [--dump]]</pre>
 *
 * {@code --holdout} trains on nine tenths of eng.train and scores the other tenth (every tenth document): the split
 * used for feature selection, so the dev set (eng.testa) stays for reporting. {@code --score MODEL} only scores a
 * written model on eng.testa and measures its tagging speed ({@code --dump}: print each missed and each spurious
 * name with its sentence).
 */
public final class NerTrain {
  private NerTrain() {}

  private static String line(String what, NerTagger.Chunk c, List<String> words) {
    return what + " " + c.type() + " " + String.join(" ", words.subList(c.start(), c.end())) + " | "
        + String.join(" ", words);
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of("../shared/data");
    int epochs = 10;
    boolean holdout = false;
    int stages = 2;
    long seed = 42;
    int bags = 3;
    float minAbs = 0.05f;
    boolean memory = true;
    Path score = null;
    boolean dump = false;
    Path out = Path.of("storyline-core/src/main/resources" + NerTagger.MODEL_RESOURCE);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--holdout" -> holdout = true;
        case "--stages" -> stages = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--bags" -> bags = Integer.parseInt(args[++i]);
        case "--min" -> minAbs = Float.parseFloat(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--no-memory" -> memory = false;
        case "--score" -> score = Path.of(args[++i]);
        case "--dump" -> dump = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PrintWriter log = new PrintWriter(System.out, true);
    if (score != null) {
      try (var in = Files.newInputStream(score)) {
        NerTagger tg = NerTagger.read(in);
        List<Conll.Doc> dev = Conll.read(data.resolve("ner/eng.testa"));
        Conll.Score s = Conll.evaluate(tg, dev);
        if (dump) {
          for (Conll.Doc d : dev) {
            List<List<NerTagger.Chunk>> pred = tg.tag(d.tokens());
            for (int i = 0; i < d.tokens().size(); i++) {
              List<String> w = d.tokens().get(i);
              var g = new java.util.HashSet<>(Conll.chunks(d.tags().get(i)));
              var p = new java.util.HashSet<>(pred.get(i));
              for (NerTagger.Chunk c : g) if (!p.contains(c)) log.println(line("MISS", c, w));
              for (NerTagger.Chunk c : p) if (!g.contains(c)) log.println(line("FP", c, w));
            }
          }
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long done = 0;
        for (int rep = 0; rep < 3; rep++) {
          for (Conll.Doc d : dev) {
            tg.tag(d.tokens());
            for (List<String> x : d.tokens()) done += x.size();
          }
        }
        log.printf("speed: %.0f tokens per CPU-second%n", done / ((mx.getCurrentThreadCpuTime() - c0) / 1e9));
        log.printf("%s on eng.testa: F1 %.2f (P %.2f R %.2f)  PER %.2f ORG %.2f LOC %.2f MISC %.2f%n", score, s.f(4),
            s.p(4), s.r(4), s.f(0), s.f(1), s.f(2), s.f(3));
      }
      return;
    }
    List<Conll.Doc> all = Conll.read(data.resolve("ner/eng.train"));
    List<Conll.Doc> train = new ArrayList<>();
    List<Conll.Doc> held = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) (holdout && i % 10 == 0 ? held : train).add(all.get(i));
    List<List<List<String>>> toks = new ArrayList<>();
    List<List<List<String>>> tags = new ArrayList<>();
    for (Conll.Doc d : train) {
      toks.add(d.tokens());
      tags.add(d.tags());
    }
    long t0 = System.nanoTime();
    NerTagger tagger = NerTagger.train(toks, tags, epochs, seed, stages, bags, memory, log);
    log.printf("trained on %d docs in %.1f s, %d features%n", train.size(), (System.nanoTime() - t0) / 1e9,
        tagger.features());
    if (holdout) {
      Conll.Score s = Conll.evaluate(tagger, held);
      log.printf("holdout (every 10th train doc, %d docs): F1 %.2f (P %.2f R %.2f)  PER %.2f ORG %.2f LOC %.2f MISC %.2f%n",
          held.size(), s.f(4), s.p(4), s.r(4), s.f(0), s.f(1), s.f(2), s.f(3));
      return;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      tagger.write(os, minAbs);
    }
    log.printf("wrote %s (%d bytes)%n", out, Files.size(out));
    try (var in = Files.newInputStream(out)) {
      NerTagger re = NerTagger.read(in);
      Conll.Score s = Conll.evaluate(re, Conll.read(data.resolve("ner/eng.testa")));
      log.printf("reloaded model on eng.testa: F1 %.2f%n", s.f(4));
    }
  }
}
