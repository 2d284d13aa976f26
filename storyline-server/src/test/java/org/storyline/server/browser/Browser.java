package org.storyline.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (no browser or driver is downloaded). Browser
 * tests call {@link #assumeAvailable()} first: without Chromium they are skipped with a message saying what to
 * install, so {@code bin/mvn test} passes on a machine without a browser. Paths can be changed with the system
 * properties {@code storyline.chromium} and {@code storyline.chromedriver}; {@code -Dstoryline.browser=false} skips
 * the browser tests on purpose.
 */
public final class Browser {
  static final Path CHROMIUM = Path.of(System.getProperty("storyline.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("storyline.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  public static boolean available() {
    return !"false".equals(System.getProperty("storyline.browser")) && Files.isExecutable(CHROMIUM)
        && Files.isExecutable(DRIVER);
  }

  /** Skips the calling test class with a clear message when there is no Chromium. */
  public static void assumeAvailable() {
    if (!available()) {
      String why = "false".equals(System.getProperty("storyline.browser")) ? "-Dstoryline.browser=false"
          : "no " + (Files.isExecutable(CHROMIUM) ? DRIVER : CHROMIUM);
      System.err.println("browser tests SKIPPED (" + why + "): install Debian's chromium and chromium-driver "
          + "(apt-get install chromium chromium-driver) to run them");
    }
    Assumptions.assumeTrue(available(), "browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at "
        + DRIVER + " (apt-get install chromium chromium-driver)");
  }

  /** A headless Chromium with a {@code width} x {@code height} window. */
  public static ChromeDriver start(int width, int height) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--window-size=" + width + "," + height);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver d = new ChromeDriver(svc, o);
    d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    d.manage().window().setSize(new Dimension(width, height));
    return d;
  }

  /** Saves what the window shows as {@code target/screenshots/NAME.png} and returns its path. */
  public static Path viewport(ChromeDriver d, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path p = SCREENSHOTS.resolve(name + ".png");
    Files.write(p, d.getScreenshotAs(OutputType.BYTES));
    return p;
  }

  /** Saves a full-page screenshot as {@code target/screenshots/NAME.png} and returns its path. */
  public static Path screenshot(ChromeDriver d, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path p = SCREENSHOTS.resolve(name + ".png");
    // the whole page: stretch the window to the document height for the shot, then back
    Dimension before = d.manage().window().getSize();
    d.executeScript("window.scrollTo(0, 0)");
    Number h = (Number) d.executeScript("return Math.max(document.documentElement.scrollHeight, "
        + "document.body.scrollHeight)");
    d.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, Math.max(before.getHeight(),
        h.intValue() + 20))));
    try {
      Files.write(p, d.getScreenshotAs(OutputType.BYTES));
    } finally {
      d.manage().window().setSize(before);
    }
    return p;
  }
}
