package org.storyline.cluster;

import java.util.List;
import org.storyline.model.Article;

/** Small hand-written news texts for clustering tests (invented events, written for these tests). */
final class Fixtures {
  private Fixtures() {}

  static final String FLOOD = """
      Heavy rain caused the Varna River to burst its banks on Monday, flooding the centre of Kestrel Bay and forcing \
      hundreds of residents to leave their homes, Mayor Elena Dravik said.

      Emergency crews used boats to reach families trapped on upper floors near the old harbour. The regional \
      weather office said more rain was expected overnight and warned of landslides in the hills above Kestrel Bay.

      "We have never seen the water rise this fast," Dravik told reporters at a school turned into a shelter. \
      "Our priority is to get everyone out safely before nightfall."

      The Varna River reached its highest level since records began in 1921, hydrologists at Northgate University \
      said, and the railway line to Port Alder was closed after a section of embankment collapsed.""";

  static final String FLOOD_REWRITE = """
      Hundreds of people fled their homes in Kestrel Bay on Monday after the Varna River burst its banks following \
      heavy rain, Mayor Elena Dravik said.

      Rescue teams in boats reached families trapped on upper floors near the harbour, and the railway line to Port \
      Alder was closed when an embankment collapsed.

      "We have never seen the water rise this fast," Dravik said at a shelter. Hydrologists at Northgate \
      University said the Varna River was at its highest level since 1921, and forecasters warned of more rain and \
      possible landslides in the hills above Kestrel Bay.""";

  static final String CHESS = """
      Grandmaster Tomas Orvell won the Silverton Open chess tournament on Sunday, beating defending champion \
      Ada Kwiren in a tense final game that lasted more than six hours.

      Orvell, 19, became the youngest winner in the event's history. He sacrificed a rook on move 31 and converted \
      the endgame with precise play, commentators said.

      "I was not sure the sacrifice was correct, but I trusted my calculation," Orvell said after the game. Kwiren \
      congratulated her opponent and said she would return next year.

      The Silverton Open drew 240 players from 31 countries this year, organisers said, a record for the event.""";

  static final String BUDGET = """
      The parliament of Lirania approved the national budget for next year on Thursday after a marathon session, \
      with Finance Minister Pavel Osterman securing a narrow majority of 81 votes to 76.

      The budget raises spending on hospitals and rail, and cuts subsidies for coal plants, a move opposition \
      leader Mira Santell called reckless for mining towns in the north of Lirania.

      "This budget invests in the next generation," Osterman told lawmakers before the vote. The Liranian central \
      bank said the plan was consistent with bringing inflation down over two years.""";

  static Article article(String id, String title, String published, String text) {
    return new Article(id, id + ".txt", title, null, null, null, published, false, List.of(), "en", text, List.of(),
        List.of());
  }

  static Article article(String id, String title, String published, String outlet, String url,
      List<String> credits, String text) {
    return new Article(id, id + ".txt", title, outlet, url, null, published, false, credits, "en", text, List.of(),
        List.of());
  }
}
