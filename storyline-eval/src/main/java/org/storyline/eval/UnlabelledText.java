package org.storyline.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The unlabelled news text the entity tagger's tables are built from ({@link ClusterBuild}, {@link WordStatsBuild}):
 * Wikinews (CC BY 2.5), Reuters-21578 and BBC News (research use) under DATA_DIR/corpora, read in this order, a
 * missing corpus passed over.
 */
final class UnlabelledText {
  /** Each corpus (under the data directory) and the JSON field holding an article's text. */
  private static final String[][] SOURCES = {
      {"corpora/wikinews_en/wikinews_en_politics_economy_2004_2018.jsonl.gz", "text"},
      {"corpora/reuters21578/reuters21578.jsonl.gz", "body"}, {"corpora/bbc_news/bbc_fulltext.jsonl.gz", "text"}};

  private UnlabelledText() {}

  /** Gives {@code paragraph} each paragraph (a line of an article's text) of each corpus, in order. */
  static void paragraphs(Path data, Consumer<String> paragraph) throws IOException {
    ObjectMapper om = new ObjectMapper();
    for (String[] src : SOURCES) {
      Path p = data.resolve(src[0]);
      if (!Files.exists(p)) continue;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String text = om.readTree(line).path(src[1]).asText("");
          for (String para : text.split("\n")) paragraph.accept(para);
        }
      }
    }
  }
}
