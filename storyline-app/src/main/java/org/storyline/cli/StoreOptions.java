package org.storyline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of every command that uses the embedded store, as a picocli mixin. */
final class StoreOptions {
  /** The store directory, relative to the working directory, when {@code --data} is not given. */
  static final String DEFAULT_DATA = "storyline-data";

  Path data;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE) picocli.CommandLine.Model.CommandSpec spec;

  /** An empty {@code --data ''} would put the store's files in the working directory: refused. */
  @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
      description = "Store directory (default: ${DEFAULT-VALUE} under the working directory).")
  void data(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--data needs a folder (an empty one would put the store's files in the working directory)");
    }
    data = Path.of(dir);
  }
}
