package org.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.storyline.cluster.ArticleFeatures;
import org.storyline.cluster.ClusterConfig;
import org.storyline.model.Article;

/**
 * Builds the background document-frequency table shipped with story clustering
 * ({@code storyline-core/src/main/resources/org/storyline/cluster/idf-background.tsv}) from English Wikinews
 * (CC BY 2.5), the one corpus here that may be redistributed. Terms and name features in at least {@code MIN_DF}
 * documents; quote features are left out. Usage: {@code IdfTableBuilder WIKINEWS_JSONL_GZ OUT_TSV}.
 */
public final class IdfTableBuilder {
  private static final int MIN_DF = 3;

  private IdfTableBuilder() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> df = new HashMap<>();
    int docs = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Path.of(args[0]))), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode j = json.readTree(line);
        Article a = new Article(j.path("id").asText(), "wikinews", j.path("title").asText(null), null, null, null,
            null, false, List.of(), "en", j.path("text").asText(""), List.of(), List.of());
        docs++;
        for (String t : ArticleFeatures.of(a, List.of(), List.of(), ClusterConfig.DEFAULTS).counts().keySet()) {
          if (!t.startsWith("\"")) df.merge(t, 1, Integer::sum);
        }
      }
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      w.println("# Background document frequencies for story clustering. Built by storyline-eval IdfTableBuilder");
      w.println("# from English Wikinews (Politics and Economy, 2004-2018; CC BY 2.5, Wikinews contributors):");
      w.println("# first line the document count, then term TAB df, for terms in >= " + MIN_DF + " documents.");
      w.println(docs);
      for (var e : new TreeMap<>(df).entrySet()) if (e.getValue() >= MIN_DF) w.println(e.getKey() + "\t" + e.getValue());
    }
  }
}
