package org.storyline.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.storyline.model.Article;
import org.storyline.model.Event;
import org.storyline.model.Story;
import org.storyline.store.Library;
import org.storyline.store.Snapshot;
import org.storyline.store.StoryViews;

/**
 * {@code GET /api/export/{file}}: everything of one kind as JSON Lines or CSV, written to the response as the store
 * is read (no cap, no buffering of the whole export). CSV cells that a spreadsheet would read as a formula
 * ({@code = + - @} first) get a leading apostrophe.
 */
final class ApiExports {
  static final List<String> FILES = List.of("articles.jsonl", "articles.csv", "quotes.jsonl", "quotes.csv",
      "entities.jsonl", "entities.csv", "events.jsonl", "events.csv");

  private final Library library;

  ApiExports(Library library) {
    this.library = library;
  }

  void export(Context ctx) throws IOException {
    String file = ctx.pathParam("file");
    if (!FILES.contains(file)) {
      throw ApiException.notFound("no export " + ApiRoutes.clip(file) + " (one of " + String.join(", ", FILES) + ")");
    }
    boolean csv = file.endsWith(".csv");
    String kind = file.substring(0, file.indexOf('.'));
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"storyline-" + file + "\"");
    Writer w = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    Rows rows = csv ? new Csv(w) : new Jsonl(w);
    try {
      switch (kind) {
        case "articles" -> articles(rows);
        case "quotes" -> quotes(rows);
        case "entities" -> entities(rows);
        default -> events(rows);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    w.flush();
  }

  private void articles(Rows rows) throws IOException {
    Snapshot snap = library.snapshot();
    rows.header("id", "published", "publishedInferred", "outlet", "title", "url", "byline", "story", "text");
    library.store().forEachArticle(a -> {
      Article meta = snap.article(a.id());
      Article out = meta != null && meta.publishedInferred() && a.published() == null
          ? a.withPublished(meta.published(), true, null) : a;
      Story s = snap.storyOf(a.id());
      rows.row(out, out.id(), out.published(), out.publishedInferred(), out.outlet(), out.title(), out.url(),
          out.byline(), s == null ? null : s.id(), out.text());
    });
  }

  private void quotes(Rows rows) throws IOException {
    rows.header("article", "ordinal", "speakerId", "speaker", "kind", "day", "outlet", "text", "start", "end");
    library.entities().forEachQuote(q -> rows.row(q, q.article(), q.ordinal(), q.speakerId(), q.quote().speaker(),
        q.quote().kind(), q.day(), q.outlet(), q.quote().text(), q.quote().start(), q.quote().end()));
  }

  private void entities(Rows rows) throws IOException {
    rows.header("id", "name", "type", "articles");
    library.entities().forEachEntity(e -> rows.row(e, e.id(), e.name(), e.type(), e.articles()));
  }

  private void events(Rows rows) throws IOException {
    rows.header("story", "id", "date", "granularity", "dateFrom", "what", "who", "where", "articles");
    Snapshot snap = library.snapshot();
    for (Story s : snap.stories().reversed()) {
      Optional<StoryViews.View> v = library.story(s.id());
      if (v.isEmpty()) continue;
      for (Event e : v.get().report().events()) {
        List<String> arts = new ArrayList<>();
        for (Event.Evidence ev : e.evidence()) if (!arts.contains(ev.article())) arts.add(ev.article());
        rows.row(ApiRoutes.event(s.id(), e), s.id(), e.id(), e.date(), e.granularity(), e.dateFrom(), e.what(),
            String.join("; ", e.who()), String.join("; ", e.where()), String.join("; ", arts));
      }
    }
  }

  /** Rows of an export: JSONL writes the object, CSV the cells. */
  private interface Rows {
    void header(String... names);

    void row(Object json, Object... cells);
  }

  private static final class Jsonl implements Rows {
    private final Writer w;

    Jsonl(Writer w) {
      this.w = w;
    }

    @Override
    public void header(String... names) {}

    @Override
    public void row(Object json, Object... cells) {
      try {
        JsonGenerator g = StorylineServer.JSON.getFactory().createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        StorylineServer.JSON.writeValue(g, json);
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Csv implements Rows {
    private final Writer w;

    Csv(Writer w) {
      this.w = w;
    }

    @Override
    public void header(String... names) {
      row(null, (Object[]) names);
    }

    @Override
    public void row(Object json, Object... cells) {
      try {
        for (int i = 0; i < cells.length; i++) {
          if (i > 0) w.write(',');
          w.write(cell(cells[i]));
        }
        w.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String cell(Object o) {
      if (o == null) return "";
      String s = String.valueOf(o);
      if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(o instanceof Number)) s = "'" + s;
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
      return '"' + s.replace("\"", "\"\"") + '"';
    }
  }
}
