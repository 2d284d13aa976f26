package org.storyline.server;

/** A request the server refuses, with the HTTP status and a message for the user; becomes {@code {status, message}}. */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, what);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }
}
