package org.storyline.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.storyline.cluster.Assignment;
import org.storyline.cluster.OnlineStoryStage;
import org.storyline.cluster.StoryStream;
import org.storyline.model.Article;
import org.storyline.model.Entity;
import org.storyline.model.Mention;
import org.storyline.model.Quote;
import org.storyline.pipeline.Pipeline;

/**
 * The story assignment, keyed by {@link PartitionKey}: one key's articles go through one {@link StoryStream} in
 * publish order, exactly as {@code storyline ingest} feeds the store's stream ({@link OnlineStoryStage#feed}).
 *
 * <p>Articles wait in keyed state until the watermark (publish time less the allowed lateness) passes them; each
 * event-time timer then releases every waiting article the watermark has passed, as one batch: annotated together
 * (entities merged across the batch, as the store annotates a chunk) and fed in {@link OnlineStoryStage#PUBLISH_ORDER}
 * (undated articles last). A bounded input (a back-fill, a test) ends with the final watermark, so all of it is one
 * batch and its stories are those of one {@code analyze} of the same articles.
 *
 * <p>State (Flink managed keyed state, checkpointed): the waiting articles, and the key's story stream as bytes
 * (Java serialisation of {@link StoryStream}, as the store saves it, without the gzip). A restart from a checkpoint
 * resumes with both; an article the stream already holds is never assigned again, so a replayed input record is not
 * doubled. The stream is also kept deserialised per key in the task, so a batch costs one write of the state, not a
 * read too.
 */
public final class AssignStories extends KeyedProcessFunction<String, ArticleRecord, String> {
  /** Each assigned article with its entities and quotes, as {@link Json#articleItem} lines. */
  public static final OutputTag<String> ARTICLES = new OutputTag<>("articles") {};
  /** Each story a batch changed, with all its article ids now, as {@link Json#story} lines (latest wins). */
  public static final OutputTag<String> STORIES = new OutputTag<>("stories") {};
  private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
      "maxdepth=64;org.storyline.cluster.*;java.util.*;java.lang.*;!*");

  /** {@code batchMillis} for one batch at the end of a bounded input (the same stories as one {@code analyze}). */
  public static final long END = Long.MAX_VALUE;

  private final boolean embeddings;
  private final long batchMillis;
  private transient ListState<ArticleRecord> pending;
  private transient ValueState<byte[]> streamState;
  private transient Map<String, StoryStream> streams;
  private transient Pipeline pipeline;
  private transient OnlineStoryStage stage;

  /**
   * @param batchMillis event-time timers are rounded up to a multiple of this, so the articles of one such slice
   *     are released together (fewer, larger batches; more latency); {@link #END}: all at the end of the input
   */
  public AssignStories(boolean embeddings, long batchMillis) {
    if (batchMillis < 1) throw new IllegalArgumentException("batchMillis must be at least 1, got " + batchMillis);
    this.embeddings = embeddings;
    this.batchMillis = batchMillis;
  }

  @Override
  public void open(OpenContext ctx) {
    pending = getRuntimeContext().getListState(
        new ListStateDescriptor<>("pending", TypeInformation.of(ArticleRecord.class)));
    streamState = getRuntimeContext().getState(new ValueStateDescriptor<>("stories", byte[].class));
    streams = new HashMap<>();
    pipeline = Pipelines.shared(embeddings);
    if (!(pipeline.storyStage() instanceof OnlineStoryStage s)) {
      throw new IllegalStateException("the pipeline's story stage is not the online one");
    }
    stage = s;
  }

  @Override
  public void processElement(ArticleRecord r, Context ctx, Collector<String> out) throws Exception {
    long wm = ctx.timerService().currentWatermark();
    // an undated article goes with the next slice the watermark closes; a dated one with its own slice
    r.releaseMillis = batchMillis == END ? Long.MAX_VALUE
        : r.eventMillis == ArticleRecord.UNDATED ? roundUp(wm + 1)
        : roundUp(r.eventMillis);
    pending.add(r);
    ctx.timerService().registerEventTimeTimer(r.releaseMillis);
  }

  private long roundUp(long t) {
    if (t <= Long.MIN_VALUE + batchMillis || t >= Long.MAX_VALUE - batchMillis) return t;
    return Math.floorDiv(t + batchMillis - 1, batchMillis) * batchMillis;
  }

  /**
   * Releases the waiting articles of the slices up to {@code timestamp}: timers fire in time order, so each slice is
   * its own batch, whatever the watermark's steps were (a batch does not depend on when watermarks were sent).
   */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
    List<ArticleRecord> ready = new ArrayList<>();
    List<ArticleRecord> rest = new ArrayList<>();
    Iterable<ArticleRecord> all = pending.get();
    if (all == null) return;
    for (ArticleRecord r : all) (r.releaseMillis <= timestamp ? ready : rest).add(r);
    if (ready.isEmpty()) return;
    pending.update(rest);
    assign(ctx.getCurrentKey(), ready, out, ctx);
  }

  private void assign(String key, List<ArticleRecord> ready, Collector<String> out, OnTimerContext ctx)
      throws IOException {
    Map<String, Article> byId = new LinkedHashMap<>();
    Map<String, Long> written = new HashMap<>();
    for (ArticleRecord r : ready) {
      Article a = Json.article(r.article);
      if (byId.putIfAbsent(a.id(), a) == null) written.put(a.id(), r.writtenMillis);
    }
    List<Article> batch = new ArrayList<>(byId.values());
    batch.sort(OnlineStoryStage.PUBLISH_ORDER);
    StoryStream s = stream(key);
    batch.removeIf(a -> s.contains(a.id()));
    if (batch.isEmpty()) return;
    Pipeline.Annotations an = pipeline.annotate(batch);
    List<Assignment> assigned = stage.feed(s, batch, an.entities(), an.quotes());
    streamState.update(bytes(s));
    long now = System.currentTimeMillis();
    for (Assignment a : assigned) out.collect(Json.assignment(key, a, written.get(a.article()), now));
    Map<String, List<Entity>> entitiesOf = new HashMap<>();
    for (Entity e : an.entities()) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Mention m : e.mentions()) {
        if (seen.add(m.article())) entitiesOf.computeIfAbsent(m.article(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, List<Quote>> quotesOf = new HashMap<>();
    for (Quote q : an.quotes()) quotesOf.computeIfAbsent(q.article(), k -> new ArrayList<>()).add(q);
    java.util.Set<String> touched = new java.util.TreeSet<>();
    for (Assignment a : assigned) {
      touched.add(a.story());
      for (org.storyline.cluster.StoryIndex.Event e : a.events()) {
        touched.add(e.story());
        if (e.into() != null) touched.add(e.into());
      }
    }
    for (String id : touched) {
      Map.Entry<String, List<String>> now2 = s.story(id);
      if (now2 == null) continue;
      if (!now2.getKey().equals(id)) ctx.output(STORIES, Json.story(key, id, now2.getKey(), List.of()));
      else ctx.output(STORIES, Json.story(key, id, null, now2.getValue()));
    }
    for (Assignment a : assigned) {
      ctx.output(ARTICLES, Json.articleItem(key, byId.get(a.article()),
          entitiesOf.getOrDefault(a.article(), List.of()), quotesOf.getOrDefault(a.article(), List.of())));
    }
  }

  private StoryStream stream(String key) {
    StoryStream s = streams.get(key);
    if (s != null) return s;
    try {
      byte[] b = streamState.value();
      s = b == null ? stage.newStream() : stage.attach(read(b));
    } catch (IOException e) {
      throw new UncheckedIOException("the story state of key " + key + " cannot be read", e);
    }
    streams.put(key, s);
    return s;
  }

  static byte[] bytes(StoryStream s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static StoryStream read(byte[] b) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      in.setObjectInputFilter(FILTER);
      if (in.readObject() instanceof StoryStream s) return s;
      throw new IOException("not a story state");
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
  }
}
