package org.storyline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.storyline.follow.CrawlState;
import org.storyline.follow.Source;
import org.storyline.follow.SourceList;
import org.storyline.follow.SourceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storyline sources add|list|remove}: the feeds, sitemaps and sites {@code follow} polls. */
@Command(name = "sources", description = "The sources that `follow` polls: RSS/Atom feeds, sitemaps (news sitemaps, "
    + "sitemap indexes) and sites (their feeds are discovered from the home page).",
    subcommands = {SourcesCommand.Add.class, SourcesCommand.ListSources.class, SourcesCommand.Remove.class})
final class SourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(name = "add", description = "Add a source by URL (a feed, a sitemap or a site's home page).")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions storeOptions;

    @Parameters(arity = "1", paramLabel = "URL", description = "The feed, sitemap or home page URL.")
    String url;

    @Option(names = "--name", paramLabel = "N", description = "A name to show and to remove it by.")
    String name;

    @Option(names = "--every", paramLabel = "INTERVAL", defaultValue = "15m",
        description = "Poll interval such as 5m, 15m, 1h, 1d (default ${DEFAULT-VALUE}; at least 1m).")
    String every;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
        description = "feed, sitemap, site, or auto (default: told by what the URL serves at the first poll).")
    String kind;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        Source.Kind k = Source.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        Source s = new SourceList(storeOptions.data).add(url, name, k, Source.parseEvery(every),
            Instant.now().toEpochMilli());
        out.println("source " + s.id() + " " + s.url() + " (every " + Source.formatEvery(s.every()) + ")");
        out.flush();
        return 0;
      } catch (IllegalArgumentException e) {
        err.println("storyline: " + e.getMessage());
        return 2;
      } catch (IOException e) {
        err.println("storyline: " + e.getMessage());
        return Main.EXIT_INTERNAL;
      }
    }
  }

  @Command(name = "list", description = "List the sources with their health: last success, last error, items per "
      + "day, latency, and a warning for a source that fails or has brought nothing new for longer than usual.")
  static final class ListSources implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
        .withZone(ZoneOffset.UTC);

    @Spec CommandSpec spec;

    @Mixin StoreOptions storeOptions;

    @Option(names = "--json", description = "Print JSON (as GET /api/sources does).")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      List<Source> sources = new SourceList(storeOptions.data).all();
      List<SourceStatus> status = SourceStatus.of(sources, CrawlState.load(storeOptions.data), Instant.now());
      if (json) {
        out.println(JSON.writeValueAsString(status));
      } else if (status.isEmpty()) {
        out.println("no sources; add one with: storyline sources add URL");
      } else {
        for (SourceStatus s : status) {
          CrawlState.Health h = s.health();
          int lastDay = h.itemsPerDay.isEmpty() ? 0 : h.itemsPerDay.lastEntry().getValue();
          out.printf("%s  %s%s  [%s, every %s]%n", s.id(), s.url(), s.name() == null ? "" : "  (" + s.name() + ")",
              s.kind().toLowerCase(java.util.Locale.ROOT), s.every());
          out.printf("    polls %d (%d unchanged), items %d (%d on %s), latency %d ms, last success %s%n",
              h.polls, h.notModified, h.itemsTotal, lastDay,
              h.itemsPerDay.isEmpty() ? "-" : h.itemsPerDay.lastKey(), h.meanLatencyMillis, time(h.lastSuccess));
          if (h.lastError > 0) out.printf("    last error %s: %s%n", time(h.lastError), h.lastErrorMessage);
          if (s.warning() != null) out.println("    WARNING: " + s.warning());
        }
      }
      out.flush();
      return 0;
    }

    private static String time(long millis) {
      return millis <= 0 ? "never" : TIME.format(Instant.ofEpochMilli(millis));
    }
  }

  @Command(name = "remove", description = "Remove a source by id, URL or name (what it brought stays in the store).")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions storeOptions;

    @Parameters(arity = "1", paramLabel = "ID|URL|NAME")
    String which;

    @Override
    public Integer call() throws IOException {
      Optional<Source> removed = new SourceList(storeOptions.data).remove(which);
      if (removed.isEmpty()) {
        spec.commandLine().getErr().println("storyline: no source " + which);
        return 2;
      }
      spec.commandLine().getOut().println("removed " + removed.get().id() + " " + removed.get().url());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
