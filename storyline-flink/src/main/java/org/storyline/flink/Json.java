package org.storyline.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.storyline.cluster.Assignment;
import org.storyline.ingest.RawDocument;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Quote;

/**
 * The JSON of the job's topics (docs/flink.md): input lines in the JSONL article format, articles as in the report,
 * assignments, article items and dead letters. One compact line per record; field names as in docs/report.md.
 */
public final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * A raw document as one line of the JSONL article format ({@code id}, {@code source}, {@code url}, {@code title},
   * {@code outlet}, {@code byline}, {@code published}, and {@code text} or {@code html}), which the job reads back to
   * the same document.
   */
  public static String documentLine(RawDocument d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", d.id());
    n.put("source", d.source());
    RawDocument.Hints h = d.hints();
    if (h.url() != null) n.put("url", h.url());
    if (h.title() != null) n.put("title", h.title());
    if (h.outlet() != null) n.put("outlet", h.outlet());
    if (h.byline() != null) n.put("byline", h.byline());
    if (h.published() != null) n.put("published", h.published());
    n.put(d.format() == RawDocument.Format.HTML ? "html" : "text", d.content());
    return n.toString();
  }

  public static String article(Article a) {
    return write(a);
  }

  public static Article article(String json) {
    try {
      return MAPPER.readValue(json, Article.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an article: " + e.getOriginalMessage(), e);
    }
  }

  /** Why an article went to its story, with the partition key and the times for the latency. */
  public static String assignment(String key, Assignment a, long writtenMillis, long assignedMillis) {
    ObjectNode n = MAPPER.valueToTree(a);
    n.put("key", key);
    n.put("explain", a.explain());
    n.put("writtenMillis", writtenMillis);
    n.put("assignedMillis", assignedMillis);
    return n.toString();
  }

  /**
   * A story as it stands after a batch: its id, its article ids in arrival order, or, for a story merged away, the
   * story it went into and no articles. The topic's key is the story id: the latest line of an id is its state.
   */
  public static String story(String key, String story, String mergedInto, List<String> articles) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("key", key);
    n.put("story", story);
    if (mergedInto != null) n.put("mergedInto", mergedInto);
    n.set("articles", MAPPER.valueToTree(articles));
    return n.toString();
  }

  /** One article as the report would list it, with the entities it mentions and its quotes. */
  public static String articleItem(String key, Article a, List<Entity> entities, List<Quote> quotes) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("key", key);
    n.set("article", MAPPER.valueToTree(a));
    n.set("entities", MAPPER.valueToTree(entities));
    n.set("quotes", MAPPER.valueToTree(quotes));
    return n.toString();
  }

  /** A record the job could not read: where it came from, why, and its first bytes (as text, replaced if binary). */
  public static String deadLetter(String source, String reason, byte[] body) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("source", source);
    n.put("reason", reason);
    int len = body == null ? 0 : Math.min(body.length, 1024);
    n.put("bytes", body == null ? 0 : body.length);
    n.put("head", body == null ? "" : new String(body, 0, len, java.nio.charset.StandardCharsets.UTF_8));
    return n.toString();
  }

  static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
