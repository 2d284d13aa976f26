package org.storyline.store;

import java.io.IOException;

/**
 * The store exists but cannot be used as it is: it is damaged (its index has files but no readable commit, or a
 * checksum failed), or another process holds it. Nothing was changed; the message says what to do. The CLI exits
 * with its own code for this (README, "exit codes").
 */
public final class StoreUnavailableException extends IOException {
  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
