package org.storyline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
  void englishCliticsAreNoCzechPrepositions() {
    // a results list: few English function words, many "'s" whose "s" is also a Czech and Slovak preposition
    String results = "Men's singles, second round\n\nGoran Ivanisevic (Croatia) beat Scott Draper (Australia) 6-7 6-3\n\n"
        + "Women's singles, third round\n\nSandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2\n\n"
        + "Men's doubles, first round\n\nWomen's doubles, first round\n\nMen's singles, third round";
    assertNotEquals("cs", d.detect(results));
    assertNotEquals("sk", d.detect(results));
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
  void separatesCloseNeighbours() {
    assertEquals("sv", d.detect("Regeringen meddelade på måndagen att den kommer att sänka skatten för pensionärer, men oppositionen är kritisk och säger att det inte räcker."));
    assertEquals("da", d.detect("Regeringen meddelte mandag, at den vil sænke skatten for pensionister, men oppositionen er kritisk og siger, at det ikke er nok af hensyn til økonomien."));
    assertEquals("no", d.detect("Regjeringen sa mandag at den vil senke skatten for pensjonister, men opposisjonen er kritisk og sier at det ikke er nok av hensyn til økonomien."));
    assertEquals("cs", d.detect("Vláda v pondělí oznámila, že sníží daně pro důchodce, ale opozice je kritická a říká, že to nestačí a že je to jen začátek."));
    assertEquals("pl", d.detect("Rząd poinformował w poniedziałek, że obniży podatki dla emerytów, ale opozycja jest krytyczna i mówi, że to nie wystarczy."));
    assertEquals("bg", d.detect("Правителството обяви в понеделник, че ще намали данъците за пенсионерите, но опозицията е критична и казва, че това не е достатъчно."));
    assertEquals("fa", d.detect("دولت روز دوشنبه اعلام کرد که مالیات بازنشستگان را کاهش می دهد، اما مخالفان این را کافی نمی دانند و از آن انتقاد کردند."));
  }

  @Test
  void saysNothingWithoutEvidence() {
    assertNull(d.detect(""));
    assertNull(d.detect("12345 !!!"));
    assertNull(d.detect("Xyzzy plugh"));
  }
}
