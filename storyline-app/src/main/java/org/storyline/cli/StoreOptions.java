package org.storyline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option of every command that uses the embedded store, as a picocli mixin. */
final class StoreOptions {
  /** The store directory, relative to the working directory, when {@code --data} is not given. */
  static final String DEFAULT_DATA = "storyline-data";

  @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
      description = "Store directory (default: ${DEFAULT-VALUE} under the working directory).")
  Path data;
}
