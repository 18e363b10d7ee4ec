package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar shifrovka.jar serve} as a teacher starts it: it prints the URL, serves the page,
 * warns when bound beyond loopback, and stops cleanly on SIGTERM (what Ctrl-C's SIGINT does too:
 * the JVM runs the shutdown hook).
 */
class ServeCommandIT {
  @TempDir Path dir;

  @Test
  void servesThePageAndStopsCleanly() throws Exception {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = Jar.start(dir, out, err, "serve", "--port", "0");
    try {
      String url = awaitUrl(out, err);
      assertThat(url).startsWith("http://127.0.0.1:");
      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("shifrovka");
      assertThat(Files.readString(err)).doesNotContain("warning");
    } finally {
      p.destroy();
    }
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped").isTrue();
    assertThat(Files.readString(err)).contains("classroom server stopped");
  }

  @Test
  void bindingBeyondLoopbackWarns() throws Exception {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = Jar.start(dir, out, err, "serve", "--port", "0", "--bind", "0.0.0.0");
    try {
      awaitUrl(out, err);
      assertThat(Files.readString(err)).contains("warning: listening on 0.0.0.0: the page is"
          + " open to the network");
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static String awaitUrl(Path out, Path err) throws Exception {
    Pattern url = Pattern.compile("open (http://\\S+) in a browser");
    for (int i = 0; i < 300; i++) {
      Matcher m = url.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no URL printed; err: " + Files.readString(err));
  }
}
