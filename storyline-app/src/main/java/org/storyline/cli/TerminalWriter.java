package org.storyline.cli;

import java.io.PrintWriter;

/**
 * What the CLI prints goes through this: control characters that came from the input (file names, titles, outlets)
 * are shown escaped ({@code \e} for ESC, {@code \xHH} for the others, C1 too), so text can never drive the terminal
 * ({@code ESC[2J} clears it; {@code ESC]0;...BEL} retitles it). Line breaks and tabs pass. JSON output is unchanged
 * (it escapes control characters itself).
 */
final class TerminalWriter extends PrintWriter {
  TerminalWriter(PrintWriter out) {
    super(out, true);
  }

  static PrintWriter wrap(PrintWriter w) {
    return w instanceof TerminalWriter ? w : new TerminalWriter(w);
  }

  static boolean isControl(int c) {
    return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0;
  }

  static String escape(int c) {
    return c == 0x1b ? "\\e" : c == '\r' ? "\\r" : String.format("\\x%02x", c);
  }

  @Override
  public void write(int c) {
    if (isControl(c)) super.write(escape(c), 0, escape(c).length());
    else super.write(c);
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) {
    int end = off + len;
    int from = off;
    for (int i = off; i < end; i++) {
      char c = s.charAt(i);
      if (isControl(c)) {
        if (i > from) super.write(s, from, i - from);
        String e = escape(c);
        super.write(e, 0, e.length());
        from = i + 1;
      }
    }
    if (end > from) super.write(s, from, end - from);
  }
}
