package org.shifrovka.sim.classroom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The Debian {@code chromium} and {@code chromium-driver} packages, headless, for the page's
 * tests: one browser per test class. Every request to anything but loopback goes to a proxy that
 * does not exist, so the page is always tested with no network.
 *
 * <p>Without Chromium the tests are skipped with the install command; with
 * {@code SHIFROVKA_REQUIRE_BROWSER=1} (set by {@code .ci/run}) a missing browser fails instead.
 */
final class Browser implements AutoCloseable {
  static final String INSTALL = "apt-get install -y chromium chromium-driver";
  /** A port nothing listens on: the proxy every non-loopback request is sent to. */
  static final String DEAD_PROXY = "127.0.0.1:9";

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips (or, in CI, fails) the test when it is not installed. */
  static Browser start() throws IOException {
    Path chromium = Path.of(System.getProperty("shifrovka.chromium", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("shifrovka.chromedriver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
      String why = "no headless Chromium (" + chromium + ", " + driver + "): install it with '"
          + INSTALL + "' to run the browser tests";
      if ("1".equals(System.getenv("SHIFROVKA_REQUIRE_BROWSER"))) {
        fail(why + " (SHIFROVKA_REQUIRE_BROWSER=1: a skipped browser test fails)");
      }
      System.err.println("browser tests skipped: " + why);
      Assumptions.abort(why);
    }
    Path profile = Files.createTempDirectory("shifrovka-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=1400,1000", "--proxy-server=" + DEAD_PROXY,
        "--autoplay-policy=no-user-gesture-required");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(d, profile);
  }

  /** Returns (and drains) the console's errors since the last call. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString).toList();
  }

  /** Saves a screenshot of the window to {@code target/screenshots/name.png}. */
  Path screenshot(String name) throws IOException {
    driver.executeScript("window.scrollTo(0, 0)");
    return save(name);
  }

  /** Saves a screenshot of the window scrolled so that an element is at its top. */
  Path screenshot(String name, org.openqa.selenium.WebElement at) throws IOException {
    driver.executeScript("arguments[0].scrollIntoView(true)", at);
    return save(name);
  }

  private Path save(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path to = dir.resolve(name + ".png");
    Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
