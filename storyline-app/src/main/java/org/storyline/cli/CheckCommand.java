package org.storyline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.storyline.store.ArticleStore;
import org.storyline.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code storyline check [--data DIR]}: is the store sound? Lucene's CheckIndex, then the store's invariants. */
@Command(name = "check", description = "Check the embedded store: a readable commit, Lucene's CheckIndex over every "
    + "segment (checksums), every article's revisions. Reads only. Exit code 0 when sound, "
    + Main.EXIT_STORE + " when damaged or in use (the message says how to recover).")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ArticleStore.Verification v = ArticleStore.verify(storeOptions.data);
      if (v.clean()) {
        out.printf("The store at %s is sound: %d articles, every segment's checksums verified%n", storeOptions.data,
            v.articles());
        out.flush();
        return 0;
      }
      for (String p : v.problems()) err.println("storyline: " + p);
      err.flush();
      return Main.EXIT_STORE;
    } catch (StoreUnavailableException e) {
      err.println("storyline: " + e.getMessage());
      err.flush();
      return Main.EXIT_STORE;
    } catch (IOException e) {
      err.println("storyline: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
