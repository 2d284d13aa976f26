package org.storyline.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.storyline.dates.FeedDates;
import org.storyline.model.InputProblem;

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feed files ({@code .rss}, {@code .atom}, {@code .xml}, also gzipped); the kind is
 * told by the root element, so a {@code .xml} file that is no feed is reported, not misread. Each item or entry
 * becomes one raw document: its full content ({@code content:encoded}, Atom {@code content}) or else its summary
 * ({@code description}, {@code summary}); HTML format when that carries markup. Hints: the item link, title, author
 * ({@code author}, {@code dc:creator}, Atom {@code author/name}), date ({@code pubDate}, {@code published},
 * {@code dc:date}, {@code updated}; normalised to ISO 8601) and the feed title as outlet. The id is a hash of the
 * item link, else of its guid / Atom id.
 *
 * <p>Parsed with the JDK's streaming XML parser with DTDs and external entities off (no XXE); HTML entities such
 * as {@code &nbsp;} that feeds use without declaring them are resolved. A malformed feed keeps the items read before
 * the error and reports the rest.
 */
public final class FeedReader implements SourceReader {
  private static final String NS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String NS_DC = "http://purl.org/dc/elements/1.1/";
  private static final Pattern HAS_MARKUP = Pattern.compile(
      "</?(?:p|br|div|a|img|span|em|strong|b|i|u|ul|ol|li|h[1-6]|blockquote|table|tr|td|figure|figcaption|"
          + "iframe|section|article|pre|code|hr)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTHOR_EMAIL_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)\\s*$");

  @Override
  public boolean accepts(Path file) {
    String n = FileBytes.innerName(file);
    return n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".xml");
  }

  @Override
  public void read(Path file, Sink sink) throws IOException {
    String src = file.toString();
    String xml = DocumentFiles.decodeChecked(file, ReadLimits.MAX_FEED_BYTES, sink);
    if (xml == null) return;
    int lt = xml.indexOf('<');
    if (lt < 0) {
      sink.problem(new InputProblem(src, 0, xml.isBlank() ? "empty file" : "not XML", true));
      return;
    }
    parse(file, htmlEntitiesToNumeric(xml.substring(lt)), sink);
  }

  /**
   * Reads a feed already decoded into text (fetched over HTTP, for instance); {@code label} names it in problems and
   * in the fallback ids of items that have neither link nor guid. Same rules as {@link #read}.
   */
  public void readText(Path label, String xml, Sink sink) {
    int lt = xml.indexOf('<');
    if (lt < 0) {
      sink.problem(new InputProblem(label.toString(), 0, xml.isBlank() ? "empty feed" : "not XML", true));
      return;
    }
    parse(label, htmlEntitiesToNumeric(xml.substring(lt)), sink);
  }

  private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]{1,31});");

  /**
   * Feeds often use HTML entities ({@code &nbsp;}, {@code &eacute;}) that XML does not declare; with DTDs off the
   * parser would stop there. Outside CDATA sections they are rewritten as numeric references first.
   */
  static String htmlEntitiesToNumeric(String xml) {
    if (xml.indexOf('&') < 0) return xml;
    StringBuilder out = new StringBuilder(xml.length());
    int i = 0;
    while (i < xml.length()) {
      int cdata = xml.indexOf("<![CDATA[", i);
      int end = cdata < 0 ? xml.length() : cdata;
      var m = NAMED_ENTITY.matcher(xml).region(i, end);
      int last = i;
      while (m.find()) {
        String name = m.group(1);
        String v = switch (name) {
          case "amp", "lt", "gt", "quot", "apos" -> null;
          default -> Entities.getByName(name);
        };
        if (v == null || v.isEmpty()) continue;
        out.append(xml, last, m.start());
        v.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        last = m.end();
      }
      out.append(xml, last, end);
      if (cdata < 0) break;
      int close = xml.indexOf("]]>", cdata);
      int stop = close < 0 ? xml.length() : close + 3;
      out.append(xml, cdata, stop);
      i = stop;
    }
    return out.toString();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return f;
  }

  private void parse(Path file, String xml, Sink sink) {
    String src = file.toString();
    List<El> items = new ArrayList<>();
    String feedTitle = null;
    String feedLink = null;
    boolean atom = false;
    String error = null;
    int errorLine = 0;
    XMLStreamReader x = null;
    try {
      x = factory().createXMLStreamReader(new StringReader(xml));
      while (x.hasNext() && x.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog
      }
      if (!x.isStartElement()) {
        sink.problem(new InputProblem(src, 0, "not XML: no root element", true));
        return;
      }
      String root = x.getLocalName().toLowerCase(Locale.ROOT);
      if (!root.equals("rss") && !root.equals("feed") && !root.equals("rdf")) {
        sink.problem(new InputProblem(src, 0, "not an RSS or Atom feed (root element <" + x.getLocalName() + ">)",
            true));
        return;
      }
      atom = root.equals("feed");
      List<String> stack = new ArrayList<>();
      stack.add(root);
      while (x.hasNext() && !stack.isEmpty()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          String parent = stack.get(stack.size() - 1);
          if (name.equals("item") || (atom && name.equals("entry"))) {
            items.add(readElement(x));
          } else if (name.equals("title") && feedTitle == null
              && (parent.equals("channel") || (atom && parent.equals("feed")))) {
            feedTitle = plain(readElement(x));
          } else if (name.equals("link") && feedLink == null
              && (parent.equals("channel") || (atom && parent.equals("feed")))) {
            El l = readElement(x);
            String href = l.attrs.get("href");
            String rel = l.attrs.get("rel");
            if (href == null) feedLink = blankToNull(l.text().strip());
            else if (rel == null || rel.equals("alternate")) feedLink = blankToNull(href.strip());
          } else {
            stack.add(name);
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          stack.remove(stack.size() - 1);
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
      errorLine = x == null || x.getLocation() == null ? 0 : Math.max(0, x.getLocation().getLineNumber());
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // nothing to release for a string source
        }
      }
    }
    if (error != null) {
      sink.problem(new InputProblem(src, errorLine, "malformed feed: " + error + "; kept the " + items.size()
          + " items read before the error", items.isEmpty()));
    } else if (items.isEmpty()) {
      sink.problem(new InputProblem(src, 0, "feed has no items", true));
    }
    int n = 0;
    for (El item : items) {
      n++;
      emit(file, n, item, atom, blankToNull(feedTitle), feedLink, sink);
    }
  }

  private static void emit(Path file, int n, El item, boolean atom, String outlet, String feedLink, Sink sink) {
    String src = file + ":" + item.line;
    String title = blankToNull(plain(item.first(null, "title")));
    String link = null;
    for (El l : item.all("link")) {
      String href = l.attrs.get("href");
      if (href == null) {
        if (link == null) link = blankToNull(l.text().strip());
      } else {
        String rel = l.attrs.get("rel");
        if (link == null && (rel == null || rel.equals("alternate"))) link = blankToNull(href.strip());
      }
    }
    link = absolute(link, feedLink);
    El guidEl = item.first(null, atom ? "id" : "guid");
    String guid = guidEl == null ? null : blankToNull(guidEl.text().strip());
    if (link == null && guid != null && guidEl != null && !"false".equals(guidEl.attrs.get("isPermaLink"))
        && guid.startsWith("http")) {
      link = guid;
    }
    String author = null;
    El a = item.first(null, "author");
    if (a != null) {
      El name = a.first(null, "name");
      author = blankToNull(name != null ? name.text().strip() : a.text().strip());
      if (author != null) {
        var m = AUTHOR_EMAIL_NAME.matcher(author);
        if (m.matches()) author = m.group(1).strip();
      }
    }
    if (author == null) author = blankToNull(text(item.first(NS_DC, "creator")));
    String date = null;
    for (String[] d : new String[][] {{null, "pubDate"}, {null, "published"}, {NS_DC, "date"}, {null, "updated"},
        {null, "issued"}, {null, "modified"}}) {
      El e = item.first(d[0], d[1]);
      if (e != null && (date = FeedDates.normalize(e.text())) != null) break;
    }
    El body = item.first(NS_CONTENT, "encoded");
    if (isBlank(body) && atom) body = item.first(null, "content");
    if (isBlank(body)) body = item.first(null, "description");
    if (isBlank(body)) body = item.first(null, "summary");
    if (isBlank(body)) {
      sink.problem(new InputProblem(file.toString(), item.line, "feed item " + n + " has no content"
          + (title != null ? " (" + title + ")" : ""), true));
      return;
    }
    String type = body.attrs.getOrDefault("type", "").toLowerCase(Locale.ROOT);
    String content = body.inner();
    boolean html = type.contains("html") || (!type.equals("text") && HAS_MARKUP.matcher(content).find());
    String id = link != null ? Ids.fromUrl(link) : guid != null ? Ids.fromUrl(guid) : Ids.fromFile(file) + "-" + n;
    var hints = new RawDocument.Hints(link, title, outlet, author, date);
    if (html) {
      String page = "<html><head><title>" + (title == null ? "" : Entities.escape(title)) + "</title></head><body>"
          + "<article>" + content + "</article></body></html>";
      sink.document(new RawDocument(id, src, RawDocument.Format.HTML, page, hints));
    } else {
      sink.document(new RawDocument(id, src, RawDocument.Format.TEXT, content.strip(), hints));
    }
  }

  /** A relative item link resolved against the feed's own link; left as is when that cannot be done. */
  static String absolute(String link, String base) {
    if (link == null || base == null || link.contains("://")) return link;
    try {
      return java.net.URI.create(base).resolve(link).toString();
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  private static boolean isBlank(El e) {
    return e == null || e.attrs.containsKey("src") || e.inner().isBlank();
  }

  private static String text(El e) {
    return e == null ? null : e.text().strip();
  }

  /** Element text without markup (an Atom title of type html, a title with entities). */
  private static String plain(El e) {
    if (e == null) return null;
    String t = e.inner();
    if (t.indexOf('<') >= 0 || t.indexOf('&') >= 0) t = Jsoup.parse(t).text();
    return t.strip().replaceAll("\\s+", " ");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Reads the element the reader is on, with its subtree, into a small tree; leaves the reader on its end tag. */
  private static El readElement(XMLStreamReader x) throws XMLStreamException {
    El root = new El(x.getNamespaceURI(), x.getLocalName(), attrs(x), x.getLocation().getLineNumber());
    List<El> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      int ev = x.next();
      El top = stack.get(stack.size() - 1);
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          El c = new El(x.getNamespaceURI(), x.getLocalName(), attrs(x), x.getLocation().getLineNumber());
          top.kids.add(c);
          stack.add(c);
        }
        case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            top.kids.add(x.getText());
        case XMLStreamConstants.ENTITY_REFERENCE -> top.kids.add(entity(x));
        default -> {
          // comments, processing instructions
        }
      }
    }
    return root;
  }

  private static String entity(XMLStreamReader x) {
    String t = x.getText();
    if (t != null && !t.isEmpty()) return t;
    String v = Entities.getByName(x.getLocalName());
    return v == null || v.isEmpty() ? "&" + x.getLocalName() + ";" : v;
  }

  private static Map<String, String> attrs(XMLStreamReader x) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < x.getAttributeCount(); i++) m.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
    return m;
  }

  /** A parsed element: namespace, local name, attributes, children (Strings for text, El for elements). */
  private static final class El {
    final String ns;
    final String name;
    final Map<String, String> attrs;
    final int line;
    final List<Object> kids = new ArrayList<>();

    El(String ns, String name, Map<String, String> attrs, int line) {
      this.ns = ns == null ? "" : ns;
      this.name = name;
      this.attrs = attrs;
      this.line = line;
    }

    /** First child with this local name (and namespace, when given). */
    El first(String namespace, String local) {
      for (Object k : kids) {
        if (k instanceof El e && e.name.equals(local) && (namespace == null || namespace.equals(e.ns))) return e;
      }
      return null;
    }

    List<El> all(String local) {
      List<El> out = new ArrayList<>();
      for (Object k : kids) if (k instanceof El e && e.name.equals(local)) out.add(e);
      return out;
    }

    /** All text below, without markup. */
    String text() {
      StringBuilder sb = new StringBuilder();
      appendText(sb);
      return sb.toString();
    }

    private void appendText(StringBuilder sb) {
      for (Object k : kids) {
        if (k instanceof String s) sb.append(s);
        else ((El) k).appendText(sb);
      }
    }

    /** The content as markup: own text as is (escaped HTML in RSS), child elements serialised (inline XHTML). */
    String inner() {
      StringBuilder sb = new StringBuilder();
      for (Object k : kids) {
        if (k instanceof String s) sb.append(s);
        else ((El) k).serialize(sb);
      }
      return sb.toString();
    }

    private void serialize(StringBuilder sb) {
      sb.append('<').append(name);
      for (var e : attrs.entrySet()) {
        sb.append(' ').append(e.getKey()).append("=\"").append(Entities.escape(e.getValue())).append('"');
      }
      sb.append('>');
      for (Object k : kids) {
        if (k instanceof String s) sb.append(Entities.escape(s));
        else ((El) k).serialize(sb);
      }
      sb.append("</").append(name).append('>');
    }
  }
}
