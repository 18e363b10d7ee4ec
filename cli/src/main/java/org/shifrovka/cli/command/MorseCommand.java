package org.shifrovka.cli.command;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Json;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.MorseAlphabet;
import org.shifrovka.radio.MorseNotation;
import org.shifrovka.radio.MorseNotation.ProsignStyle;
import org.shifrovka.radio.MorseNotation.WordSeparator;
import org.shifrovka.radio.OperatorProcedure;
import org.shifrovka.radio.RadioFormatException;
import org.shifrovka.radio.ToneDecoder;
import org.shifrovka.radio.ToneKeyer;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka morse}: text to Morse and back, as written dots and dashes or as audio. */
@Command(name = "morse", mixinStandardHelpOptions = true,
    description = "Key text in Morse: dots and dashes, a WAV tone, keying times; and read it back.",
    subcommands = {MorseCommand.Encode.class, MorseCommand.Decode.class, MorseCommand.Wav.class,
      MorseCommand.Listen.class, MorseCommand.Time.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  echo 'ЖЖЖ ДЕ ЛИС' | shifrovka morse encode --alphabet ru",
      "  shifrovka morse wav --wpm 18 -o radiograms.wav radiograms.txt",
      "  shifrovka morse listen --alphabet ru radiograms.wav",
      "  shifrovka morse time radiograms.txt"
    })
public final class MorseCommand extends ParentCommand {

  /** {@code intl} or {@code ru}. */
  static final class AlphabetValues extends Converters.Values<MorseAlphabet> {
    AlphabetValues() {
      super(MorseCommand::alphabet, "intl", "ru");
    }
  }

  private static MorseAlphabet alphabet(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "intl":
        return MorseAlphabet.international();
      case "ru":
        return MorseAlphabet.russian();
      default:
        throw new IllegalArgumentException("unknown Morse table \"" + value
            + "\" (expected intl or ru)");
    }
  }

  /** {@code --alphabet}. */
  static final class AlphabetOption {
    @Option(names = "--alphabet", paramLabel = "intl|ru", defaultValue = "intl",
        converter = AlphabetValues.class, completionCandidates = AlphabetValues.class,
        description = "Morse table: intl (international, Latin letters) or ru (Russian,"
            + " Cyrillic letters) (default: ${DEFAULT-VALUE}).")
    MorseAlphabet alphabet;
  }

  /** {@code spaced-slash}, {@code slash}, {@code pipe}, {@code spaces} or {@code newline}. */
  static final class WordSeparatorValues extends Converters.Values<WordSeparator> {
    WordSeparatorValues() {
      super(v -> Converters.byLabel(WordSeparator.class, v),
          "spaced-slash", "slash", "pipe", "spaces", "newline");
    }
  }

  /** {@code symbol}, {@code brackets} or {@code plain}. */
  static final class ProsignStyleValues extends Converters.Values<ProsignStyle> {
    ProsignStyleValues() {
      super(v -> Converters.byLabel(ProsignStyle.class, v), "symbol", "brackets", "plain");
    }
  }

  /** {@code --prosign-style}. */
  static final class ProsignOption {
    @Option(names = "--prosign-style", paramLabel = "symbol|brackets|plain",
        defaultValue = "symbol", converter = ProsignStyleValues.class,
        completionCandidates = ProsignStyleValues.class,
        description = "How prosigns are written in text: symbol (+ = <SK>), brackets (<AR> <BT>"
            + " <SK>) or plain (AR BT SK, each a word of its own) (default: ${DEFAULT-VALUE}).")
    ProsignStyle style;
  }

  /** {@code --wpm} and {@code --effective-wpm}. */
  static final class SpeedOptions {
    @Option(names = "--wpm", paramLabel = "<n>", defaultValue = "20",
        description = "Keying speed in words per minute, PARIS timing (default: ${DEFAULT-VALUE}).")
    int wpm;

    @Option(names = "--effective-wpm", paramLabel = "<n>",
        description = "Farnsworth spacing: characters at --wpm, the gaps stretched to this lower"
            + " overall speed (default: none).")
    Integer effectiveWpm;

    /** Returns the speed; a bad value is an {@link IllegalArgumentException} naming the option. */
    KeyingSpeed speed() {
      try {
        return effectiveWpm == null ? KeyingSpeed.ofWpm(wpm)
            : KeyingSpeed.farnsworth(wpm, effectiveWpm);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException((effectiveWpm == null ? "--wpm: "
            : "--wpm/--effective-wpm: ") + e.getMessage(), e);
      }
    }
  }

  /** {@code shifrovka morse encode}. */
  @Command(name = "encode", mixinStandardHelpOptions = true,
      description = {
        "Write text as Morse, one line of dots and dashes for each line of text.",
        "Characters are separated by a space and words by ' / ' (--word-separator writes"
            + " another convention). Text is upper-cased; <SK>, <AR>, <BT> and the like are"
            + " procedure signals (with --prosign-style plain also SK, AR, BT standing alone);"
            + " Ё is keyed as Е. A character the table does not have is an error naming its line"
            + " and column (exit code 3).",
        "Figures are keyed in full; with --cut-numbers, cipher groups (words of five digits) are"
            + " keyed in cut numbers (1 .-, 0 -)."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  echo 'ЖЖЖ РАМ ДЕ ЛИС' | shifrovka morse encode --alphabet ru",
        "  ...- ...- ...- / .-. .- -- / -.. . / .-.. .. ..."
      })
  public static final class Encode extends AbstractCommand {
    @Mixin AlphabetOption alphabet;

    @Option(names = "--cut-numbers",
        description = "Key cipher groups (words of five digits) in cut numbers.")
    boolean cutNumbers;

    @Option(names = "--word-separator",
        paramLabel = "spaced-slash|slash|pipe|spaces|newline", defaultValue = "spaced-slash",
        converter = WordSeparatorValues.class, completionCandidates = WordSeparatorValues.class,
        description = "What to write between words, for the converter that will read it:"
            + " ' / ', '/', ' | ', three spaces or a line break (default: ${DEFAULT-VALUE}).")
    WordSeparator wordSeparator;

    @Mixin ProsignOption prosigns;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "UTF-8 text; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      CliIo.Input in = read(input);
      MorseKeying keying = MorseKeying.of(alphabet.alphabet, cutNumbers,
          MorseNotation.of(wordSeparator, prosigns.style));
      print(keying.encodeLines(in));
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka morse decode}. */
  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = {
        "Read Morse back into text, one line of text for each line of Morse.",
        "The Morse is dots and dashes (also · and _), a space between characters, and between"
            + " words / or | (with or without spaces) or two or more spaces; words written one"
            + " per line come out one per line. The text is upper case, words separated by one"
            + " space.",
        "A pattern the table does not have is an error naming its line and column (exit code 3)."
            + " With --cut-numbers a word of five cut figures is read as a cipher group; cut"
            + " figures are also letters (.- is A), so a five-letter word of such letters only"
            + " (DEBUT) reads as digits."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  echo '...- ...- ...- / -.. .' | shifrovka morse decode --alphabet ru",
        "  ЖЖЖ ДЕ"
      })
  public static final class Decode extends AbstractCommand {
    @Mixin AlphabetOption alphabet;

    @Option(names = "--cut-numbers",
        description = "Read words of five cut figures as cipher groups.")
    boolean cutNumbers;

    @Mixin ProsignOption prosigns;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "Written Morse; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      CliIo.Input in = read(input);
      MorseKeying keying = MorseKeying.of(alphabet.alphabet, cutNumbers,
          MorseNotation.of(WordSeparator.SPACED_SLASH, prosigns.style));
      print(MorseKeying.eachLine(in, keying::decode));
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka morse wav}. */
  @Command(name = "wav", mixinStandardHelpOptions = true,
      description = {
        "Key text as a Morse tone in a WAV file.",
        "The file is 16-bit mono PCM, the way a receiver's loudspeaker would sound; line breaks"
            + " are word gaps.",
        "The elements have soft (raised-cosine) edges; the file starts and ends with a word gap of"
            + " silence. --noise adds white noise at a signal-to-noise ratio over the whole band;"
            + " --seed makes it reproducible (without it a random seed is drawn).",
        "The file is written whole or not at all, readable by everyone (it holds no secret); an"
            + " existing file is replaced only with --force."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  echo 'CQ CQ DE RAM' | shifrovka morse wav --wpm 18 --tone 600 -o cq.wav",
        "  shifrovka morse wav --alphabet ru --noise 3 --seed 7 -o radiograms.wav radiograms.txt"
      })
  public static final class Wav extends AbstractCommand {
    @Mixin AlphabetOption alphabet;

    @Mixin SpeedOptions speed;

    @Option(names = "--cut-numbers",
        description = "Key cipher groups (words of five digits) in cut numbers.")
    boolean cutNumbers;

    @Option(names = "--tone", paramLabel = "<hz>", defaultValue = "700",
        description = "Tone frequency in Hz, below half the sample rate"
            + " (default: ${DEFAULT-VALUE}).")
    double tone;

    @Option(names = "--rate", paramLabel = "<hz>", defaultValue = "8000",
        description = "Sample rate in Hz, 1000-192000 (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--noise", paramLabel = "<snr-db>",
        description = "Add white noise at this signal-to-noise ratio in dB, -30 to 100; the"
            + " decoder of 'morse listen' copies 0 dB (default: no noise).")
    Double noise;

    @Option(names = "--seed", paramLabel = "<n>",
        description = "Seed of the noise, with --noise (default: a random seed).")
    Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.wav>", required = true,
        description = "The WAV file to write.")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "UTF-8 text; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      if (CliIo.isDash(output)) {
        throw usage("-o must name a file: a WAV file cannot go to standard output");
      }
      if (seed != null && noise == null) {
        throw usage("--seed is the seed of the noise: give it with --noise");
      }
      ToneKeyer keyer;
      KeyingSpeed s;
      try {
        s = speed.speed();
        ToneKeyer.Builder b = ToneKeyer.builder().toneHz(tone).speed(s).sampleRate(rate);
        if (noise != null) {
          b.noise(noise).seed(seed != null ? seed : new SecureRandom().nextLong());
        }
        keyer = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw usage(e.getMessage());
      }
      CliIo.Input in = read(input);
      String morse = MorseKeying.of(alphabet.alphabet, cutNumbers).encodeStream(in.text(),
          in.name());
      if (morse.isEmpty()) {
        throw new MalformedInputException(in.name(), 0, 0, "nothing to key: the text is empty");
      }
      CliIo.writeOrdinaryAtomically(output, force, tmp -> keyer.write(morse, tmp));
      err().print("wrote " + output + ": " + MorseTimes.duration(s.keyingTime(morse))
          + " of Morse " + MorseTimes.at(s) + ", " + MorseTimes.number(tone) + " Hz tone\n");
      err().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka morse listen}. */
  @Command(name = "listen", mixinStandardHelpOptions = true,
      description = {
        "Copy the Morse of a WAV recording back into text.",
        "As an operator would copy it: the speed is learned from the recording; line breaks are"
            + " lost.",
        "The decoder copies clean recordings of 'morse wav' at 12-35 WPM, and 60 groups at 20 WPM"
            + " with noise at 0 dB SNR. A pattern the table does not have is an error (exit code"
            + " 3); --morse prints the dots and dashes heard instead of the text. With"
            + " --cut-numbers a word of five cut figures is read as a cipher group.",
        "The file must be mono 16-bit PCM."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka morse listen --alphabet ru --tone 700 radiograms.wav"
      })
  public static final class Listen extends AbstractCommand {
    @Mixin AlphabetOption alphabet;

    @Option(names = "--cut-numbers",
        description = "Read words of five cut figures as cipher groups.")
    boolean cutNumbers;

    @Option(names = "--tone", paramLabel = "<hz>", defaultValue = "700",
        description = "Tone frequency to listen at, in Hz (default: ${DEFAULT-VALUE}).")
    double tone;

    @Option(names = "--morse",
        description = "Print the dots and dashes heard (one line) instead of the text.")
    boolean morse;

    @Parameters(paramLabel = "FILE.wav", arity = "1", description = "The WAV recording.")
    Path input;

    @Override
    public Integer call() throws Exception {
      ToneDecoder decoder;
      try {
        decoder = ToneDecoder.listeningAt(tone);
      } catch (IllegalArgumentException e) {
        throw usage("--tone: " + e.getMessage());
      }
      // fail on a missing or unreadable file as every command does
      Files.newInputStream(input).close();
      String name = input.toString();
      AudioFormat format;
      try {
        AudioFileFormat file = AudioSystem.getAudioFileFormat(input.toFile());
        format = file.getFormat();
      } catch (UnsupportedAudioFileException e) {
        throw new MalformedInputException(name, 0, 0, "not a WAV file shifrovka can read"
            + " (expected mono 16-bit PCM, as 'morse wav' writes)");
      }
      if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
          || format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
        throw new MalformedInputException(name, 0, 0, "expected mono 16-bit signed PCM, found "
            + format);
      }
      if (tone >= format.getSampleRate() / 2) {
        throw usage("--tone " + MorseTimes.number(tone) + " Hz is not below half the sample"
            + " rate of " + name + " (" + MorseTimes.number(format.getSampleRate()) + " Hz)");
      }
      String heard = decoder.decode(input);
      if (heard.isEmpty()) {
        throw new MalformedInputException(name, 0, 0, "no Morse heard at "
            + MorseTimes.number(tone) + " Hz (--tone sets the frequency to listen at)");
      }
      if (morse) {
        print(heard + "\n");
        return ExitCodes.OK;
      }
      String text;
      try {
        text = MorseKeying.of(alphabet.alphabet, cutNumbers).decode(heard);
      } catch (RadioFormatException e) {
        throw new MalformedInputException(name, 0, 0, "what was heard does not read: "
            + e.messageWithColumn() + " (--morse prints what was heard)");
      }
      print(text + "\n");
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka morse time}. */
  @Command(name = "time", mixinStandardHelpOptions = true,
      description = {
        "Print how long a text or radiograms take to key in Morse.",
        "The keying time at --wpm by PARIS timing (dit 1 unit, dah 3, gaps 1, 3 and 7; one unit"
            + " is 1.2 s / WPM), line breaks counted as word gaps.",
        "When the input is radiograms (the output of encode, as text or JSON), each radiogram is"
            + " timed as it goes on the air, keyed in the Russian table: the call (ЖЖЖ, --called"
            + " three times, ДЕ, --own twice, ЩТЦ К), the header, the groups and = К; then one line"
            + " per radiogram and the total. The other station's replies are not counted."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  echo PARIS | shifrovka morse time --wpm 20",
        "  2.58 s at 20 WPM",
        "  shifrovka morse time --wpm 18 --cut-numbers radiograms.txt"
      })
  public static final class Time extends AbstractCommand {
    @Mixin AlphabetOption alphabet;

    @Mixin SpeedOptions speed;

    @Option(names = "--cut-numbers",
        description = "Key cipher groups (words of five digits) in cut numbers.")
    boolean cutNumbers;

    @Option(names = "--called", paramLabel = "<call>", defaultValue = Scenario1949.MOSCOW_CALL,
        description = "Call sign of the receiving station, for radiograms (default:"
            + " ${DEFAULT-VALUE}).")
    String called;

    @Option(names = "--own", paramLabel = "<call>", defaultValue = Scenario1949.TEREBIN_CALL,
        description = "Call sign of the sending station, for radiograms (default:"
            + " ${DEFAULT-VALUE}).")
    String own;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "UTF-8 text or radiograms; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      KeyingSpeed s;
      try {
        s = speed.speed();
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      checkCallSign("--called", called);
      checkCallSign("--own", own);
      CliIo.Input in = read(input);
      List<Radiogram> radiograms = radiograms(in);
      if (radiograms.isEmpty()) {
        String morse = MorseKeying.of(alphabet.alphabet, cutNumbers).encodeStream(in.text(),
            in.name());
        print(MorseTimes.duration(s.keyingTime(morse)) + " " + MorseTimes.at(s) + "\n");
        return ExitCodes.OK;
      }
      MorseKeying russian = MorseKeying.of(MorseAlphabet.russian(), cutNumbers);
      StringBuilder out = new StringBuilder();
      Duration total = Duration.ZERO;
      for (Radiogram r : radiograms) {
        String onAir;
        try {
          onAir = OperatorProcedure.radiogram(called, own, r);
        } catch (RadioFormatException e) {
          throw new MalformedInputException(in.name(), 0, 0, "radiogram No. " + r.number()
              + " cannot be keyed: " + e.messageWithColumn());
        }
        Duration d = s.keyingTime(russian.encodeStream(onAir, in.name()));
        total = total.plus(d);
        int n = r.groups().size();
        out.append("No. ").append(r.number()).append(" (").append(n)
            .append(n == 1 ? " group" : " groups").append("): ").append(MorseTimes.duration(d))
            .append('\n');
      }
      out.append(radiograms.size()).append(radiograms.size() == 1 ? " radiogram" : " radiograms")
          .append(" on the air: ").append(MorseTimes.duration(total)).append(' ')
          .append(MorseTimes.at(s)).append('\n');
      print(out.toString());
      return ExitCodes.OK;
    }

    private void checkCallSign(String option, String call) {
      if (!call.matches("[А-Я0-9]+")) {
        throw usage(option + " must be capital Cyrillic letters А-Я and digits, such as "
            + Scenario1949.MOSCOW_CALL + "; got \"" + call + "\"");
      }
    }

    /** Returns the radiograms of the input, or none if it is not radiograms. */
    private static List<Radiogram> radiograms(CliIo.Input in) throws MalformedInputException {
      if (Json.looksLikeJson(in.text())) {
        List<Radiogram> out = new ArrayList<>();
        for (RadiogramInput r : RadiogramInput.parse(in)) {
          out.add(r.radiogram());
        }
        return out;
      }
      try {
        return Radiogram.parseAll(in.text(), in.name());
      } catch (MalformedInputException notRadiograms) {
        return List.of();
      }
    }
  }

  /** How the {@code morse} commands print times, speeds and frequencies. */
  static final class MorseTimes {
    private MorseTimes() {}

    /**
     * Returns a duration in seconds to the millisecond, {@code 2.58 s}, and from a minute on also
     * in minutes and whole seconds, {@code 22 min 40 s (1360 s)}.
     */
    static String duration(Duration d) {
      long ms = d.plusNanos(500_000).toMillis();
      String exact = BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
      long s = (ms + 500) / 1000;
      return s < 60 ? exact : s / 60 + " min " + s % 60 + " s (" + exact + ")";
    }

    /** Returns {@code at 20 WPM}, or with Farnsworth spacing the speeds of both. */
    static String at(KeyingSpeed s) {
      return s.isFarnsworth() ? "at " + s.effectiveWpm() + " WPM (Farnsworth, characters at "
          + s.characterWpm() + " WPM)" : "at " + s.characterWpm() + " WPM";
    }

    /** Returns a number without a needless fraction: {@code 700}, {@code 712.5}. */
    static String number(double x) {
      return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
  }
}
