package org.shifrovka.sim.core;

import java.util.List;
import org.shifrovka.sim.codec.RadiogramHeader;

/**
 * What a {@link StationCore} writes to its journal: enough to rebuild, after a crash, everything
 * that may already have left the station (telegrams on the air, receipts, deliveries). Records
 * holding groups keep the array they were given (do not change it).
 */
public sealed interface JournalRecord {
  /**
   * A telegram keyed for a neighbour (filed here or forwarded), part of a {@link Filed} or
   * {@link Completed} record.
   *
   * @param to the neighbour
   * @param header its header (serial, reference, addressee, clear or enciphered)
   * @param groups its groups' bytes
   */
  record Sent(String to, RadiogramHeader header, byte[] groups) {}

  /**
   * A message filed here, as the telegrams it was enciphered into (one record, so that a crash
   * keeps all its parts or none); durable before its first frame leaves.
   *
   * @param reference its end-to-end reference
   * @param source where its text came from ({@code messages.txt:17}): a source is filed once
   * @param telegrams its telegrams
   */
  record Filed(String reference, String source, List<Sent> telegrams) implements JournalRecord {
    /** Copies the list. */
    public Filed {
      telegrams = List.copyOf(telegrams);
    }
  }

  /**
   * A telegram received whole and registered; durable before its receipt leaves.
   *
   * @param from the neighbour
   * @param serial its serial on that link
   * @param registryNumber the number it was registered under
   * @param header its header
   * @param indicator its pad indicator, -1 if none could be read
   * @param copy the archival copy in clear form ({@link ClearForm}), empty if none was made
   */
  record Registered(String from, int serial, int registryNumber, RadiogramHeader header,
      int indicator, String copy) implements JournalRecord {}

  /**
   * A receipt came for a telegram sent: it need not be sent again.
   *
   * @param to the neighbour that gave the receipt
   * @param serial the telegram's serial
   */
  record Acknowledged(String to, int serial) implements JournalRecord {}

  /**
   * A telegram was given up after its last attempt.
   *
   * @param to the neighbour
   * @param serial the telegram's serial
   */
  record GaveUp(String to, int serial) implements JournalRecord {}

  /**
   * Every part of a message arrived: it was delivered here or forwarded (the forwarded telegrams'
   * {@link Sent} records are in it); durable before the delivery is reported.
   *
   * @param from the neighbour it came from
   * @param reference its end-to-end reference
   * @param firstSerial the serial of its first part on that link
   * @param forwarded the telegrams a relay forwarded it as (empty at the addressee, or if it
   *     could not be forwarded), in the same record so that a crash keeps both or neither
   */
  record Completed(String from, String reference, int firstSerial, List<Sent> forwarded)
      implements JournalRecord {
    /** Copies the list. */
    public Completed {
      forwarded = List.copyOf(forwarded);
    }
  }
}
