package org.storyline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storyline.follow.RevisionChanges;
import org.storyline.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code storyline show [--data DIR] [--revisions] ID|URL}: a stored article as JSON, or all its revisions. */
@Command(name = "show", description = "Print a stored article (by id or URL) as JSON; with --revisions, every "
    + "stored revision, oldest first.")
final class ShowCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "ID|URL", description = "The article's id or URL.")
  String idOrUrl;

  @Mixin StoreOptions storeOptions;

  @Option(names = "--revisions", description = "All revisions, oldest first, each with its number and what "
      + "changed since the one before (headline, lead, quotes added or removed, corrections).")
  boolean revisions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ArticleStore store = ArticleStore.openReadOnly(storeOptions.data)) {
      List<ArticleStore.Revision> revs = store.revisions(idOrUrl);
      if (revs.isEmpty()) {
        err.println("storyline: no article " + idOrUrl + " in " + storeOptions.data);
        return 2;
      }
      if (revisions) {
        List<Map<String, Object>> all = new ArrayList<>();
        ArticleStore.Revision prev = null;
        for (ArticleStore.Revision r : revs) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("revision", r.number());
          if (prev != null) {
            // what changed since the revision before: headline, lead, quotes added/removed, corrections
            RevisionChanges c = RevisionChanges.between(prev.number(), prev.article(), r.number(), r.article());
            m.put("summary", c.summary());
            m.put("changes", c);
          }
          m.put("article", r.article());
          all.add(m);
          prev = r;
        }
        out.println(JSON.writeValueAsString(all));
      } else {
        out.println(JSON.writeValueAsString(revs.get(revs.size() - 1).article()));
      }
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("storyline: " + Main.describe(e));
      return Main.storeExit(e, 2);
    }
  }
}
