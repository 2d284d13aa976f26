package org.storyline.eval;

/** Entry point for {@code storyline eval ...} and {@code storyline bench ...}. */
public final class EvalMain {
  private EvalMain() {}

  public static void main(String[] args) {
    System.err.println("storyline eval: no evaluation suites yet");
    System.exit(0);
  }
}
