package org.shifrovka.lesson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.shifrovka.CipherOffice;
import org.shifrovka.CipherSystem;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.vic.VicCipher;

/**
 * One message walked through every stage of the chain, for a class: telegraphese, code groups,
 * spelling, regrouping, the pad sheet, the additive, the radiogram, Morse, the air, reception,
 * deciphering, reassembly, the archival copy and the register ({@link StageId}).
 *
 * <p>That is the 1949 office, {@link CipherSystem#CODEBOOK_PAD}. The other systems
 * ({@link Builder#system}) walk their own stages ({@link SystemStageId}) and those they share with
 * the office: {@code ctc+pad} the Chinese telegraph code before and after the office's 14;
 * {@code checkerboard+pad} the checkerboard, then regrouping, the pad, the radiogram, Morse, the
 * air, reception and deciphering, then the checkerboard read back; and
 * {@code checkerboard+double-transposition} the checkerboard, the two transpositions and their
 * undoing, with no office at all; {@code vic} the key derivation, the checkerboard over line S,
 * the columnar and the disrupted transposition, the keygroup, and all of it undone.
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

  private final CipherSystem system;
  private final String message;
  private final OptionalLong seed;
  private final List<Stage> stages;
  private final Encipherment encipherment;
  private final Decipherment decipherment;
  private final boolean delivered;

  Walkthrough(CipherSystem system, String message, OptionalLong seed, List<Stage> stages,
      Encipherment encipherment, Decipherment decipherment, boolean delivered) {
    this.system = system;
    this.message = message;
    this.seed = seed;
    this.stages = List.copyOf(stages);
    this.encipherment = encipherment;
    this.decipherment = decipherment;
    this.delivered = delivered;
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
   * Returns the system the message was walked through.
   *
   * @return the system
   */
  public CipherSystem system() {
    return system;
  }

  /**
   * Returns the stages in order; stage {@code i} has number {@code i + 1}.
   *
   * @return the system's stages: for {@code codebook+pad} every stage of {@link StageId}, in that
   *     order
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * Returns one stage.
   *
   * @param id the stage
   * @return the stage
   * @throws IllegalArgumentException if this system has no such stage
   */
  public Stage stage(Stage.Id id) {
    for (Stage s : stages) {
      if (s.id() == id) {
        return s;
      }
    }
    throw new IllegalArgumentException("the " + system + " walkthrough has no stage " + id);
  }

  /**
   * Returns the stage with an id (any case) or a number from 1, as {@code --stage} names it.
   *
   * @param idOrNumber for example {@code additive} or {@code 6}
   * @return the stage
   * @throws IllegalArgumentException if there is none; the message lists this system's ids
   */
  public Stage stage(String idOrNumber) {
    return stage(stageId(system, idOrNumber));
  }

  /**
   * Returns the stages a system's walkthrough has, in order, before any message is walked (so
   * that a command can check {@code --stage} before it touches a ledger).
   *
   * @param system the system
   * @return its stage ids
   */
  public static List<Stage.Id> stageIds(CipherSystem system) {
    List<Stage.Id> ids = new ArrayList<>();
    switch (system) {
      case CTC_PAD -> {
        ids.add(SystemStageId.TELEGRAPH_CODE);
        ids.addAll(List.of(StageId.values()));
        ids.add(SystemStageId.TELEGRAPH_CODE_READ);
      }
      case CHECKERBOARD_PAD -> ids.addAll(List.of(SystemStageId.CHECKERBOARD, StageId.REGROUP,
          StageId.PAD_SHEET, StageId.ADDITIVE, StageId.RADIOGRAM, StageId.MORSE, StageId.AIR,
          StageId.RECEIVE, StageId.DECIPHER, SystemStageId.CHECKERBOARD_READ));
      case CHECKERBOARD_DOUBLE_TRANSPOSITION -> ids.addAll(List.of(SystemStageId.CHECKERBOARD,
          SystemStageId.FIRST_TRANSPOSITION, SystemStageId.SECOND_TRANSPOSITION,
          SystemStageId.UNTRANSPOSE, SystemStageId.CHECKERBOARD_READ));
      case VIC -> ids.addAll(List.of(SystemStageId.VIC_KEYS, SystemStageId.CHECKERBOARD,
          SystemStageId.FIRST_TRANSPOSITION, SystemStageId.DISRUPTED_TRANSPOSITION,
          SystemStageId.KEYGROUP, SystemStageId.UNTRANSPOSE, SystemStageId.CHECKERBOARD_READ));
      default -> ids.addAll(List.of(StageId.values()));
    }
    return List.copyOf(ids);
  }

  /**
   * Returns the stage of a system's walkthrough with an id (any case) or a number from 1.
   *
   * @param system the system
   * @param idOrNumber for example {@code additive} or {@code 6}
   * @return the stage's id
   * @throws IllegalArgumentException if there is none; the message lists the system's ids
   */
  public static Stage.Id stageId(CipherSystem system, String idOrNumber) {
    List<Stage.Id> ids = stageIds(system);
    String s = idOrNumber.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).id().equals(s) || s.equals(Integer.toString(i + 1))) {
        return ids.get(i);
      }
    }
    StringBuilder all = new StringBuilder();
    for (Stage.Id id : ids) {
      all.append(all.length() == 0 ? "" : ", ").append(id.id());
    }
    throw new IllegalArgumentException("no stage \"" + idOrNumber + "\"" + (system
        == CipherSystem.CODEBOOK_PAD ? "" : " in " + system) + " (stages: " + all
        + ", or a number from 1 to " + ids.size() + ")");
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
   * Returns what the sending office produced with its codebook.
   *
   * @return the encipherment
   * @throws IllegalStateException for a system without a codebook
   */
  public Encipherment encipherment() {
    if (encipherment == null) {
      throw new IllegalStateException("the " + system + " walkthrough has no codebook"
          + " encipherment");
    }
    return encipherment;
  }

  /**
   * Returns what the receiving office deciphered with its codebook from the copies it received.
   *
   * @return the decipherment
   * @throws IllegalStateException for a system without a codebook
   */
  public Decipherment decipherment() {
    if (decipherment == null) {
      throw new IllegalStateException("the " + system + " walkthrough has no codebook"
          + " decipherment");
    }
    return decipherment;
  }

  /**
   * Returns true if the receiving end read back exactly the text that was sent: the canonical
   * text (or, for the checkerboard systems, the checkerboard's letters and figures, and for
   * {@code ctc+pad} the Chinese characters).
   *
   * @return whether the message arrived unchanged
   */
  public boolean delivered() {
    return delivered;
  }

  @Override
  public String toString() {
    return "Walkthrough[" + system + ", " + stages.size() + " stages, seed "
        + (seed.isPresent() ? seed.getAsLong() : "none") + "]";
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
    CipherSystem system = CipherSystem.CODEBOOK_PAD;
    TelegraphCode telegraphCode = TelegraphCode.traditional();
    StraddlingCheckerboard checkerboard = StraddlingCheckerboard.english();
    DoubleTransposition transposition;
    VicCipher vic;
    String keygroup;

    private Builder() {}

    /**
     * Sets the standing keys of {@code vic} and the message's keygroup (required there).
     *
     * @param cipher the cipher of the phrase, date, personal number and board
     * @param keygroup the message's five-digit keygroup
     * @return this builder
     */
    public Builder vic(VicCipher cipher, String keygroup) {
      this.vic = Objects.requireNonNull(cipher, "cipher");
      this.keygroup = Objects.requireNonNull(keygroup, "keygroup");
      return this;
    }

    /**
     * Sets the system (default {@code codebook+pad}, the 1949 office). {@code ctc+pad} and the
     * default use the offices' codebooks; {@code checkerboard+pad} uses only their pads (an office
     * built without a codebook will do); {@code checkerboard+double-transposition} needs no
     * office but a {@link #transposition}.
     *
     * @param v the system
     * @return this builder
     */
    public Builder system(CipherSystem v) {
      system = Objects.requireNonNull(v, "system");
      return this;
    }

    /**
     * Sets the Chinese telegraph code table of {@code ctc+pad} (default: the traditional one).
     *
     * @param v the table
     * @return this builder
     */
    public Builder telegraphCode(TelegraphCode v) {
      telegraphCode = Objects.requireNonNull(v, "telegraphCode");
      return this;
    }

    /**
     * Sets the checkerboard of the checkerboard systems (default: the English textbook board).
     *
     * @param v the board
     * @return this builder
     */
    public Builder checkerboard(StraddlingCheckerboard v) {
      checkerboard = Objects.requireNonNull(v, "checkerboard");
      return this;
    }

    /**
     * Sets the two transpositions of {@code checkerboard+double-transposition} (required there).
     *
     * @param v the double transposition
     * @return this builder
     */
    public Builder transposition(DoubleTransposition v) {
      transposition = Objects.requireNonNull(v, "transposition");
      return this;
    }

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
     * @param message the message: English or Russian, or Chinese for {@code ctc+pad}
     * @param source the message's file name, for error positions
     * @return the walkthrough
     * @throws MalformedInputException if the message cannot be written in the system (a character
     *     the telegraphese, the codebook, the telegraph code or the checkerboard lacks)
     * @throws PadSecurityException if the sending office's pad has too few sheets left
     * @throws IOException if the ledger cannot be written
     * @throws IllegalStateException if the sender or receiver is missing for a system with a pad,
     *     or the transposition for the hand system
     */
    public Walkthrough build(String message, String source)
        throws MalformedInputException, PadSecurityException, IOException {
      if (system == CipherSystem.VIC) {
        if (vic == null) {
          throw new IllegalStateException("a vic walkthrough needs the standing keys and a"
              + " keygroup");
        }
        return new StageWriter(this, null).write(message, source);
      }
      if (system == CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION) {
        if (transposition == null) {
          throw new IllegalStateException("a checkerboard+double-transposition walkthrough needs"
              + " the transposition keys");
        }
        return new StageWriter(this, null).write(message, source);
      }
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
