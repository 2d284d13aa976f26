package org.storyline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The clustering configs are built through checked builders: out-of-range values fail with a message naming them. */
class ConfigValidationTest {
  @Test
  void theBuilderStartsFromTheDefaultsAndCopiesRoundTrip() {
    assertEquals(ClusterConfig.DEFAULTS, ClusterConfig.builder().build());
    assertEquals(ClusterConfig.DEFAULTS, ClusterConfig.DEFAULTS.toBuilder().build());
    assertEquals(EmbeddingConfig.DEFAULTS, EmbeddingConfig.builder().build());
    assertEquals(0.35, ClusterConfig.builder().threshold(0.35).build().threshold());
    assertEquals(ClusterConfig.DEFAULTS.threshold(), ClusterConfig.DEFAULTS.withCoreSize(0).threshold());
  }

  @Test
  void invalidValuesAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClusterConfig.builder().tauDays(0).build());
    assertTrue(e.getMessage().contains("tauDays"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClusterConfig.builder().nearDup(1.5).build());
    assertTrue(e.getMessage().contains("nearDup") && e.getMessage().contains("[0, 1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClusterConfig.builder().threshold(Double.NaN).build());
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClusterConfig.builder().queryTerms(0).build());
    assertTrue(e.getMessage().contains("queryTerms"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ClusterConfig.DEFAULTS.withBridge(2));
    assertTrue(e.getMessage().contains("bridgeProbability"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.DEFAULTS.withFollow(2, 2));
    assertTrue(e.getMessage().contains("probability"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().maxChars(0).build());
    assertTrue(e.getMessage().contains("maxChars"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EmbeddingConfig.builder().undatedWeight(-0.1).build());
    assertTrue(e.getMessage().contains("undatedWeight"), e.getMessage());
  }

  @Test
  void rulesAreOnOrOffWithoutSentinels() {
    assertTrue(ClusterConfig.DEFAULTS.bridges(0.9, 0.95));
    assertFalse(ClusterConfig.DEFAULTS.bridges(0.9, 0.89));
    ClusterConfig noBridge = ClusterConfig.DEFAULTS.withoutBridge();
    assertTrue(noBridge.bridgeProbability().isEmpty());
    assertFalse(noBridge.bridges(1, 1));
    assertTrue(EmbeddingConfig.DEFAULTS.follow().isEmpty(), "follow-ups are off by default");
    assertFalse(EmbeddingConfig.DEFAULTS.follows(1, 1));
    assertTrue(EmbeddingConfig.DEFAULTS.lateReport(0.95, 0.8));
    assertFalse(EmbeddingConfig.DEFAULTS.withoutLate().lateReport(1, 1));
  }
}
