package org.storyline.extract.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes HTML bytes of unknown encoding: byte-order mark, then strict UTF-8, then the charset declared in the
 * first bytes ({@code <meta charset>} / {@code http-equiv}), then windows-1252.
 */
public final class HtmlCharset {
  private static final Pattern DECLARED = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([a-z0-9_.:-]+)");

  private HtmlCharset() {}

  public static String decode(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      // not UTF-8: fall through to the declared charset
    }
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    if (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      try {
        Charset cs = Charset.forName(alias(name));
        if (!cs.equals(StandardCharsets.UTF_8)) return new String(b, cs);
      } catch (IllegalArgumentException ex) {
        // unknown charset name
      }
    }
    return new String(b, Charset.forName("windows-1252"));
  }

  /** Browsers read these labels as the larger charset (WHATWG Encoding): pages labelled so use its characters. */
  private static String alias(String name) {
    return switch (name) {
      case "iso-8859-1", "latin1", "us-ascii", "ascii" -> "windows-1252";
      case "gb2312", "gb_2312-80", "gbk", "x-gbk" -> "GB18030";
      case "iso-8859-9", "latin5" -> "windows-1254";
      case "tis-620", "iso-8859-11" -> "x-windows-874";
      case "ks_c_5601-1987", "euc-kr" -> "x-windows-949";
      case "shift_jis", "sjis", "x-sjis" -> "windows-31j";
      default -> name;
    };
  }
}
