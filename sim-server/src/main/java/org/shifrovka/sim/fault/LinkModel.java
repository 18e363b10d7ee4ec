package org.shifrovka.sim.fault;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.ReceivedCopy;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.WireFormat;

/**
 * The state and counters of one directed link: when the line is next free, the Gilbert-Elliott
 * state, outages, and what happened to its frames.
 *
 * <p>Every random decision is a {@link Decisions} hash of (seed, link, telegram, attempt, kind);
 * only the burst chain depends on the order of frames on the link, which the simulation keeps
 * deterministic. Outages are intervals of simulated time, so they are deterministic too;
 * {@link #setDown} and {@link #setUp} switch the link at once for whatever is sent next (real
 * time: use them interactively, not in reproducible runs).
 *
 * <h2>Thread safety</h2>
 *
 * {@link #decide} runs on the link channel's event loop only. Counters and switches may be read
 * and set from any thread.
 */
public final class LinkModel {
  private final String from;
  private final String to;
  private final long linkId;
  private final long seed;
  private final LinkSpec spec;
  private final List<long[]> outages;
  private final SymbolErrorModel errors;
  private final long unitNanos;
  private volatile boolean down;
  private long busyUntil;
  private boolean bad;
  private long frameIndex;

  final AtomicLong frames = new AtomicLong();
  final AtomicLong lost = new AtomicLong();
  final AtomicLong lostInBurst = new AtomicLong();
  final AtomicLong lostDown = new AtomicLong();
  final AtomicLong garbledFrames = new AtomicLong();
  final AtomicLong garbledSymbols = new AtomicLong();
  final AtomicLong duplicated = new AtomicLong();
  final AtomicLong reordered = new AtomicLong();
  final AtomicLong busyNanos = new AtomicLong();

  /**
   * Returns a link model.
   *
   * @param from the sending station
   * @param to the receiving station
   * @param seed the run's seed
   * @param spec the configuration
   * @param outages intervals {@code [start, end)} of simulated time when the link is down
   */
  public LinkModel(String from, String to, long seed, LinkSpec spec, List<long[]> outages) {
    this.from = from;
    this.to = to;
    this.seed = seed;
    this.spec = spec;
    this.outages = List.copyOf(outages);
    long h = 0;
    for (char c : (from + "->" + to).toCharArray()) {
      h = Decisions.mix(h, c);
    }
    this.linkId = h;
    this.unitNanos = spec.wpm() == 0 ? 0 : KeyingTime.unitNanos(spec.wpm());
    double p = spec.garble() / 4;
    this.errors = spec.garble() == 0 ? null : SymbolErrorModel.builder()
        .seed(Decisions.mix(seed, linkId)).digitKeying(DigitKeying.FULL)
        .dropRate(p).extraRate(p).splitRate(p).mergeRate(p).build();
    if (errors != null && !errors.isDetectable()) {
      throw new IllegalStateException("the link's error model must be detectable: " + errors);
    }
  }

  /** Returns the sending station. */
  public String from() {
    return from;
  }

  /** Returns the receiving station. */
  public String to() {
    return to;
  }

  /** Returns the configuration. */
  public LinkSpec spec() {
    return spec;
  }

  /** Takes the link down: everything sent from now on is lost. */
  public void setDown() {
    down = true;
  }

  /** Brings the link back up (scheduled outages still apply). */
  public void setUp() {
    down = false;
  }

  /** Returns true if a frame sent at simulated time {@code at} is lost to an outage. */
  public boolean isDown(long at) {
    if (down) {
      return true;
    }
    for (long[] o : outages) {
      if (at >= o[0] && at < o[1]) {
        return true;
      }
    }
    return false;
  }

  /** Returns the smallest time any frame can take on this link, at least 1 ns. */
  public long minLatency() {
    long keying = spec.wpm() == 0 ? 0
        : KeyingTime.PROCEDURE_UNITS * KeyingTime.unitNanos(spec.wpm());
    return Math.max(1, keying + spec.delayNanos());
  }

  /** Returns the time a frame of {@code groups} groups takes, without jitter or queueing. */
  public long nominalLatency(int groups) {
    long keying = spec.wpm() == 0 ? 0
        : (KeyingTime.PROCEDURE_UNITS + 89L * groups) * KeyingTime.unitNanos(spec.wpm());
    return Math.max(1, keying + spec.delayNanos() + spec.jitterNanos());
  }

  /**
   * Decides the fate of an encoded frame: garbles symbols into a copy (releasing {@code f}),
   * computes the arrival time from line occupancy, keying time, delay and jitter, and writes the
   * decision into {@code out}. Returns the buffer to send, or null if the frame is lost (then
   * {@code f} has been released).
   */
  public ByteBuf decide(ByteBuf f, Decision out) {
    frames.incrementAndGet();
    FrameKind kind = WireFormat.kind(f);
    long sentAt = WireFormat.sentAt(f);
    int origin = WireFormat.originHash(f);
    int serial = WireFormat.serial(f);
    int attempt = WireFormat.attempt(f);
    int code = kind == null ? 0 : kind.code();
    long index = frameIndex++;

    long keying = spec.wpm() == 0 ? 0 : KeyingTime.units(f) * unitNanos;
    long start = Math.max(sentAt, busyUntil);
    long end = start + keying;
    busyUntil = end;
    busyNanos.addAndGet(keying);

    boolean wasBad = bad;
    if (spec.burst().active()) {
      double u = Decisions.uniform(Decisions.mix(Decisions.mix(seed, linkId),
          Decisions.mix(index, Decisions.BURST)));
      bad = bad ? u >= spec.burst().badToGood() : u < spec.burst().goodToBad();
    }
    out.copies = 0;
    if (isDown(sentAt)) {
      lostDown.incrementAndGet();
      f.release();
      return null;
    }
    if (spec.loss() > 0 && Decisions.uniform(Decisions.of(seed, linkId, origin, serial, attempt,
        code, Decisions.LOSS)) < spec.loss()) {
      lost.incrementAndGet();
      f.release();
      return null;
    }
    if (wasBad && bad && Decisions.uniform(Decisions.of(seed, linkId, origin, serial, attempt,
        code, Decisions.BURST)) < spec.burst().lossInBad()) {
      lostInBurst.incrementAndGet();
      f.release();
      return null;
    }
    ByteBuf buf = spec.garble() > 0 ? garble(f, kind, origin, serial, attempt, code) : f;

    long arrival = Math.max(sentAt + 1, end + spec.delayNanos());
    if (spec.jitterNanos() > 0) {
      arrival += (long) (spec.jitterNanos() * Decisions.uniform(Decisions.of(seed, linkId, origin,
          serial, attempt, code, Decisions.JITTER)));
    }
    long hold = Decisions.of(seed, linkId, origin, serial, attempt, code, Decisions.EXTRA_DELAY);
    if (spec.reorder() > 0 && Decisions.uniform(Decisions.of(seed, linkId, origin, serial, attempt,
        code, Decisions.REORDER)) < spec.reorder()) {
      reordered.incrementAndGet();
      arrival += 1 + (long) (spec.holdNanos() * Decisions.uniform(hold));
    }
    out.copies = 1;
    out.arrival0 = arrival;
    if (spec.duplicate() > 0 && Decisions.uniform(Decisions.of(seed, linkId, origin, serial,
        attempt, code, Decisions.DUPLICATE)) < spec.duplicate()) {
      duplicated.incrementAndGet();
      out.copies = 2;
      out.arrival1 = arrival + 1 + (long) (spec.holdNanos() * Decisions.uniform(
          Decisions.mix(hold, 2)));
    }
    return buf;
  }

  /**
   * Garbles cipher groups with the radio layer's {@link SymbolErrorModel} (dropped, extra, split
   * and merged Morse elements, which the receiving operator always detects: full figures, no
   * dit-dah swaps) and reads them back as the operator's {@link ReceivedCopy}, {@code ?} for what
   * could not be read. Clear text (a forwarded archival copy) is garbled character by character
   * with the same rate. Writes into a copy and releases {@code f} only if something changed.
   */
  private ByteBuf garble(ByteBuf f, FrameKind kind, int origin, int serial, int attempt,
      int code) {
    long region = WireFormat.groupRegion(f);
    if (region == 0) {
      return f;
    }
    int rel = (int) (region >>> 32);
    int count = (int) region;
    if (count == 0) {
      return f;
    }
    int stride = WireFormat.groupStride(kind);
    long base = Decisions.of(seed, linkId, origin, serial, attempt, code, Decisions.GARBLE);
    byte[] heard = new byte[count * WireFormat.GROUP];
    for (int g = 0; g < count; g++) {
      f.getBytes(f.readerIndex() + rel + g * stride, heard, g * WireFormat.GROUP,
          WireFormat.GROUP);
    }
    int garbled = 0;
    if (WireFormat.isClear(f) || !digits(heard)) {
      for (int i = 0; i < heard.length; i++) {
        if (Decisions.uniform(Decisions.mix(base, i)) < spec.garble()) {
          heard[i] = WireFormat.UNREADABLE;
          garbled++;
        }
      }
    } else {
      List<String> groups = new ArrayList<>(count);
      for (int g = 0; g < count; g++) {
        groups.add(new String(heard, g * WireFormat.GROUP, WireFormat.GROUP,
            StandardCharsets.US_ASCII));
      }
      ReceivedCopy copy = ReceivedCopy.read(errors.garble(groups, base, attempt - 1), count,
          DigitKeying.FULL);
      if (copy.isClean()) {
        return f;
      }
      for (int g = 0; g < count; g++) {
        String r = copy.groups().get(g);
        for (int i = 0; i < WireFormat.GROUP; i++) {
          byte b = (byte) r.charAt(i);
          if (b != heard[g * WireFormat.GROUP + i]) {
            heard[g * WireFormat.GROUP + i] = b;
            garbled++;
          }
        }
      }
    }
    if (garbled == 0) {
      return f;
    }
    ByteBuf copy = f.copy();
    f.release();
    for (int g = 0; g < count; g++) {
      copy.setBytes(copy.readerIndex() + rel + g * stride, heard, g * WireFormat.GROUP,
          WireFormat.GROUP);
    }
    garbledFrames.incrementAndGet();
    garbledSymbols.addAndGet(garbled);
    return copy;
  }

  private static boolean digits(byte[] b) {
    for (byte x : b) {
      if (x < '0' || x > '9') {
        return false;
      }
    }
    return true;
  }

  /** Returns the counters as of now. */
  public LinkStats stats() {
    return new LinkStats(from, to, frames.get(), lost.get(), lostInBurst.get(), lostDown.get(),
        garbledFrames.get(), garbledSymbols.get(), duplicated.get(), reordered.get(),
        busyNanos.get());
  }

  /** The decision about one frame, reused per link. */
  public static final class Decision {
    /** 0, 1 or 2. */
    public int copies;
    /** The arrival of copy 0. */
    public long arrival0;
    /** The arrival of copy 1. */
    public long arrival1;
  }

  /**
   * A link's counters.
   *
   * @param from sending station
   * @param to receiving station
   * @param frames frames handed to the link
   * @param lost frames lost independently
   * @param lostInBurst frames lost in a bad (burst) period
   * @param lostDown frames lost to an outage or partition
   * @param garbledFrames frames with at least one unreadable symbol
   * @param garbledSymbols unreadable symbols
   * @param duplicated frames delivered twice
   * @param reordered frames held back
   * @param busyNanos simulated time spent keying
   */
  public record LinkStats(String from, String to, long frames, long lost, long lostInBurst,
      long lostDown, long garbledFrames, long garbledSymbols, long duplicated, long reordered,
      long busyNanos) {}
}
