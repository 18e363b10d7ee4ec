package org.shifrovka.sim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shifrovka.CipherSystem;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.StageId;
import org.shifrovka.lesson.SystemStageId;
import org.shifrovka.lesson.Value;
import org.shifrovka.lesson.VenonaStageId;
import org.shifrovka.lesson.VenonaWalkthrough;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.scenario.Scenario1949;

/**
 * The classroom page in a real headless Chromium (see {@link Browser}): what it shows is what the
 * library computed for the same seed, every control works, and nothing needs the network. One
 * browser and one server for the class; each test loads the page afresh (a new session).
 */
class ClassroomPageTest {
  static ClassroomServer server;
  static Browser browser;
  static final List<String> LOG = new java.util.concurrent.CopyOnWriteArrayList<>();

  WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    server = ClassroomServer.builder().port(0).log(LOG::add).start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void load() {
    wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    browser.driver.get(server.url());
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 1 of 14"));
    wait.until(d -> text("status").contains("delivered"));
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
  }

  private WebElement find(String id) {
    return browser.driver.findElement(By.id(id));
  }

  private String text(String id) {
    return find(id).getText();
  }

  @Test
  void everyStageShowsWhatTheLibraryComputedForTheSeed() throws Exception {
    Walkthrough w = Walkthrough.of(Scenario1949.withSeed(1949));
    WebElement body = browser.driver.findElement(By.tagName("body"));
    for (Stage s : w.stages()) {
      wait.until(ExpectedConditions.textToBe(By.id("stage-title"), s.number() + ". " + s.title()));
      assertThat(find("stage").getAttribute("data-stage-id")).isEqualTo(s.id().id());
      assertThat(text("stage-explanation")).isEqualTo(s.explanation());
      assertThat(digits("stage-input")).isEqualTo(digits(s.input()));
      assertThat(digits("stage-output")).isEqualTo(digits(s.output()));
      if (s.id() == StageId.ADDITIVE) {
        Value.Table worked = (Value.Table) s.output().get(0);
        List<List<String>> rows = cells("#stage-output table");
        assertThat(rows.subList(1, rows.size())).isEqualTo(worked.rows());
        find("stage-output").findElement(By.cssSelector(".next-digit")).click();
        assertThat(browser.driver.findElements(By.cssSelector("#stage-output td.pending")))
            .isNotEmpty();
        browser.screenshot("office-additive");
      }
      if (s.id() == StageId.REGISTER) {
        List<List<String>> rows = cells("#stage-output table");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0))
            .containsExactly("50450", "50470", "50490");
      }
      if (s.id() == StageId.CODE_GROUPS) {
        List<WebElement> groups = find("stage-output").findElements(By.cssSelector("li.group"));
        new Actions(browser.driver).moveToElement(groups.get(0)).perform();
        wait.until(d -> text("group-word").contains("= COMRADE"));
        groups.get(0).sendKeys(Keys.ARROW_RIGHT); // along the row by keyboard, not to a stage
        wait.until(d -> text("group-word").startsWith("group 2: " + groups.get(1)
            .getAttribute("data-digits")));
        assertThat(find("stage").getAttribute("data-stage-id")).isEqualTo("code-groups");
      }
      if (s.id() == StageId.PAD_SHEET) {
        WebElement indicator = find("stage-output")
            .findElement(By.cssSelector("li.group.mark-indicator"));
        assertThat(indicator.getText()).contains("#"); // marked by a symbol, not colour alone
      }
      if (s.id() == StageId.RADIOGRAM) {
        assertThat(text("stage-output")).contains("group count");
        browser.screenshot("office-radiogram");
      }
      if (s.id() == StageId.AIR) {
        assertThat(digits("stage-output")).isNotEmpty();
        browser.screenshot("office-air-stage");
      }
      if (s.id() == StageId.MORSE) {
        WebElement play = find("stage-output").findElement(By.cssSelector(".play-morse"));
        play.click(); // the server's WAV of the call-up line, keyed by the library
        Thread.sleep(1000);
        assertThat(play.getText()).isEqualTo("■ Stop");
        assertThat((Boolean) browser.driver.executeScript("return [...document.querySelectorAll"
            + "('audio')].length === 0")).isTrue(); // no element left in the page
        play.click();
        assertThat(play.getText()).isEqualTo("▶ Play the keying");
      }
      if (s.number() % 2 == 0) {
        body.sendKeys(Keys.ARROW_RIGHT); // the keyboard
      } else {
        find("next").click();
      }
    }
    assertThat(find("next").isEnabled()).isFalse();
    body.sendKeys(Keys.ARROW_LEFT);
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 13 of 14"));
  }

  @Test
  void theAirShowsTheRunWithItsRegistryNumbersAndTimes() throws Exception {
    find("tab-air").click();
    find("end").click();
    wait.until(d -> text("registers").contains("50490"));
    assertThat(text("registers")).contains("registered 50450", "registered 50470",
        "registered 50490");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#timeline tbody tr"));
    assertThat(rows.size()).isEqualTo(((Number) browser.driver.executeScript(
        "return window.shifrovka.outcome.events")).intValue());
    assertThat(rows.get(0).getText()).contains("1949-01-13 21:40:00", "16:40:00", "TEREBIN");
    assertThat(browser.driver.findElements(By.cssSelector("#seq .arrow"))).isNotEmpty();
    browser.screenshot("air");
    find("tab-air").sendKeys("l"); // large text for a projector
    assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class"))
        .contains("large");
    browser.screenshot("air-large-text");
  }

  @Test
  void clickingATelegramOpensItsStages() {
    find("tab-air").click();
    find("end").click();
    browser.driver.findElement(By.cssSelector("#timeline tr.ev-send[tabindex]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-office")));
    assertThat(find("stage").getAttribute("data-stage-id")).isEqualTo("radiogram");
  }

  @Test
  void playPauseAndStepMoveThroughTheEvents() {
    find("tab-air").click();
    find("pause").click();
    String before = text("progress");
    find("step").click();
    find("step").click();
    String after = text("progress");
    assertThat(after).isNotEqualTo(before);
    assertThat(browser.driver.findElements(By.cssSelector("#timeline tbody tr")).size())
        .isEqualTo(Integer.parseInt(after.split(" ")[0]));
  }

  @Test
  void aMessageOfOnesOwnIsEncipheredSentAndDelivered() {
    find("message").sendKeys("Send two hundred rifles to Harbin.");
    find("run").click();
    wait.until(d -> text("delivery").contains("HARBIN"));
    assertThat(text("delivery")).contains("✓ Delivered to FILIPPOV");
    assertThat(text("stage-title")).startsWith("1. ");
    assertThat((String) browser.driver.executeScript(
        "return window.shifrovka.walkthrough.message")).isEqualTo(
        "Send two hundred rifles to Harbin.");
  }

  @Test
  void anotherSystemsStagesRenderFromTheLibrary() throws Exception {
    new Select(find("system")).selectByValue("checkerboard+pad");
    find("message").sendKeys("Attack at dawn. Meet at 1949");
    find("run").click();
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 1 of 10"));
    Scenario1949 sc = Scenario1949.withSeed(1949);
    Walkthrough w = Walkthrough.builder().system(CipherSystem.CHECKERBOARD_PAD)
        .sender(sc.terebinOffice(PadLedger.inMemory(Scenario1949.filingClock())))
        .receiver(sc.moscowOffice()).seed(1949)
        .build("Attack at dawn. Meet at 1949", "<page>");
    assertThat((String) browser.driver.executeScript(
        "return window.shifrovka.walkthrough.system")).isEqualTo("checkerboard+pad");
    WebElement body = browser.driver.findElement(By.tagName("body"));
    for (Stage s : w.stages()) {
      wait.until(ExpectedConditions.textToBe(By.id("stage-title"), s.number() + ". " + s.title()));
      assertThat(text("stage-explanation")).isEqualTo(s.explanation());
      if (s.id() == SystemStageId.CHECKERBOARD) {
        assertThat(text("stage-input")).contains("A O N")
            .contains("Attack at dawn");
        assertThat(text("stage-output")).contains(((Value.Text) s.output().get(0)).text());
        browser.screenshot("office-checkerboard");
      }
      if (s.id() == SystemStageId.CHECKERBOARD_READ) {
        assertThat(text("stage-output")).contains("ATTACKATDAWN.MEETAT1949");
        browser.screenshot("office-checkerboard-read");
      }
      body.sendKeys(Keys.ARROW_RIGHT);
    }
    wait.until(d -> text("status").contains("delivered")); // the air ran the 1949 chain
    // the hand system: no office at all, its five stages
    new Select(find("system")).selectByValue("checkerboard+double-transposition");
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 1 of 5"));
    body.sendKeys(Keys.ARROW_RIGHT);
    wait.until(ExpectedConditions.textToBe(By.id("stage-title"),
        "2. The first transposition: the digits written under a key"));
    assertThat(text("stage-output")).contains("Z 6").contains("row 1");
    browser.screenshot("office-first-transposition");
    // VIC with the 1953 standing keys: the disrupted table, its areas marked
    find("message").clear();
    new Select(find("system")).selectByValue("vic");
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 1 of 7"));
    assertThat(text("stage-output")).contains("B 3 9 1 9 4"); // the date 391945 of 1953
    find("stage-list").findElement(By.cssSelector("button[data-stage=disrupted-transposition]"))
        .click();
    wait.until(d -> text("stage-title").startsWith("4. VIC's second transposition"));
    assertThat(text("stage-output")).contains("[");
    browser.screenshot("office-vic-disrupted");
  }

  @Test
  void theVenonaLessonWalksToTheMessageReadAndTheHonestLedger() throws Exception {
    new Select(find("system")).selectByValue("venona");
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 1 of "
        + VenonaStageId.values().length));
    VenonaWalkthrough lesson = VenonaWalkthrough.of(1949); // the page's seed
    assertThat((String) browser.driver.executeScript(
        "return window.shifrovka.walkthrough.lesson")).isEqualTo("venona");
    WebElement body = browser.driver.findElement(By.tagName("body"));
    for (Stage s : lesson.stages()) {
      wait.until(ExpectedConditions.textToBe(By.id("stage-title"), s.number() + ". " + s.title()));
      assertThat(find("stage").getAttribute("data-stage-id")).isEqualTo(s.id().id());
      assertThat(text("stage-explanation")).isEqualTo(s.explanation());
      assertThat(text("stage-sources")).isEqualTo(s.inferred()
          ? "Partly inferred: the sources do not settle every detail." : "");
      assertThat(digits("stage-input")).isEqualTo(digits(s.input()));
      assertThat(digits("stage-output")).isEqualTo(digits(s.output()));
      if (s.id() == VenonaStageId.INTERCEPT) {
        List<List<String>> rows = cells("#stage-input table");
        assertThat(rows.subList(1, rows.size())).isEqualTo(((Value.Table) s.input().get(0))
            .rows());
        browser.screenshot("office-venona-intercept");
      }
      if (s.id() == VenonaStageId.STRIP) {
        assertThat(find("stage-output").findElements(By.cssSelector("li.group.mark-special")))
            .isNotEmpty(); // a 0000: the same word in both telegrams
        browser.screenshot("office-venona-strip", find("stage-input"));
      }
      if (s.id() == VenonaStageId.READ) {
        String read = ((Value.Text) s.output().get(0)).text(); // the first telegram as read
        assertThat(text("stage-output")).contains("words recovered");
        List<String> shown = texts("#stage-output pre.text");
        assertThat(shown.get(0)).isEqualTo(read);
        browser.screenshot("office-venona-read");
        // on a projector: 1280 x 720, large text
        browser.driver.manage().window().setSize(new Dimension(1280, 720));
        body.sendKeys("l");
        browser.screenshot("office-venona-read-projector");
        browser.screenshot("office-venona-read-projector-out", find("stage-output"));
        body.sendKeys("l");
        browser.driver.manage().window().setSize(new Dimension(1400, 1000));
      }
      if (s.id() == VenonaStageId.HONEST_LEDGER) {
        assertThat(texts("#stage-output .field-value")).containsExactly(
            Integer.toString(lesson.honestFinding().depths().size()));
        assertThat(lesson.honestFinding().depths()).isEmpty(); // the pad holds
      }
      body.sendKeys(Keys.ARROW_RIGHT);
    }
    assertThat(find("next").isEnabled()).isFalse();
    wait.until(d -> text("status").contains("delivered")); // the air ran the 1949 chain
  }

  @Test
  void aMessageTheClerkCannotWriteIsExplained() {
    find("message").sendKeys("Send \u263a at once");
    find("run").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
    assertThat(text("errors")).contains("this message cannot be sent: ");
    wait.until(d -> text("status").contains("run 2: failed ✗"));
  }

  @Test
  void raisingALinksGarbleShowsARepeatRequestInTheSequenceDiagram() throws Exception {
    for (WebElement slider : browser.driver.findElements(By.cssSelector(
        ".link-row input[data-param=loss], .link-row input[data-param=garble]"))) {
      slider.sendKeys(Keys.HOME); // a clean chain: no garbles, no losses (each change runs again)
    }
    int clean = awaitLatestRun();
    assertThat(clean).isGreaterThan(1);
    find("tab-air").click();
    find("end").click();
    assertThat(browser.driver.findElements(By.cssSelector("#seq .arrow.request"))).isEmpty();
    find("link-TEREBIN-KUZNETSOV-garble").sendKeys(Keys.END); // the most garble the slider gives
    assertThat(awaitLatestRun()).isGreaterThan(clean);
    find("end").click();
    wait.until(d -> !d.findElements(By.cssSelector("#seq .arrow.request")).isEmpty());
    assertThat(find("seq").findElement(By.cssSelector(".arrow.request")).getText())
        .startsWith("✱");
    browser.screenshot("air-garbled");
  }

  /** Waits until the outcome of the last run the page asked for has arrived; returns its run. */
  private int awaitLatestRun() throws InterruptedException {
    Thread.sleep(400); // a change runs the chain after 300 ms
    return wait.until(d -> ((Number) browser.driver.executeScript("const s = window.shifrovka;"
        + " return s.outcome && s.outcome.run === s.sent ? s.sent : null;"))).intValue();
  }

  @Test
  void reusingAPadSheetRaisesTheDepthAlarmAtTheReceivingOffice() {
    find("reuse").click();
    find("run").click();
    wait.until(d -> text("delivery").contains("ALARM"));
    find("tab-air").click();
    find("end").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alarm")));
    assertThat(text("alarm")).contains("DEPTH ALARM at KUZNETSOV", "used twice");
  }

  @Test
  void aBadCommandIsShownAsAnErrorAndChangesNothing() {
    find("seed").clear();
    find("seed").sendKeys("-5");
    find("run").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
    assertThat(text("errors")).contains("\"seed\" must be a whole number");
    assertThat(text("status")).contains("run 1:");
  }

  @Test
  void closingTheTabEndsItsSessionOnTheServer() throws Exception {
    String first = browser.driver.getWindowHandle();
    long ended = server.sessions().ended();
    int active = server.sessions().active();
    browser.driver.switchTo().newWindow(WindowType.TAB);
    browser.driver.get(server.url());
    wait.until(d -> text("status").contains("connected") || text("status").contains("run"));
    assertThat(server.sessions().active()).isEqualTo(active + 1);
    browser.driver.close();
    browser.driver.switchTo().window(first);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.sessions().active() > active && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(server.sessions().active()).isEqualTo(active);
    assertThat(server.sessions().ended()).isGreaterThan(ended);
    assertThat(LOG).anyMatch(l -> l.matches("session \\d+ ended .*"));
  }

  @Test
  void thePageWorksWithEveryNonLoopbackRequestBlocked() {
    // the browser sends everything but loopback to a dead proxy: prove it, then use the page
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> browser.driver.get("http://example.com/"))
        .hasMessageContaining("ERR_PROXY_CONNECTION_FAILED");
    browser.consoleErrors(); // the failed load may be logged; it is not the page's
    browser.driver.get(server.url());
    wait.until(d -> text("status").contains("delivered"));
    find("next").click();
    wait.until(ExpectedConditions.textToBe(By.id("stage-counter"), "Stage 2 of 14"));
  }

  /** Returns the digits of every group the page shows in an element (one script, not 900 calls). */
  @SuppressWarnings("unchecked")
  private List<String> digits(String id) {
    return (List<String>) browser.driver.executeScript("return [...document.getElementById("
        + "arguments[0]).querySelectorAll('li.group')].map(g => g.dataset.digits)", id);
  }

  private static List<String> digits(List<Value> values) {
    List<String> out = new ArrayList<>();
    for (Value v : values) {
      if (v instanceof Value.Groups g) {
        out.addAll(g.digits());
      }
    }
    return out;
  }

  /** Returns the text content of every element a selector finds, in order. */
  @SuppressWarnings("unchecked")
  private List<String> texts(String selector) {
    return (List<String>) browser.driver.executeScript("return [...document.querySelectorAll("
        + "arguments[0])].map(e => e.textContent)", selector);
  }

  /** Returns the text of every cell of a table the page shows, row by row. */
  @SuppressWarnings("unchecked")
  private List<List<String>> cells(String table) {
    return (List<List<String>>) browser.driver.executeScript("return [...document.querySelector("
        + "arguments[0]).querySelectorAll('tr')].map(r => [...r.querySelectorAll('th, td')]"
        + ".map(c => c.textContent))", table);
  }
}
