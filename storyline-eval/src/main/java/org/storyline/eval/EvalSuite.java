package org.storyline.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One evaluation suite ({@code storyline eval NAME}): scores a stage on benchmark data under {@code dataDir}
 * (usually ../shared/data) with the benchmark's own method, prints the figures beside the published ones, and
 * returns the gated metrics by name (higher is better). Floors live in {@code floors/NAME.properties}.
 */
public interface EvalSuite {
  String name();

  Map<String, Double> run(Path dataDir, PrintWriter out) throws Exception;
}
