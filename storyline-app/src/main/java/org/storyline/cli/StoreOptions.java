package org.storyline.cli;

/** Defaults shared by the commands that use the embedded store. */
final class StoreOptions {
  private StoreOptions() {}

  /** The store directory, relative to the working directory, when {@code --data} is not given. */
  static final String DEFAULT_DATA = "storyline-data";
}
