package org.storyline.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class RawTextStripperTest {
  /** The parsed page with every HTML script/style body emptied (not in svg or math, where they are kept). */
  private static String shape(String html) {
    Document d = Jsoup.parse(html);
    for (var e : d.select("script, style")) {
      boolean ld = e.attr("type").toLowerCase(java.util.Locale.ROOT).contains("ld+json");
      boolean foreign = e.parents().stream().anyMatch(a -> a.nameIs("svg") || a.nameIs("math"));
      if (!ld && !foreign && !e.data().contains("<!--")) e.dataNodes().forEach(DataNode::remove);
    }
    return d.outerHtml();
  }

  @Test
  void emptiesScriptAndStyleBodiesKeepingJsonLd() {
    String html = "<html><head><style>p{color:red}</style><script type=\"application/ld+json\">{\"a\":1}</script>"
        + "<SCRIPT>var s = '<p>not markup</p>';</SCRIPT ></head><body><p>Text</p></body></html>";
    String s = RawTextStripper.strip(html);
    assertTrue(s.contains("{\"a\":1}") && !s.contains("color:red") && !s.contains("not markup"), s);
    assertEquals(shape(html), Jsoup.parse(s).outerHtml());
    // the type may be written with character references
    String encoded = "<script type=\"application/ld&#x2B;json\">{\"b\":2}</script>";
    assertSame(encoded, RawTextStripper.strip(encoded));
  }

  @Test
  void parsesTheSameAsTheWholePage() {
    List<String> pages = List.of(
        "<p>a</p><script>if (a < b && c > d) x = '</scr' + 'ipt>';</script><p>b</p>",
        "<div data-x=\"<script>\">one</div><p title='a > b <style>'>two</p><style>.x{}</style><p>three</p>",
        "<!-- <script> --><p>one</p><script>1</script><!-- </script> --><p>two</p>",
        "<textarea><script>kept as text</script></textarea><p>after</p><script>gone()</script>",
        "<title>a <style> b</title><p>x</p><style>y</style>",
        "<svg><style>.a{fill:red}</style><script>svg()</script><text>t</text></svg><script>html()</script><p>z</p>",
        "<script>document.write('<!-- <script>inner()</script> -->');</script><p>after</p>",
        "<script src=\"a.js\"/><p>self-closed?</p><script>b()</script><p>end</p>",
        "<p>broken <div class=\"x>text</div>",
        "<script type=text/javascript>a()</script  ><p>spaced end tag</p>",
        "<noscript><p>no script</p></noscript><style media=\"print\">@page{}</style>");
    for (String p : pages) assertEquals(shape(p), Jsoup.parse(RawTextStripper.strip(p)).outerHtml(), p);
  }

  @Test
  void untouchedPagesAreReturnedAsIs() {
    String html = "<html><body><p>Nothing to strip</p><script></script></body></html>";
    assertSame(html, RawTextStripper.strip(html));
    // an unclosed script is left alone (the parser decides what it holds)
    String unclosed = "<p>unclosed <script>var a = 1;";
    assertSame(unclosed, RawTextStripper.strip(unclosed));
  }
}
