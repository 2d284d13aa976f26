package org.storyline.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An article's text cut into paragraphs of pieces, each piece carrying the marks that cover it (entity mention,
 * quote, time expression, the highlighted range), so a template can wrap each piece in one element. Marks may
 * overlap (a name inside a quote): the text is cut at every mark boundary and each piece lists all marks over it.
 * Offsets outside the text are clipped; nothing of the text is lost or repeated.
 */
public final class Marked {
  /** A span of the text and what it is: {@code kind} is a CSS class; {@code title} a tooltip; {@code href} or null. */
  public record Mark(int start, int end, String kind, String title, String href) {}

  /** One piece: {@code text} with the marks over it (outermost first); {@code anchor} when the highlight starts here. */
  public record Piece(String text, List<Mark> marks, boolean anchor) {
    public String classes() {
      java.util.LinkedHashSet<String> kinds = new java.util.LinkedHashSet<>();
      for (Mark m : marks) kinds.add(m.kind());
      return String.join(" ", kinds);
    }

    public String title() {
      StringBuilder b = new StringBuilder();
      for (Mark m : marks) {
        if (m.title() == null || m.title().isEmpty()) continue;
        if (!b.isEmpty()) b.append(" · ");
        b.append(m.title());
      }
      return b.toString();
    }

    /** The link of the innermost mark that has one (a mention's entity page), else null. */
    public String href() {
      for (int i = marks.size() - 1; i >= 0; i--) if (marks.get(i).href() != null) return marks.get(i).href();
      return null;
    }

    public boolean highlighted() {
      return marks.stream().anyMatch(m -> m.kind().equals("hl"));
    }
  }

  private Marked() {}

  /** Paragraphs (split at blank lines; single newlines stay inside a paragraph) of marked pieces. */
  public static List<List<Piece>> paragraphs(String text, List<Mark> marks) {
    int n = text.length();
    List<Mark> ms = new ArrayList<>();
    for (Mark m : marks) {
      int s = Math.max(0, Math.min(n, m.start()));
      int e = Math.max(s, Math.min(n, m.end()));
      if (e > s) ms.add(new Mark(s, e, m.kind(), m.title(), m.href()));
    }
    // longer marks outside shorter ones
    ms.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    cuts.add(n);
    for (Mark m : ms) {
      cuts.add(m.start());
      cuts.add(m.end());
    }
    // paragraph breaks: runs of blank lines
    List<int[]> paras = new ArrayList<>();
    int i = 0;
    while (i < n) {
      int j = text.indexOf("\n\n", i);
      int end = j < 0 ? n : j;
      if (end > i && !text.substring(i, end).isBlank()) paras.add(new int[] {i, end});
      if (j < 0) break;
      i = j + 2;
    }
    List<List<Piece>> out = new ArrayList<>();
    boolean anchored = false;
    for (int[] p : paras) {
      List<Piece> pieces = new ArrayList<>();
      Integer c = p[0];
      while (c < p[1]) {
        Integer next = cuts.higher(c);
        int e = next == null ? p[1] : Math.min(next, p[1]);
        List<Mark> over = new ArrayList<>();
        for (Mark m : ms) if (m.start() <= c && m.end() >= e) over.add(m);
        boolean anchor = false;
        if (!anchored && over.stream().anyMatch(m -> m.kind().equals("hl"))) {
          anchor = anchored = true;
        }
        pieces.add(new Piece(text.substring(c, e), over, anchor));
        c = e;
      }
      out.add(pieces);
    }
    return out;
  }
}
