package org.storyline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code storyline} command. Exit codes: 0 all input read, 1 some input skipped or read in part (see the
 * messages), 2 bad usage, 3 internal error, 4 the store cannot be used (damaged, in use by another process, or its
 * files not permitted).
 */
@Command(name = "storyline", mixinStandardHelpOptions = true, version = "storyline 0.1.0",
    description = "Self-hosted news intelligence: articles to stories, storylines, quotes, entities and dates.",
    subcommands = {AnalyzeCommand.class, DemoCommand.class, IngestCommand.class, SearchCommand.class, ShowCommand.class,
        ServeCommand.class, SourcesCommand.class, FollowCommand.class,
        StoriesCommand.ListStories.class, StoriesCommand.Show.class, CheckCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static final int EXIT_SKIPPED = 1;
  public static final int EXIT_INTERNAL = 3;
  /** The store cannot be used as it is: damaged, in use by another process, or not permitted (file permissions). */
  public static final int EXIT_STORE = 4;

  /** The exit code for a failure to use the store: {@link #EXIT_STORE} when it is damaged or in use. */
  static int storeExit(Exception e, int otherwise) {
    Throwable t = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    return t instanceof org.storyline.store.StoreUnavailableException || t instanceof java.nio.file.AccessDeniedException
        ? EXIT_STORE : otherwise;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("storyline: " + describe(ex));
      cmd.getErr().flush();
      return storeExit(ex, EXIT_INTERNAL);
    });
    // an Error is no Exception, so picocli lets it through to the JVM, which prints a stack trace and exits 1 (the
    // code for "input skipped"): say what happened in one line, with its own code, instead
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cl.setExecutionStrategy(parsed -> {
      // every line printed, whatever writer it goes to, has its control characters escaped (TerminalWriter)
      cl.setOut(TerminalWriter.wrap(cl.getOut()));
      cl.setErr(TerminalWriter.wrap(cl.getErr()));
      try {
        return run.execute(parsed);
      } catch (StackOverflowError e) {
        return error(parsed, "the input is nested too deeply to process (a query or document with thousands of "
            + "levels of brackets or tags)", 2);
      } catch (OutOfMemoryError e) {
        return error(parsed, "out of memory (" + e.getMessage() + "); give the JVM more with STORYLINE_JAVA_OPTS="
            + "-Xmx8g, or split the input", EXIT_INTERNAL);
      }
    });
    return cl;
  }

  private static int error(CommandLine.ParseResult parsed, String message, int code) {
    java.io.PrintWriter err = parsed.commandSpec().commandLine().getErr();
    err.println("storyline: " + message);
    err.flush();
    return code;
  }

  /** One line for a failure: the path and what is wrong with it for file errors (their message is the bare path). */
  static String describe(Throwable e) {
    if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
    if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or folder: " + n.getFile();
    if (e instanceof java.nio.file.FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
    }
    if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
    if (e instanceof org.apache.lucene.store.AlreadyClosedException) {
      return "the store was changed under this process (its write.lock removed or replaced by another one?): "
          + e.getMessage() + "; what was committed before is kept, run the command again";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
