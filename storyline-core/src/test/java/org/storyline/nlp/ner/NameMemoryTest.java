package org.storyline.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMemoryTest {
  private static NerDoc doc(String... sentences) {
    List<String[]> s = new ArrayList<>();
    for (String x : sentences) s.add(x.split(" "));
    return new NerDoc(s, Gazetteer.load(), WordClusters.load());
  }

  private static int[][] gold(NerDoc d, String... tags) {
    int[][] g = new int[tags.length][];
    for (int s = 0; s < tags.length; s++) g[s] = NerTagger.bilou(List.of(tags[s].split(" ")));
    return g;
  }

  @Test
  void aTrainingDocumentDoesNotSeeItsOwnNames() {
    NerDoc a = doc("Maria Lopez visited Lisbon .");
    NerDoc b = doc("Lopez left Lisbon for Oslo .");
    NameMemory m = NameMemory.build(List.of(a, b),
        List.of(gold(a, "B-PER I-PER O B-LOC O"), gold(b, "B-PER O B-LOC O B-LOC O")));
    m.annotateTraining(a, 0);
    // "Maria Lopez" is a name only in document a: left out for a; "Lisbon" is also a name in b
    assertEquals(0, a.memPhrase[0][0]);
    assertEquals(Labels.TYPES.indexOf("LOC"), (a.memPhrase[0][3] >>> 1) & 3);
    assertEquals(Labels.U, (a.memPhrase[0][3] >>> 10) & 3);
    // an unseen document sees every training name, longest first
    NerDoc c = doc("Maria Lopez and Oslo .");
    m.annotate(c);
    assertEquals(Labels.TYPES.indexOf("PER"), (c.memPhrase[0][0] >>> 1) & 3);
    assertEquals(Labels.B, (c.memPhrase[0][0] >>> 10) & 3);
    assertEquals(Labels.L, (c.memPhrase[0][1] >>> 10) & 3);
    assertEquals(0, c.memPhrase[0][2]);
    assertNotEquals(0, c.memPhrase[0][3]);
    assertNotEquals(0, c.memWord[0][1]); // "Lopez" sat in a name
  }

  @Test
  void writtenMemoryReadsBackTheSameFacts() throws Exception {
    NerDoc a = doc("Maria Lopez visited Lisbon .", "LISBON 1996-08-30");
    NameMemory m = NameMemory.build(List.of(a), List.<int[][]>of(gold(a, "B-PER I-PER O B-LOC O", "B-LOC O")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.write(new DataOutputStream(bytes));
    NameMemory back = NameMemory.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    NerDoc c1 = doc("Lisbon welcomed Maria Lopez .");
    NerDoc c2 = doc("Lisbon welcomed Maria Lopez .");
    m.annotate(c1);
    back.annotate(c2);
    for (int i = 0; i < 5; i++) {
      assertEquals(c1.memPhrase[0][i], c2.memPhrase[0][i]);
      assertEquals(c1.memWord[0][i], c2.memWord[0][i]);
    }
    assertNotEquals(0, c2.memPhrase[0][0]);
  }
}
