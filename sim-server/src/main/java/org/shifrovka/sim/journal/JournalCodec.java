package org.shifrovka.sim.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.core.JournalRecord;

/**
 * The bytes of a {@link JournalRecord} in a journal: a kind byte, then the fields in order
 * (strings as modified UTF-8, groups with their length). Version 1; a reader refuses a kind it
 * does not know.
 */
public final class JournalCodec {
  static final int FILED = 1;
  static final int REGISTERED = 2;
  static final int ACKNOWLEDGED = 3;
  static final int GAVE_UP = 4;
  static final int COMPLETED = 5;

  private JournalCodec() {}

  /** Returns the kind byte of a record. */
  public static int kind(JournalRecord r) {
    if (r instanceof JournalRecord.Filed) {
      return FILED;
    } else if (r instanceof JournalRecord.Registered) {
      return REGISTERED;
    } else if (r instanceof JournalRecord.Acknowledged) {
      return ACKNOWLEDGED;
    } else if (r instanceof JournalRecord.GaveUp) {
      return GAVE_UP;
    }
    return COMPLETED;
  }

  /** Returns the bytes of a record (its kind is stored beside them). */
  public static byte[] encode(JournalRecord r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (r instanceof JournalRecord.Filed f) {
        out.writeUTF(f.reference());
        out.writeUTF(f.source());
        sent(out, f.telegrams());
      } else if (r instanceof JournalRecord.Registered g) {
        out.writeUTF(g.from());
        out.writeInt(g.serial());
        out.writeInt(g.registryNumber());
        header(out, g.header());
        out.writeInt(g.indicator());
        byte[] copy = g.copy().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(copy.length);
        out.write(copy);
      } else if (r instanceof JournalRecord.Acknowledged a) {
        out.writeUTF(a.to());
        out.writeInt(a.serial());
      } else if (r instanceof JournalRecord.GaveUp g) {
        out.writeUTF(g.to());
        out.writeInt(g.serial());
      } else if (r instanceof JournalRecord.Completed c) {
        out.writeUTF(c.from());
        out.writeUTF(c.reference());
        out.writeInt(c.firstSerial());
        sent(out, c.forwarded());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a record back.
   *
   * @param kind its kind byte
   * @param body its bytes
   * @return the record
   * @throws IOException if the bytes are not a record of that kind
   */
  public static JournalRecord decode(int kind, byte[] body) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      switch (kind) {
        case FILED:
          String reference = in.readUTF();
          String source = in.readUTF();
          return new JournalRecord.Filed(reference, source, sent(in));
        case REGISTERED: {
          String from = in.readUTF();
          int serial = in.readInt();
          int number = in.readInt();
          RadiogramHeader h = header(in);
          int indicator = in.readInt();
          byte[] copy = new byte[in.readInt()];
          in.readFully(copy);
          return new JournalRecord.Registered(from, serial, number, h, indicator,
              new String(copy, java.nio.charset.StandardCharsets.UTF_8));
        }
        case ACKNOWLEDGED:
          return new JournalRecord.Acknowledged(in.readUTF(), in.readInt());
        case GAVE_UP:
          return new JournalRecord.GaveUp(in.readUTF(), in.readInt());
        case COMPLETED:
          return new JournalRecord.Completed(in.readUTF(), in.readUTF(), in.readInt(), sent(in));
        default:
          throw new IOException("unknown journal record kind " + kind);
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("bad journal record of kind " + kind + ": " + e.getMessage(), e);
    }
  }

  private static void sent(DataOutputStream out, List<JournalRecord.Sent> sent)
      throws IOException {
    out.writeInt(sent.size());
    for (JournalRecord.Sent s : sent) {
      out.writeUTF(s.to());
      header(out, s.header());
      out.writeInt(s.groups().length);
      out.write(s.groups());
    }
  }

  private static List<JournalRecord.Sent> sent(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("bad telegram count " + n);
    }
    List<JournalRecord.Sent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String to = in.readUTF();
      RadiogramHeader h = header(in);
      int len = in.readInt();
      if (len < 0 || len > in.available()) {
        throw new IOException("bad group length " + len);
      }
      byte[] groups = new byte[len];
      in.readFully(groups);
      out.add(new JournalRecord.Sent(to, h, groups));
    }
    return out;
  }

  private static void header(DataOutputStream out, RadiogramHeader h) throws IOException {
    out.writeUTF(h.addressee());
    out.writeUTF(h.reference());
    out.writeBoolean(h.clear());
    out.writeInt(h.number());
    out.writeInt(h.declaredGroups());
    out.writeByte(h.day());
    out.writeShort(h.minuteOfDay());
    out.writeByte(h.precedence());
    out.writeLong(h.filedAt());
  }

  private static RadiogramHeader header(DataInputStream in) throws IOException {
    return new RadiogramHeader(in.readUTF(), in.readUTF(), in.readBoolean(), in.readInt(),
        in.readInt(), in.readByte(), in.readShort(), in.readUnsignedByte(), in.readLong());
  }
}
