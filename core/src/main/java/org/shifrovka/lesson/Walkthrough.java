package org.shifrovka.lesson;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.scenario.Scenario1949;

/**
 * One message walked through every stage of the chain, for a class: telegraphese, code groups,
 * spelling, regrouping, the pad sheet, the additive, the radiogram, Morse, the air, reception,
 * deciphering, reassembly, the archival copy and the register ({@link StageId}).
 *
 * <p>Every stage is built from the objects the cipher offices produced for this message (the
 * {@link Encipherment}, the radiograms, the copies received over a simulated link, the
 * {@link Decipherment}), never computed a second time for display. The same inputs give the same
 * walkthrough, stage for stage.
 *
 * <pre>{@code
 * Walkthrough w = Walkthrough.of(Scenario1949.standard());
 * w.stage(StageId.ADDITIVE).explanation(); // what the clerk did, why, and the source
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class Walkthrough {
  /** The default keying speed of the Morse stage, in words per minute (reference 4.3, inferred). */
  public static final int DEFAULT_WPM = 20;

  private final String message;
  private final OptionalLong seed;
  private final List<Stage> stages;
  private final Encipherment encipherment;
  private final Decipherment decipherment;

  Walkthrough(String message, OptionalLong seed, List<Stage> stages, Encipherment encipherment,
      Decipherment decipherment) {
    this.message = message;
    this.seed = seed;
    this.stages = List.copyOf(stages);
    this.encipherment = encipherment;
    this.decipherment = decipherment;
  }

  /**
   * Walks Mao's message of 12 January 1949 through the chain as the scenario sends it: Terebin's
   * office (a fresh in-memory ledger), the link to Moscow garbled from the scenario's seed, and
   * Moscow's register from 50450 in steps of 20.
   *
   * @param scenario the scenario (its seed makes the codebook, pad and link)
   * @return the walkthrough
   */
  public static Walkthrough of(Scenario1949 scenario) {
    try {
      return builder()
          .sender(scenario.terebinOffice(PadLedger.inMemory(Scenario1949.filingClock())))
          .receiver(scenario.moscowOffice())
          .seed(scenario.seed())
          .calls(Scenario1949.MOSCOW_CALL, Scenario1949.TEREBIN_CALL)
          .build(Scenario1949.message(), "mao-to-filippov-1949-01-12.txt");
    } catch (MalformedInputException | PadSecurityException | IOException e) {
      throw new IllegalStateException("the built-in scenario failed: " + e.getMessage(), e);
    }
  }

  /**
   * Starts a walkthrough of any message with offices of your own.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the stages in order; stage {@code i} has number {@code i + 1}.
   *
   * @return every stage of {@link StageId}, in that order
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * Returns one stage.
   *
   * @param id the stage
   * @return the stage
   */
  public Stage stage(StageId id) {
    return stages.get(id.ordinal());
  }

  /**
   * Returns the message as given, before telegraphese.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Returns the seed that made the codebook, pad and link, when one did.
   *
   * @return the seed, or empty for keys of the user's own
   */
  public OptionalLong seed() {
    return seed;
  }

  /**
   * Returns what the sending office produced.
   *
   * @return the encipherment
   */
  public Encipherment encipherment() {
    return encipherment;
  }

  /**
   * Returns what the receiving office deciphered from the copies it received.
   *
   * @return the decipherment
   */
  public Decipherment decipherment() {
    return decipherment;
  }

  /**
   * Returns true if the receiving office read back exactly the canonical text that was sent.
   *
   * @return whether the message arrived unchanged
   */
  public boolean delivered() {
    return decipherment.clean() && decipherment.messages().size() == 1
        && decipherment.messages().get(0).text().equals(encipherment.text());
  }

  @Override
  public String toString() {
    return "Walkthrough[" + stages.size() + " stages, " + encipherment.parts().size()
        + " telegrams, seed " + (seed.isPresent() ? seed.getAsLong() : "none") + "]";
  }

  /**
   * Builds a walkthrough: the sending office enciphers (and reserves its sheets in its ledger),
   * the radiograms go over a simulated link with repeat requests, and the receiving office
   * deciphers, registers and reassembles what it copied.
   */
  public static final class Builder {
    CipherOffice sender;
    CipherOffice receiver;
    Long seed;
    SymbolErrorModel air;
    String calledStation = Scenario1949.MOSCOW_CALL;
    String ownStation = Scenario1949.TEREBIN_CALL;
    int wpm = DEFAULT_WPM;
    int repeatRounds = 3;

    private Builder() {}

    /**
     * Sets the office that enciphers; its ledger records the sheets. Required.
     *
     * @param v the sending office
     * @return this builder
     */
    public Builder sender(CipherOffice v) {
      sender = Objects.requireNonNull(v, "sender");
      return this;
    }

    /**
     * Sets the office that deciphers and registers, holding the same codebook and pad. Required.
     *
     * @param v the receiving office
     * @return this builder
     */
    public Builder receiver(CipherOffice v) {
      receiver = Objects.requireNonNull(v, "receiver");
      return this;
    }

    /**
     * Sets the seed that made the keys and, unless {@link #air} is given, garbles the link.
     *
     * @param v the seed
     * @return this builder
     */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /**
     * Sets the link's error model. By default a light, detectable one from the seed (about one
     * dropped element in 250 figures, one group in 100 lost: inferred), or a clean link without
     * a seed.
     *
     * @param v the error model
     * @return this builder
     */
    public Builder air(SymbolErrorModel v) {
      air = Objects.requireNonNull(v, "air");
      return this;
    }

    /**
     * Sets the radio call signs (Cyrillic letters and digits); by default the scenario's
     * invented РАМ (Moscow) and ЛИС (Terebin).
     *
     * @param called the called station's call sign
     * @param own the sending station's call sign
     * @return this builder
     */
    public Builder calls(String called, String own) {
      calledStation = Objects.requireNonNull(called, "called");
      ownStation = Objects.requireNonNull(own, "own");
      return this;
    }

    /**
     * Sets the keying speed of the Morse stage.
     *
     * @param v words per minute, 5 to 60
     * @return this builder
     */
    public Builder wpm(int v) {
      if (v < 5 || v > 60) {
        throw new IllegalArgumentException("wpm must be 5-60 but was " + v);
      }
      wpm = v;
      return this;
    }

    /**
     * Sets how many rounds of repeat requests the receiving operator sends at most.
     *
     * @param v 0 to 10
     * @return this builder
     */
    public Builder repeatRounds(int v) {
      if (v < 0 || v > 10) {
        throw new IllegalArgumentException("repeat rounds must be 0-10 but was " + v);
      }
      repeatRounds = v;
      return this;
    }

    /**
     * Walks a message through the chain.
     *
     * @param message the message, English or Russian
     * @param source the message's file name, for error positions
     * @return the walkthrough
     * @throws MalformedInputException if the message cannot be written in telegraphese or code
     * @throws PadSecurityException if the sending office's pad has too few sheets left
     * @throws IOException if the ledger cannot be written
     * @throws IllegalStateException if the sender or receiver is missing
     */
    public Walkthrough build(String message, String source)
        throws MalformedInputException, PadSecurityException, IOException {
      if (sender == null || receiver == null) {
        throw new IllegalStateException("a walkthrough needs a sender and a receiver office");
      }
      SymbolErrorModel link = air;
      if (link == null && seed != null) {
        link = SymbolErrorModel.builder().seed(seed).digitKeying(DigitKeying.FULL)
            .dropRate(0.004).splitRate(0.001).lostGroupRate(0.01).build();
      }
      return new StageWriter(this, link).write(message, source);
    }
  }
}
