package org.storyline.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerModelTest {
  /** A loaded model reads back each feature's 16-bit weights, whether its slot holds them or points to them. */
  @Test
  void loadedWeightsAreTheWrittenOnesRounded() throws Exception {
    int features = 6;
    LongIntMap index = new LongIntMap(features);
    float[] w = new float[features * Labels.N];
    int[] nonZero = {2, 3, 4, Labels.N, 1, 3}; // weights per feature: in the slot up to three, else apart
    for (int f = 0; f < features; f++) {
      index.put(1000L + 7919L * f, f);
      for (int l = 0; l < nonZero[f]; l++) {
        int label = (l * 5 + f) % Labels.N;
        w[f * Labels.N + label] = (l % 2 == 0 ? 1 : -1) * (0.5f + f + 3.25f * l);
      }
    }
    w[5 * Labels.N + 16] = -40f; // the largest weight: label 16 and the scale's extreme in a slot
    NerModel dense = new NerModel(index, w);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dense.write(out, 0f);
    NerModel loaded = NerModel.read(new ByteArrayInputStream(out.toByteArray()));
    float max = 0;
    for (float x : w) max = Math.max(max, Math.abs(x));
    float scale = max / 32767f;
    float[] all = new float[Labels.N];
    long[] keys = new long[features + 1];
    for (int f = 0; f < features; f++) {
      keys[f] = 1000L + 7919L * f;
      float[] got = new float[Labels.N];
      loaded.scores(new long[] {keys[f]}, 1, got);
      float[] want = new float[Labels.N];
      for (int l = 0; l < Labels.N; l++) {
        int q = Math.round(w[f * Labels.N + l] / scale);
        want[l] = q * scale;
        all[l] += q;
      }
      assertArrayEquals(want, got, "feature " + f);
    }
    keys[features] = 424242L; // a feature the model does not know adds nothing
    float[] got = new float[Labels.N];
    loaded.scores(keys, keys.length, got);
    for (int l = 0; l < Labels.N; l++) all[l] *= scale;
    assertArrayEquals(all, got);
  }

  /** The features both stages share and each stage's own are, together, the label-independent features. */
  @Test
  void sharedAndOwnFeaturesMakeTheStaticOnes() {
    List<String[]> s = new ArrayList<>();
    for (String x : List.of("Maria Lopez visited Lisbon-Oslo on Monday , the Lisbon council said .",
        "LISBON COUNCIL MEETS", "Lopez left Lisbon for Oslo , lopez said .")) {
      s.add(x.split(" "));
    }
    NerDoc d = new NerDoc(s, Gazetteer.load(), WordClusters.load());
    for (boolean second : new boolean[] {false, true}) {
      if (second) {
        int[][] first = new int[s.size()][];
        for (int k = 0; k < first.length; k++) {
          first[k] = new int[s.get(k).length];
          first[k][0] = Labels.of(0, Labels.U);
        }
        d.setPrior(first);
      }
      for (int k = 0; k < s.size(); k++) {
        for (int i = 0; i < s.get(k).length; i++) {
          for (int hist = -1; hist <= 4; hist++) {
            long[] stat = new long[NerFeatures.MAX];
            int n = NerFeatures.extractStatic(d, k, i, hist, stat);
            long[] parts = new long[NerFeatures.MAX];
            int m = NerFeatures.extractOwn(d, k, i, hist, parts, NerFeatures.extractShared(d, k, i, parts));
            long[] a = Arrays.copyOf(stat, n);
            long[] b = Arrays.copyOf(parts, m);
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(a, b, "sentence " + k + " token " + i + " hist " + hist + " second " + second);
          }
        }
      }
    }
  }

  /** A small two-stage model, written and read: its joint weights tag as its stages do one by one. */
  @Test
  void jointWeightsOfAReadModelTagAsItsStages() throws Exception {
    List<List<List<String>>> docs = List.of(
        List.of(List.of("Maria", "Lopez", "visited", "Lisbon", "."), List.of("Lopez", "met", "Acme", "Corp", ".")),
        List.of(List.of("Lopez", "left", "Lisbon", "for", "Oslo", ".")),
        List.of(List.of("Acme", "Corp", "opened", "in", "Oslo", "on", "Monday", ".")));
    List<List<List<String>>> tags = List.of(
        List.of(List.of("I-PER", "I-PER", "O", "I-LOC", "O"), List.of("I-PER", "O", "I-ORG", "I-ORG", "O")),
        List.of(List.of("I-PER", "O", "I-LOC", "O", "I-LOC", "O")),
        List.of(List.of("I-ORG", "I-ORG", "O", "O", "I-LOC", "O", "O", "O")));
    NerTagger trained = NerTagger.train(docs, tags, 4, 3, 2, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    trained.write(out, 0f);
    NerTagger t = NerTagger.read(new ByteArrayInputStream(out.toByteArray()));
    List<List<String>> doc = List.of(List.of("Maria", "Lopez", "left", "Acme", "Corp", "for", "Lisbon", "."),
        List.of("LOPEZ", "IN", "OSLO"));
    assertEquals(t.tag(doc, false), t.tag(doc));
  }

  /** Sharing the stages' common features gives the labels of tagging each stage on its own. */
  @Test
  void sharedStagesTagAsSeparateOnes() {
    NerTagger t = NerTagger.defaults();
    List<List<String>> doc = List.of(
        List.of("Russian", "President", "Vladimir", "Putin", "met", "Donald", "Trump", "'s", "envoy", "in",
            "Moscow", "on", "Thursday", ",", "the", "Kremlin", "said", "."),
        List.of("PUTIN", "MEETS", "ENVOY"),
        List.of("Putin", "told", "reporters", "in", "St.", "Petersburg", "that", "Witkoff", "was", "welcome", "."));
    List<List<NerTagger.Chunk>> shared = t.tag(doc);
    assertEquals(t.tag(doc, false), shared);
    assertEquals(new NerTagger.Chunk(2, 4, "PER"), shared.get(0).get(1), shared.toString());
  }
}
