package org.shifrovka.sim.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.shifrovka.telegram.RegistryNumber;

/**
 * A telegram as it stands in the station journal: the record, its place in arrival order and its
 * store-and-forward state.
 *
 * <p>Instances are snapshots: immutable, and not updated when the journal changes.
 *
 * @param sequence the arrival order, from 1; never reused, also not after a restart
 * @param record the telegram
 * @param state where it stands
 * @param journaledAt when it was journaled (first arrival)
 * @param forwardCount how many times it has been marked forwarded
 * @param lastForwardedAt when it was last marked forwarded, if ever
 * @param acknowledgedAt when the next station's receipt was recorded, if it was
 * @param registryNumber the registry number the station entered it under, once
 *     {@link StationJournal#register} has given one
 * @param duplicate true if this entry was returned for a second arrival of the same telegram
 */
public record JournalEntry(long sequence, TelegramRecord record, TelegramState state,
    Instant journaledAt, int forwardCount, Optional<Instant> lastForwardedAt,
    Optional<Instant> acknowledgedAt, Optional<RegistryNumber> registryNumber,
    boolean duplicate) {

  /** Validates the entry. */
  public JournalEntry {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(journaledAt, "journaledAt");
    Objects.requireNonNull(lastForwardedAt, "lastForwardedAt");
    Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    Objects.requireNonNull(registryNumber, "registryNumber");
    if (sequence < 1 || forwardCount < 0) {
      throw new IllegalArgumentException("bad journal entry: sequence " + sequence
          + ", forward count " + forwardCount);
    }
    if ((state == TelegramState.ACKNOWLEDGED) != acknowledgedAt.isPresent()) {
      throw new IllegalArgumentException("state " + state + " does not agree with acknowledgedAt "
          + acknowledgedAt);
    }
  }

  /** Returns the sending station's name. */
  public String origin() {
    return record.origin();
  }

  /** Returns the sender's serial. */
  public int serial() {
    return record.serial();
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + record + " " + state + (duplicate ? " (duplicate)" : "");
  }
}
