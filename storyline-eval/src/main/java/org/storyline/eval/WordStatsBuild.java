package org.storyline.eval;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.storyline.nlp.Span;
import org.storyline.nlp.Tokenizer;

/**
 * Builds the capitalisation table the entity tagger reads (run by hand, result committed; docs/models/ner.md): for
 * each lower-cased word seen at least 5 times inside sentences (not first) of the unlabelled text, how often it is
 * capitalised there, in tenths. Same text as {@link ClusterBuild} ({@link UnlabelledText}).
 *
 * <pre>java -cp ... org.storyline.eval.WordStatsBuild DATA_DIR OUT.tsv.gz</pre>
 */
public final class WordStatsBuild {
  private WordStatsBuild() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Tokenizer tok = new Tokenizer();
    Map<String, int[]> stats = new HashMap<>();
    UnlabelledText.paragraphs(data, para -> {
      List<Span> sp = tok.tokenize(para);
      for (int i = 1; i < sp.size(); i++) {
        String w = sp.get(i).text(para);
        String prev = sp.get(i - 1).text(para);
        if (!Character.isLetter(w.charAt(0)) || prev.equals(".") || prev.equals("\"") || prev.equals(":")) continue;
        if (w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT))) continue; // acronyms and all-caps lines
        int[] c = stats.computeIfAbsent(w.toLowerCase(Locale.ROOT), x -> new int[2]);
        c[0]++;
        if (Character.isUpperCase(w.charAt(0))) c[1]++;
      }
    });
    Map<String, Integer> sorted = new TreeMap<>();
    for (var e : stats.entrySet()) {
      if (e.getValue()[0] < 5) continue;
      sorted.put(e.getKey(), (int) Math.min(9, 10L * e.getValue()[1] / e.getValue()[0]));
    }
    try (Writer wr = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
      wr.write("# lower-cased word TAB tenths of its in-sentence occurrences written capitalised (docs/models/ner.md)\n");
      for (var e : sorted.entrySet()) wr.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
    System.out.printf("wrote %s: %d words, %d bytes%n", out, sorted.size(), Files.size(out));
  }
}
