package org.storyline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the CLI in the test's process, as a user would type it: the exit code and everything the command
 * printed to its standard output and its standard error (picocli "Testing Your Application").
 *
 * <pre>{@code
 * CliRun r = CliRun.run("search", "--data", data.toString(), "harbour");
 * assertEquals(0, r.exit(), r.err());
 * }</pre>
 */
record CliRun(int exit, String out, String err) {
  /** Runs {@code storyline ARGS...} through {@link Main#commandLine()} with its output captured. */
  static CliRun run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
