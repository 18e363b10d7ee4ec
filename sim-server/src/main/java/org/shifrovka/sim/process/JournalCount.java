package org.shifrovka.sim.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.journal.JournalCodec;

/**
 * Counts, from the journals of a chain's stations (read-only, while they run or after), what the
 * crash test asks: messages delivered at the addressee and how many times, and any serial, pad
 * indicator or registry number used twice.
 *
 * @param delivered distinct messages delivered at the addressee
 * @param duplicates deliveries beyond the first of a message
 * @param reused serials, indicators or registry numbers used twice, described
 */
public record JournalCount(int delivered, int duplicates, List<String> reused) {
  /** Copies the list. */
  public JournalCount {
    reused = List.copyOf(reused);
  }

  /**
   * Reads the journals {@code dir/NAME/NAME.journal} of {@code stations}, the last the addressee.
   *
   * @throws IOException if a journal cannot be read
   */
  public static JournalCount of(Path dir, List<String> stations) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : stations) {
      files.add(dir.resolve(name).resolve(name + ".journal"));
    }
    return of(files);
  }

  /**
   * Reads the journal files {@code NAME.journal} of a chain's stations, the last the addressee's.
   *
   * @throws IOException if a journal cannot be read
   */
  public static JournalCount of(List<Path> journals) throws IOException {
    Set<String> delivered = new HashSet<>();
    int duplicates = 0;
    List<String> reused = new ArrayList<>();
    Path addressee = journals.get(journals.size() - 1);
    for (Path file : journals) {
      String name = file.getFileName().toString().replaceFirst("\\.journal$", "");
      Map<String, String> serials = new HashMap<>();
      Map<String, Integer> indicators = new HashMap<>();
      Map<Integer, String> numbers = new HashMap<>();
      for (JournalRecord r : read(file)) {
        List<JournalRecord.Sent> sent = List.of();
        if (r instanceof JournalRecord.Filed f) {
          sent = f.telegrams();
        } else if (r instanceof JournalRecord.Completed c) {
          sent = c.forwarded();
          if (file.equals(addressee) && !delivered.add(c.reference())) {
            duplicates++;
          }
        } else if (r instanceof JournalRecord.Registered g) {
          String telegram = g.from() + "/" + g.serial();
          String before = numbers.putIfAbsent(g.registryNumber(), telegram);
          if (before != null && !before.equals(telegram)) {
            reused.add(name + " registry number " + g.registryNumber() + ": " + before + ", "
                + telegram);
          }
        }
        for (JournalRecord.Sent s : sent) {
          String key = s.to() + " " + s.header().number();
          String before = serials.putIfAbsent(key, s.header().reference());
          if (before != null) {
            reused.add(name + "->" + key + " serial used twice");
          }
          if (!s.header().clear() && s.groups().length >= WireFormat.GROUP) {
            String ind = s.to() + " " + new String(s.groups(), 0, WireFormat.GROUP,
                StandardCharsets.US_ASCII);
            Integer b = indicators.putIfAbsent(ind, s.header().number());
            if (b != null) {
              reused.add(name + "->" + ind + " pad indicator used twice");
            }
          }
        }
      }
    }
    return new JournalCount(delivered.size(), duplicates, reused);
  }

  private static List<JournalRecord> read(Path file) throws IOException {
    List<JournalRecord> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath()
        + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT kind, body FROM journal ORDER BY lsn")) {
      while (rs.next()) {
        out.add(JournalCodec.decode(rs.getInt(1), rs.getBytes(2)));
      }
    } catch (SQLException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
