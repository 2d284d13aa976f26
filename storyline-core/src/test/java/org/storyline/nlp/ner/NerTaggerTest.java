package org.storyline.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storyline.nlp.NamedEntityRecognizer;

class NerTaggerTest {
  @Test
  void iobToBilouAndBackToChunks() {
    int[] lab = NerTagger.bilou(List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC", "I-LOC", "O", "I-MISC"));
    List<NerTagger.Chunk> c = NerTagger.chunks(lab);
    assertEquals(List.of(new NerTagger.Chunk(0, 2, "PER"), new NerTagger.Chunk(3, 4, "LOC"),
        new NerTagger.Chunk(4, 7, "LOC"), new NerTagger.Chunk(8, 9, "MISC")), c);
    for (int i = 1; i < lab.length; i++) assertTrue(Labels.allowed(lab[i - 1], lab[i]));
  }

  @Test
  void trainsWritesAndReadsATinyModel() throws Exception {
    List<String> s1 = List.of("Maria", "Lopez", "visited", "Lisbon", ".");
    List<List<String>> t1 = List.of(List.of("I-PER", "I-PER", "O", "I-LOC", "O"));
    List<String> s2 = List.of("Lopez", "left", "Lisbon", "for", "Oslo", ".");
    List<List<String>> t2 = List.of(List.of("I-PER", "O", "I-LOC", "O", "I-LOC", "O"));
    List<List<List<String>>> docs = List.of(List.of(s1), List.of(s2));
    List<List<List<String>>> tags = List.of(t1, t2);
    NerTagger t = NerTagger.train(docs, tags, 5, 1, 1, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.write(out, 0f);
    NerTagger back = NerTagger.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(t.tag(List.of(s1)), back.tag(List.of(s1)));
    assertEquals(List.of(new NerTagger.Chunk(0, 2, "PER"), new NerTagger.Chunk(3, 4, "LOC")),
        back.tag(List.of(s1)).get(0));
  }

  @Test
  void titleCaseHeadlinesAreDetected() {
    assertTrue(NerTagger.isTitleCase("Putin Praises U.S.-Russia Talks as ' First Step ' Toward Restoring Ties"
        .split(" ")));
    assertFalse(NerTagger.isTitleCase("Justin Langer , Matthew Elliott , Greg Blewett , Mark Waugh".split(" ")));
    assertFalse(NerTagger.isTitleCase("Putin said the talks in Riyadh were a first step .".split(" ")));
  }

  @Test
  void shippedModelFindsNewsEntitiesWithExactOffsets() {
    String text = "Putin Praises Talks as First Step Toward Restoring Ties\n\n"
        + "MOSCOW (AP) \u2014 Russian President Vladimir Putin on Wednesday praised the talks in Saudi Arabia "
        + "between U.S. and Russian officials, the Kremlin said. \u201cWe made the first step,\u201d Putin told "
        + "reporters in St. Petersburg.";
    List<NamedEntityRecognizer.Found> found = NamedEntityRecognizer.defaults().find(text);
    List<String> seen = found.stream().map(f -> text.substring(f.start(), f.end()) + "/" + f.type()).toList();
    assertTrue(seen.contains("Vladimir Putin/PER"), seen.toString());
    assertTrue(seen.contains("Saudi Arabia/LOC"), seen.toString());
    assertTrue(seen.contains("St. Petersburg/LOC"), seen.toString());
    assertTrue(seen.stream().noneMatch(s -> s.startsWith("Putin Praises")), seen.toString());
    for (NamedEntityRecognizer.Found f : found) {
      String m = text.substring(f.start(), f.end());
      assertEquals(m.strip(), m);
    }
  }
}
