package org.storyline.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a text, HTML or XML input into characters, choosing the encoding in this order: a byte-order
 * mark (UTF-8, UTF-16LE/BE); UTF-16 without a mark (NUL bytes in every other position); valid UTF-8; the charset a
 * transport header, an HTML {@code <meta>} or an XML declaration states; else a single-byte guess among
 * Windows-1252, ISO-8859-2 and Windows-1251. Mostly-UTF-8 bytes with stray single-byte characters (a page pasted
 * together from two encodings) are decoded sequence by sequence and reported.
 *
 * <p>Also tells text from binary ({@link #binaryKind}). Stateless.
 */
public final class Decoding {
  private Decoding() {}

  /** The decoded text, the charset used, and a note for the user when decoding was only best-effort (else null). */
  public record Decoded(String text, String charset, String note) {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{2,40})", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]{2,40})[\"']", Pattern.CASE_INSENSITIVE);

  /** File signatures of common binary formats, as (prefix, name) pairs. */
  private static final Object[][] MAGIC = {
      {"%PDF", "PDF"}, {"\u0089PNG", "PNG"}, {"GIF8", "GIF"}, {"\u00ff\u00d8\u00ff", "JPEG"},
      {"PK\u0003\u0004", "ZIP"}, {"\u007fELF", "ELF"}, {"\u00d0\u00cf\u0011\u00e0", "MS Office"},
      {"RIFF", "RIFF"}, {"\u0000\u0000\u0001\u0000", "ICO"}, {"7z\u00bc\u00af", "7z"}};

  /**
   * Null when the bytes look like text (in any supported encoding), else a message such as {@code "binary file
   * (PDF)"}. Looks at the first {@link ReadLimits#SNIFF_BYTES} bytes: NUL bytes (outside UTF-16) or many control
   * characters mean binary.
   */
  public static String binaryKind(byte[] b) {
    for (Object[] m : MAGIC) {
      String sig = (String) m[0];
      if (b.length >= sig.length()) {
        boolean match = true;
        for (int i = 0; i < sig.length() && match; i++) match = (b[i] & 0xff) == sig.charAt(i);
        if (match) return "binary file (" + m[1] + ")";
      }
    }
    if (bom(b) != null || utf16WithoutBom(b) != null) return null;
    int n = Math.min(b.length, ReadLimits.SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) return "binary file (contains NUL bytes)";
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) control++;
    }
    return n > 0 && control * 20 > n ? "binary file (control characters)" : null;
  }

  /** Decodes bytes with no declared charset; HTML meta and XML declarations inside the bytes are honoured. */
  public static Decoded decode(byte[] b) {
    return decode(b, null);
  }

  /** Decodes bytes; {@code declared} is a charset named by the transport (HTTP header), or null. */
  public static Decoded decode(byte[] b, String declared) {
    Charset bom = bom(b);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : bom == UTF_32LE || bom == UTF_32BE ? 4 : 2;
      return new Decoded(new String(b, skip, b.length - skip, bom), bom.name(), null);
    }
    Charset u16 = utf16WithoutBom(b);
    if (u16 != null) return new Decoded(new String(b, u16), u16.name(), null);

    Utf8Scan scan = Utf8Scan.of(b);
    if (scan.invalid == 0) return new Decoded(new String(b, 0, scan.validEnd, StandardCharsets.UTF_8), "UTF-8", null);

    Charset stated = charsetFor(declared);
    if (stated == null) stated = charsetFor(declaredInside(b));
    if (stated != null && !isUtf(stated)) return new Decoded(new String(b, stated), stated.name(), null);
    if (stated == null) {
      Charset detected = detected(b);
      if (detected != null) return new Decoded(new String(b, detected), detected.name(), null);
    }

    if (scan.multibyte > 0 && (scan.multibyte >= scan.invalid || stated == StandardCharsets.UTF_8)) {
      return new Decoded(mixed(b), "UTF-8",
          "mixed encodings: mostly UTF-8, " + scan.invalid + " bytes are not UTF-8 and were read as Windows-1252");
    }
    Charset guess = singleByteGuess(b);
    String note = stated == StandardCharsets.UTF_8
        ? "declared UTF-8 but the bytes are not UTF-8; read as " + guess.name() : null;
    return new Decoded(new String(b, guess), guess.name(), note);
  }

  /** Bytes looked at by the detector (it needs a few kilobytes of text; more only costs time). */
  private static final int DETECT_BYTES = 64 << 10;
  /** Charsets the single-byte guess cannot tell, taken from ICU4J's detector when it names one of them. */
  private static final java.util.Set<String> DETECTED = java.util.Set.of("GB18030", "Big5", "Shift_JIS", "EUC-JP",
      "EUC-KR", "ISO-2022-JP", "ISO-2022-CN", "ISO-2022-KR", "KOI8-R");
  /** The detector's confidence (0-100) below which its answer is not taken. */
  private static final int MIN_CONFIDENCE = 30;

  /**
   * For bytes that are neither UTF nor declared: the charset ICU4J's {@code CharsetDetector} finds when it is one the
   * single-byte guess cannot tell (Chinese, Japanese and Korean multi-byte encodings, KOI8-R), else null so that the
   * guess below decides as before (it is right for Windows-1252, ISO-8859-2 and Windows-1251).
   */
  static Charset detected(byte[] b) {
    com.ibm.icu.text.CharsetDetector d = new com.ibm.icu.text.CharsetDetector();
    d.setText(b.length <= DETECT_BYTES ? b : java.util.Arrays.copyOf(b, DETECT_BYTES));
    com.ibm.icu.text.CharsetMatch m = d.detect();
    if (m == null || m.getConfidence() < MIN_CONFIDENCE || !DETECTED.contains(m.getName())) return null;
    Charset c = charsetFor(m.getName());
    return c;
  }

  private static boolean isUtf(Charset c) {
    return c.name().startsWith("UTF-");
  }

  static Charset bom(byte[] b) {
    // UTF-32's marks first: its little-endian one starts with UTF-16's
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) return UTF_32BE;
    if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) return UTF_32LE;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
    return null;
  }

  /** UTF-16 without a BOM: most odd (LE) or even (BE) bytes are NUL, the others almost never. */
  static Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, ReadLimits.SNIFF_BYTES) & ~1;
    if (n < 8) return null;
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      if (b[i] == 0) evenNul++;
      if (b[i + 1] == 0) oddNul++;
    }
    int pairs = n / 2;
    if (oddNul * 10 > pairs * 7 && evenNul * 20 < pairs) return StandardCharsets.UTF_16LE;
    if (evenNul * 10 > pairs * 7 && oddNul * 20 < pairs) return StandardCharsets.UTF_16BE;
    return null;
  }

  /** The charset an HTML meta tag or XML declaration in the first bytes names, or null. */
  static String declaredInside(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, ReadLimits.SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    if (m.find()) return m.group(1);
    m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** A supported charset for a name, with the web's aliases (Latin-1 and ASCII mean Windows-1252); else null. */
  static Charset charsetFor(String name) {
    if (name == null) return null;
    String n = name.strip().toLowerCase(Locale.ROOT);
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("latin-1") || n.equals("us-ascii")
        || n.equals("ascii") || n.equals("iso8859-1") || n.equals("iso_8859-1")) {
      return WINDOWS_1252;
    }
    if (n.equals("utf8")) return StandardCharsets.UTF_8;
    n = switch (n) {
      // browsers read these labels as the larger charset (WHATWG Encoding), and pages labelled so use its characters
      case "gb2312", "gb_2312-80", "gbk", "x-gbk" -> "GB18030";
      case "iso-8859-9", "latin5" -> "windows-1254";
      case "tis-620", "iso-8859-11" -> "x-windows-874";
      case "ks_c_5601-1987", "euc-kr" -> "x-windows-949";
      case "shift_jis", "sjis", "x-sjis" -> "windows-31j";
      default -> n;
    };
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252. */
  static String mixed(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length);
    int i = 0;
    while (i < b.length) {
      int len = Utf8Scan.sequenceLength(b, i);
      if (len > 0) {
        sb.append(new String(b, i, len, StandardCharsets.UTF_8));
        i += len;
      } else {
        sb.append(new String(b, i, 1, WINDOWS_1252));
        i++;
      }
    }
    return sb.toString();
  }

  /**
   * Single-byte guess. Windows-1251 (Cyrillic) when most letters are high bytes; ISO-8859-2 when many high bytes in the
   * A1..BF range touch letters (they are letters there: ł ś ż; symbols in Windows-1252); else Windows-1252, which
   * decodes ISO-8859-1 text identically and also covers its C1 range (curly quotes, dashes).
   */
  static Charset singleByteGuess(byte[] b) {
    int asciiLetters = 0;
    int high = 0;
    int highHighLetterPairs = 0;
    int letterAdjacentSymbols = 0;
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xff;
      if (c >= 0x80) {
        high++;
        if (i + 1 < b.length && (b[i + 1] & 0xff) >= 0xC0 && c >= 0xC0) highHighLetterPairs++;
        if (c >= 0xA1 && c <= 0xBF && c != 0xAB && c != 0xBB && c != 0xB0 && c != 0xB4 && c != 0xB7
            && ((i > 0 && isAsciiLetter(b[i - 1])) || (i + 1 < b.length && isAsciiLetter(b[i + 1])))) {
          letterAdjacentSymbols++;
        }
      } else if (isAsciiLetter(b[i])) {
        asciiLetters++;
      }
    }
    if (high > asciiLetters && highHighLetterPairs * 3 > high) return WINDOWS_1251;
    if (letterAdjacentSymbols >= 2 && letterAdjacentSymbols * 4 >= high) return ISO_8859_2;
    return WINDOWS_1252;
  }

  private static boolean isAsciiLetter(byte x) {
    return (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z');
  }

  /** One pass over bytes: invalid bytes, valid multibyte sequences, and where valid UTF-8 ends (a cut last char). */
  static final class Utf8Scan {
    int invalid;
    int multibyte;
    int validEnd;

    static Utf8Scan of(byte[] b) {
      Utf8Scan s = new Utf8Scan();
      int i = 0;
      s.validEnd = b.length;
      while (i < b.length) {
        int c = b[i] & 0xff;
        if (c < 0x80) {
          i++;
          continue;
        }
        int len = sequenceLength(b, i);
        if (len > 0) {
          s.multibyte++;
          i += len;
        } else if (isCutAtEnd(b, i)) {
          s.validEnd = i; // a character cut by truncation at the very end: drop it, not an encoding error
          break;
        } else {
          s.invalid++;
          i++;
        }
      }
      return s;
    }

    /** Length of the valid UTF-8 multibyte sequence starting at i, or 0. */
    static int sequenceLength(byte[] b, int i) {
      int c = b[i] & 0xff;
      int len;
      int min;
      if (c < 0x80) return 1;
      if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
      else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
      else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
      else return 0;
      if (i + len > b.length) return 0;
      int cp = c & (0xFF >> (len + 1));
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
      return len;
    }

    private static boolean isCutAtEnd(byte[] b, int i) {
      int c = b[i] & 0xff;
      int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (len == 0 || i + len <= b.length) return false;
      for (int k = i + 1; k < b.length; k++) if ((b[k] & 0xC0) != 0x80) return false;
      return true;
    }
  }
}
