package org.storyline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code storyline} command. Exit codes: 0 all input read, 1 some input skipped or read in part (see the
 * messages), 2 bad usage, 3 internal error.
 */
@Command(name = "storyline", mixinStandardHelpOptions = true, version = "storyline 0.1.0",
    description = "Self-hosted news intelligence: articles to stories, storylines, quotes, entities and dates.",
    subcommands = {AnalyzeCommand.class, DemoCommand.class, IngestCommand.class, SearchCommand.class, ShowCommand.class,
        ServeCommand.class, SourcesCommand.class, FollowCommand.class,
        StoriesCommand.ListStories.class, StoriesCommand.Show.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static final int EXIT_SKIPPED = 1;
  public static final int EXIT_INTERNAL = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("storyline: " + ex.getMessage());
      return EXIT_INTERNAL;
    });
    return cl;
  }
}
