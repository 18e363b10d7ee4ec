package org.shifrovka.sim.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.shifrovka.internal.SafeText;
import org.shifrovka.sim.core.JournalDeliveries;

/**
 * The addressee's output of deliveries ({@code NAME.deliveries} beside the journal): one JSON line
 * per message delivered here, each message once, across crashes.
 *
 * <p>The file is the journal's: written only by the station that holds the journal's lock, a line
 * only after its delivery's {@code Completed} record is durable, and completed from the journal at
 * every start. So a crash between the journal's commit and the line loses nothing (the line is
 * written at the restart, marked {@code "recovered":true}), and a crash after the line repeats
 * nothing (a message whose reference the file holds is not written again). A torn last line, or
 * anything from the first line that is not a delivery line on, is cut off at the start (logged)
 * and written again from the journal. The file is not synced line by line: the journal is durable,
 * and the file is a copy of what it holds, redone from it after any crash.
 *
 * <p>Each line: {@code {"reference":"TEREBIN/15","registryNumbers":["0100"],"filedAt":N,
 * "deliveredAt":N,"text":"..."}} (times in nanoseconds since 1970; {@code deliveredAt} of a
 * recovered line is when it was written). Not thread-safe: the station's office thread uses it.
 */
final class DeliveryOutput implements AutoCloseable {
  /** Where a test may stop the station on the way (to kill it there); a no-op otherwise. */
  interface Pause {
    /** Called with {@code "committed"} before a line is written, {@code "written"} after. */
    void at(String point, String reference);

    Pause NONE = (point, reference) -> { };
  }

  private static final System.Logger LOG = System.getLogger(DeliveryOutput.class.getName());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;
  private final Pause pause;
  private final Set<String> written = new HashSet<>();
  private FileChannel out;

  private DeliveryOutput(Path file, Pause pause) {
    this.file = file;
    this.pause = pause;
  }

  /**
   * Opens (or, on the first delivery, creates) the output {@code file} and reads the references
   * it holds, cutting off a torn or damaged tail.
   *
   * @throws IOException if it cannot be read or cut (the message names the file)
   */
  static DeliveryOutput open(Path file, Pause pause) throws IOException {
    DeliveryOutput o = new DeliveryOutput(file, pause);
    if (Files.exists(file)) {
      o.read();
    }
    return o;
  }

  private void read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(file + ": cannot read the output of deliveries: " + e.getMessage(), e);
    }
    int good = 0;
    int line = 0;
    String bad = null;
    while (good < bytes.length) {
      int end = good;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      line++;
      if (end == bytes.length) {
        bad = "line " + line + " has no line end (torn by a crash)";
        break;
      }
      String reference = reference(new String(bytes, good, end - good, StandardCharsets.UTF_8));
      if (reference == null) {
        bad = "line " + line + " is not a delivery line";
        break;
      }
      written.add(reference);
      good = end + 1;
    }
    if (bad != null) {
      LOG.log(System.Logger.Level.WARNING, "{0}: {1}; cut {2} bytes from there on; what they held"
          + " is written again from the journal", file, bad, bytes.length - good);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
        ch.force(true);
      } catch (IOException e) {
        throw new IOException(file + ": cannot cut the damaged tail of the output of deliveries: "
            + e.getMessage(), e);
      }
    }
  }

  /** The reference of a delivery line, or null if it is not one. */
  private static String reference(String line) {
    try {
      JsonNode n = MAPPER.readTree(line);
      return n != null && n.isObject() && n.path("reference").isTextual()
          && n.path("text").isTextual() ? n.get("reference").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns how many messages the output holds. */
  int size() {
    return written.size();
  }

  /**
   * Writes the deliveries the journal holds and the output does not (a crash came between the
   * journal's commit and the line), in the journal's order, and tells {@code tell} of each.
   *
   * @param journal the deliveries the journal holds
   * @param now the time to write as their delivery time
   * @return how many were written
   */
  int complete(List<JournalDeliveries.Delivered> journal, long now,
      Consumer<ProcessStation.Delivery> tell) {
    int n = 0;
    for (JournalDeliveries.Delivered d : journal) {
      if (!written.contains(d.reference())) {
        if (write(new ProcessStation.Delivery(d.reference(), d.text(), d.registryNumbers(),
            d.filedAt(), now), true, tell)) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Writes a delivery whose journal record is durable, unless the output holds its message
   * already, then tells {@code tell}.
   *
   * @return true if it was written
   */
  boolean deliver(ProcessStation.Delivery d, Consumer<ProcessStation.Delivery> tell) {
    return !written.contains(d.reference()) && write(d, false, tell);
  }

  private boolean write(ProcessStation.Delivery d, boolean recovered,
      Consumer<ProcessStation.Delivery> tell) {
    pause.at("committed", d.reference());
    try {
      if (out == null) {
        out = open();
      }
      ByteBuffer line = ByteBuffer.wrap(line(d, recovered).getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        out.write(line);
      }
    } catch (IOException e) {
      // the journal holds the delivery: the next start writes it
      LOG.log(System.Logger.Level.ERROR, "{0}: cannot write the delivery of {1}: {2}; it is"
          + " written at the next start, from the journal", file, SafeText.of(d.reference(), 64),
          SafeText.of(String.valueOf(e.getMessage())));
      return false;
    }
    written.add(d.reference());
    pause.at("written", d.reference());
    tell.accept(d);
    return true;
  }

  private FileChannel open() throws IOException {
    if (!Files.exists(file)
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------"))); // deciphered texts: the owner's only
    }
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  static String line(ProcessStation.Delivery d, boolean recovered) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("reference", d.reference());
    ArrayNode regs = o.putArray("registryNumbers");
    d.registryNumbers().forEach(regs::add);
    o.put("filedAt", d.filedAt());
    o.put("deliveredAt", d.deliveredAt());
    if (recovered) {
      o.put("recovered", true);
    }
    o.put("text", d.text());
    return o + "\n";
  }

  /** Syncs and closes the file. */
  @Override
  public void close() throws IOException {
    if (out != null) {
      try {
        out.force(true);
      } finally {
        out.close();
        out = null;
      }
    }
  }
}
