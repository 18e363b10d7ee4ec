package org.shifrovka.radio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Keys a written Morse stream as an audio tone and writes it as a 16-bit mono PCM WAV file, the
 * way a receiver's loudspeaker would sound.
 *
 * <p>Each element is a sine tone (default 700 Hz) switched with a raised-cosine edge (default
 * 5 ms) centred on the nominal key-down and key-up instants, so element lengths measured at half
 * amplitude are exact and there are no key clicks. Timing follows a {@link KeyingSpeed} (default
 * 20 WPM, within the 15-25 WPM plausible for a manual operator of the period (inferred)). The file starts and ends with one word gap of silence (inferred). The default sample
 * rate is 8000 Hz.
 *
 * <h2>Noise and fading</h2>
 * Optional additive white Gaussian noise is set by a signal-to-noise ratio defined as
 * <pre>
 *   SNR (dB) = 10 log10( (A² / 2) / σ² )
 * </pre>
 * where {@code A} is the peak amplitude of the unfaded tone while the key is down (so
 * {@code A²/2} is its mean power) and {@code σ²} is the noise power over the whole band from 0 Hz
 * to half the sample rate (4 kHz at 8000 Hz). The same noise measured in the 2.5 kHz bandwidth
 * usual in amateur radio would read {@code 10 log10(4000/2500) ≈ 2.0} dB better. Optional slow
 * fading multiplies the tone (not the noise) by {@code 1 − depth·(1 − cos(2πt/period + φ))/2},
 * a sinusoid with a random phase {@code φ}; this is a simple stand-in for real ionospheric fading
 * (inferred). Both draw from a {@link SplittableRandom} created from the {@link Builder#seed(long)
 * seed}, so the same settings give the same file, bit for bit. The tone amplitude is chosen so
 * that tone plus four standard deviations of noise stays below full scale; rarer peaks are
 * clipped.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ToneKeyer {

  private static final double HEADROOM = 0.9;

  private final double toneHz;
  private final KeyingSpeed speed;
  private final int sampleRate;
  private final Duration riseTime;
  private final Double snrDb;
  private final Duration fadingPeriod;
  private final double fadingDepth;
  private final long seed;

  private ToneKeyer(Builder b) {
    this.toneHz = b.toneHz;
    this.speed = b.speed;
    this.sampleRate = b.sampleRate;
    this.riseTime = b.riseTime;
    this.snrDb = b.snrDb;
    this.fadingPeriod = b.fadingPeriod;
    this.fadingDepth = b.fadingDepth;
    this.seed = b.seed == null ? 0 : b.seed;
  }

  /**
   * Starts a keyer with the defaults: 700 Hz, 20 WPM, 8000 Hz, 5 ms edges, no noise, no fading.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Keys a written Morse stream and writes it as a WAV file, replacing any existing file.
   *
   * @param morse the written Morse form, see {@link MorseCodec}
   * @param wav where to write
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if the stream is malformed
   */
  public void write(String morse, Path wav) throws IOException {
    Objects.requireNonNull(wav, "wav");
    short[] samples = samples(morse);
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
    }
  }

  /**
   * Returns the audio samples {@link #write} would store.
   *
   * @param morse the written Morse form
   * @return 16-bit signed samples
   */
  short[] samples(String morse) {
    Objects.requireNonNull(morse, "morse");
    List<KeyedRun> runs = KeyedRun.of(morse);
    double unitSeconds = speed.unit().toNanos() / 1e9;
    double spacingSeconds = speed.spacingUnit().toNanos() / 1e9;
    double margin = 7 * spacingSeconds;
    double total = margin;
    for (KeyedRun run : runs) {
      total += run.units() * (run.kind().isSpacing() ? spacingSeconds : unitSeconds);
    }
    total += margin;
    int count = (int) Math.ceil(total * sampleRate);
    double noiseToTone = snrDb == null ? 0 : Math.sqrt(0.5 / Math.pow(10, snrDb / 10));
    double amplitude = HEADROOM / (1 + 4 * noiseToTone);
    double sigma = amplitude * noiseToTone;
    SplittableRandom random = new SplittableRandom(seed);
    double phase = random.nextDouble() * 2 * Math.PI;

    double[] tone = new double[count];
    double rise = riseTime.toNanos() / 1e9;
    double omega = 2 * Math.PI * toneHz / sampleRate;
    double t = margin;
    for (KeyedRun run : runs) {
      double length = run.units() * (run.kind().isSpacing() ? spacingSeconds : unitSeconds);
      if (run.kind() == KeyedRun.Kind.MARK) {
        addElement(tone, t, t + length, rise, omega, amplitude);
      }
      t += length;
    }
    short[] out = new short[count];
    double fadingOmega =
        fadingPeriod == null ? 0 : 2 * Math.PI / (fadingPeriod.toNanos() / 1e9) / sampleRate;
    for (int n = 0; n < count; n++) {
      double x = tone[n];
      if (fadingPeriod != null) {
        x *= 1 - fadingDepth * (1 - Math.cos(fadingOmega * n + phase)) / 2;
      }
      if (snrDb != null) {
        x += sigma * random.nextGaussian();
      }
      out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(x * 32767)));
    }
    return out;
  }

  private void addElement(
      double[] tone, double start, double end, double rise, double omega, double amplitude) {
    int first = (int) Math.ceil((start - rise / 2) * sampleRate);
    int last = (int) Math.floor((end + rise / 2) * sampleRate);
    for (int n = Math.max(0, first); n <= last && n < tone.length; n++) {
      double time = (double) n / sampleRate;
      double envelope;
      if (time < start + rise / 2) {
        envelope = 0.5 * (1 - Math.cos(Math.PI * (time - start + rise / 2) / rise));
      } else if (time > end - rise / 2) {
        envelope = 0.5 * (1 + Math.cos(Math.PI * (time - end + rise / 2) / rise));
      } else {
        envelope = 1;
      }
      tone[n] += amplitude * envelope * Math.sin(omega * n);
    }
  }

  @Override
  public String toString() {
    return String.format(
        "ToneKeyer[%s Hz, %s, %d Hz sampling, %s edges%s%s]",
        toneHz,
        speed,
        sampleRate,
        riseTime,
        snrDb == null ? "" : ", SNR " + snrDb + " dB",
        fadingPeriod == null ? "" : ", fading " + fadingDepth + " over " + fadingPeriod);
  }

  /**
   * Collects a keyer's settings; each setter checks its own value and {@link #build()} checks
   * that they fit together.
   *
   * <p>Not thread-safe; use one builder per keyer.
   */
  public static final class Builder {

    private double toneHz = 700;
    private KeyingSpeed speed = KeyingSpeed.ofWpm(20);
    private int sampleRate = 8000;
    private Duration riseTime = Duration.ofMillis(5);
    private Double snrDb;
    private Duration fadingPeriod;
    private double fadingDepth;
    private Long seed;

    private Builder() {}

    /**
     * Sets the tone frequency.
     *
     * @param hertz a positive frequency below half the sample rate; 700 Hz by default
     * @return this builder
     */
    public Builder toneHz(double hertz) {
      if (!(hertz > 0) || Double.isInfinite(hertz)) {
        throw new IllegalArgumentException("tone must be a positive frequency but was " + hertz);
      }
      this.toneHz = hertz;
      return this;
    }

    /**
     * Sets the keying speed.
     *
     * @param speed the speed; 20 WPM by default
     * @return this builder
     */
    public Builder speed(KeyingSpeed speed) {
      this.speed = Objects.requireNonNull(speed, "speed");
      return this;
    }

    /**
     * Sets the sample rate.
     *
     * @param hertz 1000 to 192000 samples per second; 8000 by default
     * @return this builder
     */
    public Builder sampleRate(int hertz) {
      if (hertz < 1000 || hertz > 192_000) {
        throw new IllegalArgumentException(
            "sample rate must be 1000 to 192000 Hz but was " + hertz);
      }
      this.sampleRate = hertz;
      return this;
    }

    /**
     * Sets the length of the raised-cosine key-down and key-up edges.
     *
     * @param riseTime a positive duration no longer than one unit at the keying speed; 5 ms by
     *     default
     * @return this builder
     */
    public Builder riseTime(Duration riseTime) {
      Objects.requireNonNull(riseTime, "riseTime");
      if (riseTime.isNegative() || riseTime.isZero()) {
        throw new IllegalArgumentException("rise time must be positive but was " + riseTime);
      }
      this.riseTime = riseTime;
      return this;
    }

    /**
     * Adds white Gaussian noise at a signal-to-noise ratio defined in the class documentation.
     * Needs a {@link #seed(long)}.
     *
     * @param snrDb the ratio in decibels, −30 to 100
     * @return this builder
     */
    public Builder noise(double snrDb) {
      if (!(snrDb >= -30 && snrDb <= 100)) {
        throw new IllegalArgumentException("SNR must be -30 to 100 dB but was " + snrDb);
      }
      this.snrDb = snrDb;
      return this;
    }

    /**
     * Adds slow sinusoidal fading of the tone. Needs a {@link #seed(long)} for its phase.
     *
     * @param period one full fade cycle, at least one second
     * @param depth how far the tone fades, 0 (none) to below 1 (to silence)
     * @return this builder
     */
    public Builder fading(Duration period, double depth) {
      Objects.requireNonNull(period, "period");
      if (period.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "fading period must be at least one second but was " + period);
      }
      if (!(depth >= 0 && depth < 1)) {
        throw new IllegalArgumentException("fading depth must be 0 to below 1 but was " + depth);
      }
      this.fadingPeriod = period;
      this.fadingDepth = depth;
      return this;
    }

    /**
     * Sets the seed of the noise and fading generator.
     *
     * @param seed any value; the same seed gives the same audio
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the keyer.
     *
     * @return the keyer
     * @throws IllegalStateException if noise or fading is set without a seed, the tone is not
     *     below half the sample rate, or the edges are longer than one unit
     */
    public ToneKeyer build() {
      if ((snrDb != null || fadingPeriod != null) && seed == null) {
        throw new IllegalStateException("noise and fading need a seed; call seed(long)");
      }
      if (toneHz >= sampleRate / 2.0) {
        throw new IllegalStateException(
            "tone " + toneHz + " Hz is not below half the sample rate " + sampleRate + " Hz");
      }
      if (riseTime.compareTo(speed.unit()) > 0) {
        throw new IllegalStateException(
            "rise time " + riseTime.toMillis() + " ms is longer than one unit ("
                + speed.unit().toMillis() + " ms) at " + speed);
      }
      return new ToneKeyer(this);
    }
  }
}
