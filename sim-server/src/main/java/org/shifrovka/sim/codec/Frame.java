package org.shifrovka.sim.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame of the relay protocol, decoded; see {@link WireFormat} for the bytes.
 *
 * <p>The transport fields ({@link #frameId()}, {@link #copy()}, {@link #sentAt()},
 * {@link #arrivesAt()}) belong to the simulation: the link stamps the simulated arrival time. The
 * telegram fields name the telegram a frame concerns by its sender on this hop ({@link #origin()})
 * and that sender's serial. Groups are kept as bytes, five per group: {@code '0'-'9'} for cipher
 * groups, UTF-8 bytes for clear text, and {@link WireFormat#UNREADABLE} for a symbol the receiving
 * operator could not read.
 *
 * <p>Instances are immutable; the arrays are copied in and out, except that {@link #withHop}
 * shares the groups between two frames, which is safe since neither lets them out.
 */
public final class Frame {
  private final FrameKind kind;
  private final int copy;
  private final int attempt;
  private final long frameId;
  private final long sentAt;
  private final long arrivesAt;
  private final int serial;
  private final String origin;
  private final int originLength;
  private final int info;
  private final RadiogramHeader header;
  private final int[] indexes;
  private final byte[] groups;
  private final String text;

  private Frame(FrameKind kind, int copy, int attempt, long frameId, long sentAt, long arrivesAt,
      int serial, String origin, int info, RadiogramHeader header, int[] indexes, byte[] groups,
      String text) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (copy < 0 || copy > 255) {
      throw new IllegalArgumentException("copy must be 0-255, got " + copy);
    }
    if (attempt < 1 || attempt > 255) {
      throw new IllegalArgumentException("attempt must be 1-255, got " + attempt);
    }
    this.origin = Objects.requireNonNull(origin, "origin");
    this.originLength = WireFormat.utf8Length(origin);
    if (origin.isEmpty() || originLength > WireFormat.MAX_NAME) {
      throw new IllegalArgumentException("origin must be 1-" + WireFormat.MAX_NAME + " bytes, got \""
          + origin + "\"");
    }
    this.copy = copy;
    this.attempt = attempt;
    this.frameId = frameId;
    this.sentAt = sentAt;
    this.arrivesAt = arrivesAt;
    this.serial = serial;
    this.info = info;
    this.header = header;
    this.indexes = indexes;
    this.groups = groups;
    this.text = text;
  }

  /** Returns a radiogram frame. */
  public static Frame radiogram(long frameId, int attempt, long sentAt, String origin, int serial,
      RadiogramHeader header, byte[] groups) {
    Objects.requireNonNull(header, "header");
    if (groups.length % WireFormat.GROUP != 0) {
      throw new IllegalArgumentException("groups must be whole 5-byte groups, got "
          + groups.length + " bytes");
    }
    return new Frame(FrameKind.RADIOGRAM, 0, attempt, frameId, sentAt, sentAt, serial, origin, 0,
        header, null, groups.clone(), null);
  }

  /**
   * Returns this radiogram as sent on another hop or attempt: the same header and groups under new
   * transport fields (copy 0, arriving when sent). The groups are shared with this frame, not
   * copied, as a relay forwards a telegram: both frames are immutable and neither hands the array
   * out.
   *
   * @throws IllegalStateException if this is not a radiogram
   */
  public Frame withHop(long frameId, int attempt, long sentAt, String origin, int serial) {
    if (kind != FrameKind.RADIOGRAM) {
      throw new IllegalStateException("only a radiogram goes on to another hop, not " + this);
    }
    return new Frame(FrameKind.RADIOGRAM, 0, attempt, frameId, sentAt, sentAt, serial, origin, 0,
        header, null, groups, null);
  }

  /** Returns a receipt for a telegram, carrying the registry number it was entered under. */
  public static Frame receipt(long frameId, int attempt, long sentAt, String origin, int serial,
      int registryNumber) {
    return new Frame(FrameKind.RECEIPT, 0, attempt, frameId, sentAt, sentAt, serial, origin,
        registryNumber, null, null, null, null);
  }

  /** Returns a repeat request for the given 1-based group indexes. */
  public static Frame repeatRequest(long frameId, int attempt, long sentAt, String origin,
      int serial, int[] indexes) {
    return new Frame(FrameKind.REPEAT_REQUEST, 0, attempt, frameId, sentAt, sentAt, serial, origin,
        0, null, checkIndexes(indexes).clone(), null, null);
  }

  /** Returns repeated groups: {@code groups} holds five bytes for each of {@code indexes}. */
  public static Frame repeatedGroups(long frameId, int attempt, long sentAt, String origin,
      int serial, int[] indexes, byte[] groups) {
    if (groups.length != indexes.length * WireFormat.GROUP) {
      throw new IllegalArgumentException(indexes.length + " indexes need "
          + indexes.length * WireFormat.GROUP + " group bytes, got " + groups.length);
    }
    return new Frame(FrameKind.REPEATED_GROUPS, 0, attempt, frameId, sentAt, sentAt, serial,
        origin, 0, null, checkIndexes(indexes).clone(), groups.clone(), null);
  }

  /** Returns a service message. */
  public static Frame service(long frameId, long sentAt, String origin, String text) {
    Objects.requireNonNull(text, "text");
    return new Frame(FrameKind.SERVICE, 0, 1, frameId, sentAt, sentAt, 0, origin, 0, null, null,
        null, text);
  }

  static Frame decoded(FrameKind kind, int copy, int attempt, long frameId, long sentAt,
      long arrivesAt, int serial, String origin, int info, RadiogramHeader header, int[] indexes,
      byte[] groups, String text) {
    return new Frame(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin, info, header,
        indexes, groups, text);
  }

  private static int[] checkIndexes(int[] indexes) {
    for (int i : indexes) {
      if (i < 1 || i > WireFormat.MAX_INDEX) {
        throw new IllegalArgumentException("group index must be 1-" + WireFormat.MAX_INDEX
            + ", got " + i);
      }
    }
    return indexes;
  }

  /** Returns the kind. */
  public FrameKind kind() {
    return kind;
  }

  /** Returns 0 for the frame as sent, 1 or more for a copy the link duplicated. */
  public int copy() {
    return copy;
  }

  /** Returns the sender's attempt number, from 1. */
  public int attempt() {
    return attempt;
  }

  /** Returns the simulation's id of this frame. */
  public long frameId() {
    return frameId;
  }

  /** Returns the simulated time it was handed to the link, in nanoseconds since the epoch of the run. */
  public long sentAt() {
    return sentAt;
  }

  /** Returns the simulated arrival time the link stamped (equal to {@link #sentAt()} before). */
  public long arrivesAt() {
    return arrivesAt;
  }

  /** Returns the serial of the telegram concerned, given by its sender on this hop. */
  public int serial() {
    return serial;
  }

  /** Returns the cover name of the telegram's sender on this hop. */
  public String origin() {
    return origin;
  }

  /** Returns the registry number of a receipt (0 for other kinds). */
  public int registryNumber() {
    return info;
  }

  /** Returns the radiogram header (null unless a radiogram). */
  public RadiogramHeader header() {
    return header;
  }

  /** Returns the 1-based group indexes of a repeat request or of repeated groups. */
  public int[] indexes() {
    return indexes == null ? new int[0] : indexes.clone();
  }

  /** Returns the group bytes, five per group. */
  public byte[] groups() {
    return groups == null ? new byte[0] : groups.clone();
  }

  /** Returns the number of group bytes carried (five per group), without copying them. */
  public int groupBytes() {
    return groups == null ? 0 : groups.length;
  }

  /** Returns one group byte, without copying the groups. */
  public byte groupByte(int i) {
    return groups[i];
  }

  /** Returns the number of groups carried. */
  public int groupCount() {
    return groups == null ? 0 : groups.length / WireFormat.GROUP;
  }

  /** Returns the text of a service message ("" otherwise). */
  public String text() {
    return text == null ? "" : text;
  }

  /** Returns the UTF-8 length of {@link #origin()} in bytes, computed once. */
  int originLength() {
    return originLength;
  }

  int[] indexesUnsafe() {
    return indexes;
  }

  byte[] groupsUnsafe() {
    return groups;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Frame)) {
      return false;
    }
    Frame f = (Frame) o;
    return kind == f.kind && copy == f.copy && attempt == f.attempt && frameId == f.frameId
        && sentAt == f.sentAt && arrivesAt == f.arrivesAt && serial == f.serial
        && origin.equals(f.origin) && info == f.info && Objects.equals(header, f.header)
        && Arrays.equals(indexes, f.indexes) && Arrays.equals(groups, f.groups)
        && Objects.equals(text, f.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, frameId, copy, serial, origin, attempt);
  }

  @Override
  public String toString() {
    return "Frame[" + kind + " " + origin + " No. " + serial + " attempt " + attempt + " id "
        + frameId + (copy > 0 ? " copy " + copy : "") + "]";
  }
}
