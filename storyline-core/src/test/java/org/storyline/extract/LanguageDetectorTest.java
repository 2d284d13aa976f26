package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  private final LanguageDetector d = new LanguageDetector();

  @Test
  void detectsLatinScriptLanguagesByFunctionWords() {
    assertEquals("en", d.detect("The minister said that the talks with the union would resume on Monday."));
    assertEquals("de", d.detect("Der Minister sagte, dass die Gespräche mit der Gewerkschaft am Montag weitergehen."));
    assertEquals("fr", d.detect("Le ministre a dit que les discussions avec le syndicat reprendront lundi dans la capitale."));
    assertEquals("es", d.detect("El ministro dijo que las conversaciones con el sindicato se reanudarán el lunes en la capital."));
    assertEquals("it", d.detect("Il ministro ha detto che i colloqui con il sindacato riprenderanno lunedì nella capitale e che non sono finiti."));
    assertEquals("pt", d.detect("O ministro disse que as conversas com o sindicato serão retomadas na segunda-feira e que não acabaram."));
    assertEquals("nl", d.detect("De minister zei dat de gesprekken met de vakbond op maandag worden hervat en dat het niet voorbij is."));
    assertEquals("tr", d.detect("Bakan, sendika ile görüşmelerin pazartesi günü devam edeceğini ve bu konuda çok daha fazla bir şey olmadığını söyledi."));
  }

  @Test
  void detectsOtherScripts() {
    assertEquals("ru", d.detect("Министр сказал, что переговоры с профсоюзом возобновятся в понедельник, и это не конец."));
    assertEquals("uk", d.detect("Міністр сказав, що переговори з профспілкою відновляться в понеділок, і це ще не кінець, та він був певен."));
    assertEquals("ja", d.detect("大臣は、組合との協議が月曜日に再開されると述べた。"));
    assertEquals("zh", d.detect("部长说，与工会的谈判将于星期一恢复。"));
    assertEquals("ko", d.detect("장관은 노조와의 협상이 월요일에 재개될 것이라고 말했다."));
    assertEquals("el", d.detect("Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν τη Δευτέρα."));
    assertEquals("ar", d.detect("قال الوزير إن المحادثات مع النقابة ستستأنف يوم الاثنين في العاصمة وهذا ما أكده المسؤولون."));
  }

  @Test
  void saysNothingWithoutEvidence() {
    assertNull(d.detect(""));
    assertNull(d.detect("12345 !!!"));
    assertNull(d.detect("Xyzzy plugh"));
  }
}
