package org.storyline.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opening a data directory for writing while another process (a running {@code storyline serve}, another
 * {@code ingest}) holds it: the store has one writer at a time. The message says what to do; nothing was changed.
 */
public final class StoreInUseException extends IOException {
  public StoreInUseException(Path dataDir, Throwable cause) {
    super("the store at " + dataDir + " is in use by another process (a running `storyline serve`?): add articles "
        + "through its API (POST /api/ingest) or stop it", cause);
  }
}
