package org.shifrovka.telegram;

import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ciphered telegram with its whole envelope: who sent it to whom and for whom, the sender's
 * serial, precedence, filing time, its place among the parts of a long message, the registry number
 * once the receiving office has given one, and the cipher groups.
 *
 * <p>The groups are laid out as documented for VENONA-era traffic (reference 2.1): the pad sheet's
 * indicator in clear, the enciphered text groups, the end group (the next pad group), and a
 * serial/date group {@code sssdd}: the sender's serial modulo 1000 and the day of the month
 * (the layout of that last group is inferred).
 *
 * <p>Four numbers are kept apart, as the reference recommends: the sender's serial (closing line
 * {@code No. 15}), the registry number ({@code 50450}), the radiogram number of the transport header
 * (shifrovka uses the sender's serial; inferred) and the pad indicator (the first group).
 *
 * <p>Instances are immutable; build them with {@link #builder()}.
 */
public final class Telegram {
  private final Station from;
  private final Station to;
  private final String addressee;
  private final int serial;
  private final Precedence precedence;
  private final ZonedDateTime filed;
  private final int part;
  private final int parts;
  private final String padBookId;
  private final List<String> groups;
  private final RegistryNumber registryNumber;

  private Telegram(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.addressee = b.addressee;
    this.serial = b.serial;
    this.precedence = b.precedence;
    this.filed = b.filed.withZoneSameInstant(b.from.zone());
    this.part = b.part;
    this.parts = b.parts;
    this.padBookId = b.padBookId;
    this.groups = Radiogram.isAscii(b.groups) ? b.groups : List.copyOf(b.groups);
    this.registryNumber = b.registryNumber;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this telegram's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from = from;
    b.to = to;
    b.addressee = addressee;
    b.serial = serial;
    b.precedence = precedence;
    b.filed = filed;
    b.part = part;
    b.parts = parts;
    b.padBookId = padBookId;
    b.groups = groups;
    b.registryNumber = registryNumber;
    return b;
  }

  /** Returns the sending station. */
  public Station from() {
    return from;
  }

  /** Returns the receiving station. */
  public Station to() {
    return to;
  }

  /** Returns the final addressee the receiving office passes the text to ({@code FILIPPOV}), if any. */
  public Optional<String> addressee() {
    return Optional.ofNullable(addressee);
  }

  /** Returns the sender's own running number. */
  public int serial() {
    return serial;
  }

  /** Returns the precedence. */
  public Precedence precedence() {
    return precedence;
  }

  /** Returns the filing time at the sending station (local time of its zone). */
  public ZonedDateTime filed() {
    return filed;
  }

  /** Returns the filing time in Moscow time. */
  public ZonedDateTime filedMoscow() {
    return filed.withZoneSameInstant(Station.MOSCOW);
  }

  /** Returns this telegram's part number, from 1. */
  public int part() {
    return part;
  }

  /** Returns how many parts the message has (1 for a single telegram). */
  public int parts() {
    return parts;
  }

  /** Returns the sender's serial of the previous part, if this is not the first. */
  public Optional<Integer> previousPartSerial() {
    return part > 1 ? Optional.of(serial - 1) : Optional.empty();
  }

  /** Returns the id of the pad book the telegram is enciphered on. */
  public String padBookId() {
    return padBookId;
  }

  /** Returns all groups: indicator, cipher text, end group, serial/date group. */
  public List<String> groups() {
    return groups;
  }

  /** Returns the indicator group (the first group). */
  public String indicator() {
    return groups.get(0);
  }

  /** Returns the number of groups. */
  public int groupCount() {
    return groups.size();
  }

  /** Returns the registry number, once the receiving office has registered the telegram. */
  public Optional<RegistryNumber> registryNumber() {
    return Optional.ofNullable(registryNumber);
  }

  /** Returns a copy registered under {@code number}. */
  public Telegram withRegistryNumber(RegistryNumber number) {
    return toBuilder().registryNumber(Objects.requireNonNull(number, "number")).build();
  }

  /** Returns the sender's closing line, {@code No. 15 - TEREBIN - 13 January}. */
  public ClosingLine closingLine() {
    return new ClosingLine(serial, from.name(), MonthDay.from(filed));
  }

  /** Returns the telegram as the operator keys it: the clear header and the groups. */
  public Radiogram radiogram() {
    ZonedDateTime m = filedMoscow();
    return Radiogram.trusted(serial, groups.size(), m.getDayOfMonth(),
        m.toLocalTime().withSecond(0).withNano(0), precedence, groups);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Telegram)) {
      return false;
    }
    Telegram t = (Telegram) o;
    return from.equals(t.from) && to.equals(t.to) && Objects.equals(addressee, t.addressee)
        && serial == t.serial && precedence == t.precedence && filed.equals(t.filed)
        && part == t.part && parts == t.parts && padBookId.equals(t.padBookId)
        && groups.equals(t.groups) && Objects.equals(registryNumber, t.registryNumber);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, addressee, serial, precedence, filed, part, parts, padBookId,
        groups, registryNumber);
  }

  @Override
  public String toString() {
    return "Telegram[No. " + serial + " " + from.name() + " -> " + to.name()
        + (addressee == null ? "" : " for " + addressee)
        + (parts > 1 ? ", part " + part + " of " + parts : "") + ", " + groups.size() + " groups"
        + (registryNumber == null ? "" : ", registered " + registryNumber) + "]";
  }

  /** Builds a {@link Telegram}; {@link #build()} checks every field. */
  public static final class Builder {
    private Station from;
    private Station to;
    private String addressee;
    private int serial = -1;
    private Precedence precedence = Precedence.ORDINARY;
    private ZonedDateTime filed;
    private int part = 1;
    private int parts = 1;
    private String padBookId;
    private List<String> groups;
    private RegistryNumber registryNumber;

    private Builder() {}

    /** Sets the sending station. */
    public Builder from(Station v) {
      from = Objects.requireNonNull(v, "from");
      return this;
    }

    /** Sets the receiving station. */
    public Builder to(Station v) {
      to = Objects.requireNonNull(v, "to");
      return this;
    }

    /** Sets the final addressee (a cover name), or null for none. */
    public Builder addressee(String v) {
      addressee = v;
      return this;
    }

    /** Sets the sender's serial, 0-99999. */
    public Builder serial(int v) {
      serial = v;
      return this;
    }

    /** Sets the precedence (default ordinary). */
    public Builder precedence(Precedence v) {
      precedence = Objects.requireNonNull(v, "precedence");
      return this;
    }

    /** Sets the filing time. */
    public Builder filed(ZonedDateTime v) {
      filed = Objects.requireNonNull(v, "filed");
      return this;
    }

    /** Sets part {@code k} of {@code n} (default 1 of 1). */
    public Builder part(int k, int n) {
      part = k;
      parts = n;
      return this;
    }

    /** Sets the pad book id. */
    public Builder padBookId(String v) {
      padBookId = Objects.requireNonNull(v, "padBookId");
      return this;
    }

    /** Sets the groups. */
    public Builder groups(List<String> v) {
      groups = Objects.requireNonNull(v, "groups");
      return this;
    }

    /**
     * Sets the groups from ASCII bytes, five a group, each {@code 0-9} or {@code ?} (copied and
     * kept as bytes: {@link Radiogram#groupBytes()} of the telegram's radiogram needs no string).
     *
     * @throws IllegalArgumentException if the length is not a multiple of five or a byte is not
     *     a digit or {@code ?}
     */
    public Builder groups(byte[] ascii) {
      groups = Radiogram.asciiGroups(Objects.requireNonNull(ascii, "groups"));
      return this;
    }

    /** Sets the registry number, or null if not registered yet. */
    public Builder registryNumber(RegistryNumber v) {
      registryNumber = v;
      return this;
    }

    /**
     * Builds the telegram.
     *
     * @throws IllegalStateException naming every missing or invalid field
     */
    public Telegram build() {
      StringBuilder problems = new StringBuilder();
      if (from == null) {
        problems.append("; from is not set");
      }
      if (to == null) {
        problems.append("; to is not set");
      }
      if (filed == null) {
        problems.append("; filing time is not set");
      }
      if (padBookId == null) {
        problems.append("; pad book id is not set");
      }
      if (serial < 0 || serial > Radiogram.MAX_NUMBER) {
        problems.append("; serial must be 0-99999, got ").append(serial);
      }
      if (parts < 1 || parts > 99 || part < 1 || part > parts) {
        problems.append("; part must be k of n with 1 <= k <= n <= 99, got ").append(part)
            .append(" of ").append(parts);
      }
      if (addressee != null && addressee.isBlank()) {
        problems.append("; addressee must not be blank");
      }
      if (groups == null) {
        problems.append("; groups are not set");
      } else {
        if (groups.size() < 4) {
          problems.append("; a telegram has at least 4 groups (indicator, text, end, serial)");
        }
        if (groups.size() > Radiogram.MAX_GROUPS) {
          problems.append("; a telegram has at most ").append(Radiogram.MAX_GROUPS)
              .append(" groups (the header's count has four digits), got ").append(groups.size());
        }
        if (!Radiogram.isAscii(groups)) { // bytes were checked when set
          for (String g : groups) {
            if (!Radiogram.isGroup(g)) {
              problems.append("; bad group \"").append(g).append('"');
              break;
            }
          }
        }
      }
      if (problems.length() > 0) {
        throw new IllegalStateException("invalid telegram: " + problems.substring(2));
      }
      return new Telegram(this);
    }
  }
}
