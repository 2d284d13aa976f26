package org.storyline.analyze;

import java.util.LinkedHashMap;
import java.util.Map;

/** Receives the wall time each pipeline stage took, for benchmarks. Implementations need not be thread-safe. */
public interface StageTimes {
  StageTimes NONE = (stage, nanos) -> {};

  void record(String stage, long nanos);

  /** Sums nanos per stage, in first-seen order. */
  final class Totals implements StageTimes {
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    @Override
    public void record(String stage, long n) {
      nanos.merge(stage, n, Long::sum);
    }

    public Map<String, Long> nanos() {
      return Map.copyOf(nanos);
    }

    public Map<String, Long> ordered() {
      return new LinkedHashMap<>(nanos);
    }
  }
}
