package org.storyline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.storyline.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storyline.model.Story;
import org.storyline.store.Library;

/**
 * From the command line, against a local fixture site: {@code sources add} and {@code follow --once} fill a store
 * whose stories are those an {@code analyze} of the same pages finds.
 */
class FollowCommandTest {
  @TempDir Path dir;

  private static final String[][] FLOOD = {
      {"River Alder floods Port Alder", "The river Alder burst its banks on Monday and flooded the lower town of "
          + "Port Alder, forcing hundreds of residents from their homes, the mayor Jane Holt said.",
          "Emergency crews used boats to reach families trapped by the flood water in the lower town."},
      {"Port Alder flood: mayor asks for pumps", "Mayor Jane Holt asked the government for pumps and soldiers after "
          + "the river Alder flooded the lower town of Port Alder on Monday.",
          "\"We need pumps and we need them now,\" Holt said as the flood water kept rising in Port Alder."},
      {"Flood water recedes in Port Alder", "The flood water in Port Alder began to recede on Wednesday, two days "
          + "after the river Alder burst its banks and flooded the lower town, mayor Jane Holt said.",
          "Residents of the lower town of Port Alder returned to clean mud from their homes after the flood."}};
  private static final String[][] VOTE = {
      {"Northbay votes for a new council", "Voters in Northbay elected a new city council on Sunday, with the Green "
          + "list of Maria Costa winning nine of the fifteen council seats in the election.",
          "Turnout in the Northbay council election reached 61 percent, the highest in two decades."},
      {"Maria Costa claims victory in Northbay election", "Maria Costa claimed victory in the Northbay council "
          + "election after her Green list won nine of fifteen seats on Sunday.",
          "\"Northbay voted for change,\" Costa told supporters after the council election results came in."},
      {"Northbay council election: turnout record", "Turnout in Sunday's Northbay council election was 61 percent, "
          + "a record that helped Maria Costa's Green list to nine of fifteen council seats.",
          "Election officials in Northbay said counting of the council ballots finished before midnight."}};

  private static String page(String[] a) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + a[0] + "</title></head><body><article><h1>"
        + a[0] + "</h1><p>" + a[1] + "</p><p>" + a[2] + "</p></article></body></html>";
  }

  @Test
  void sourcesAddThenFollowOnceFillAStoreWithTheStoriesAnalyzeFinds() throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    int i = 0;
    for (String[][] set : new String[][][] {FLOOD, VOTE}) for (String[] a : set) pages.put("/n/" + (i++) + ".html", page(a));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fixture News"
        + "</title><link>" + base + "/</link>");
    int day = 1;
    for (String p : pages.keySet()) {
      feed.append("<item><title>t</title><link>").append(base).append(p).append("</link><pubDate>Mon, 0")
          .append(day).append(" Jun 2026 09:00:00 GMT</pubDate></item>");
      day = day % 3 + 1;
    }
    String rss = feed.append("</channel></rss>").toString();
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      String body = path.equals("/feed.xml") ? rss : pages.get(path);
      byte[] b = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", path.endsWith(".xml") ? "application/rss+xml" : "text/html");
      ex.sendResponseHeaders(body == null ? 404 : 200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    server.start();
    Path data = dir.resolve("data");
    try {
      CliRun added = run("sources", "add", base + "/feed.xml", "--name", "fixture", "--every", "15m", "--data",
          data.toString());
      assertEquals(0, added.exit(), added.err());
      CliRun followed = run("follow", "--once", "--no-embeddings", "--data", data.toString());
      assertEquals(0, followed.exit(), followed.err());
      assertTrue(followed.out().contains("6 new articles"), followed.out() + followed.err());
      CliRun listed = run("sources", "list", "--data", data.toString());
      assertTrue(listed.out().contains("items 6") && listed.out().contains("(fixture)"), listed.out());
      CliRun again = run("follow", "--once", "--no-embeddings", "--data", data.toString());
      assertTrue(again.out().contains("0 pages fetched, 0 new articles"), again.out());
    } finally {
      server.stop(0);
    }

    // the same pages, as files, through analyze
    Path files = Files.createDirectories(dir.resolve("pages"));
    for (var e : pages.entrySet()) Files.writeString(files.resolve(e.getKey().substring(3)), e.getValue());
    Path report = dir.resolve("report.json");
    CliRun analyzed = run("analyze", "--no-embeddings", "--out", report.toString(), files.toString());
    assertEquals(0, analyzed.exit(), analyzed.err());
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    Map<String, String> titleById = new HashMap<>();
    for (JsonNode a : r.get("articles")) titleById.put(a.get("id").asText(), a.get("title").asText());
    Set<Set<String>> analyzeStories = new HashSet<>();
    for (JsonNode s : r.get("stories")) {
      Set<String> titles = new TreeSet<>();
      for (JsonNode a : s.get("articles")) titles.add(titleById.get(a.asText()));
      analyzeStories.add(titles);
    }

    Set<Set<String>> storeStories = new HashSet<>();
    try (Library lib = Library.openReadOnly(data, false)) {
      for (Story s : lib.snapshot().stories()) {
        Set<String> titles = new TreeSet<>();
        for (String id : s.articles()) titles.add(lib.store().get(id).orElseThrow().title());
        storeStories.add(titles);
      }
    }
    assertEquals(analyzeStories, storeStories);
    assertEquals(2, storeStories.size(), storeStories.toString());
  }
}
