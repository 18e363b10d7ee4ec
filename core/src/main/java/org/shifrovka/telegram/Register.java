package org.shifrovka.telegram;

/**
 * An office's register: hands out registry numbers from a base in steps ({@code 50450, 50470,
 * 50490} with base 50450 and step 20).
 *
 * <p>The real 1949 register numbered all incoming traffic, so the three parts of Mao's message
 * were 20 apart because other telegrams were registered between them (reference 3.1, inferred); a
 * step models that. Thread-safe.
 */
public final class Register {
  private final int step;
  private final int width;
  private int next;

  private Register(int base, int step, int width) {
    this.next = base;
    this.step = step;
    this.width = width;
  }

  /**
   * Returns a register whose first number is {@code base}.
   *
   * @throws IllegalArgumentException if base is negative or step is not positive
   */
  public static Register of(int base, int step) {
    return of(base, step, 1);
  }

  /** Returns a register whose numbers are written with at least {@code width} digits. */
  public static Register of(int base, int step, int width) {
    if (base < 0 || step < 1) {
      throw new IllegalArgumentException("register base must be >= 0 and step >= 1, got " + base
          + " and " + step);
    }
    return new Register(base, step, width);
  }

  /** Returns the next registry number and advances. */
  public synchronized RegistryNumber next() {
    RegistryNumber n = new RegistryNumber(next, width);
    next += step;
    return n;
  }

  /** Returns the number {@link #next()} would return, without advancing. */
  public synchronized RegistryNumber peek() {
    return new RegistryNumber(next, width);
  }

  /**
   * Returns a register of its own that goes on from where this one stands: the same next number,
   * step and width; advancing either leaves the other as it is.
   *
   * @return the copy
   */
  public synchronized Register copy() {
    return new Register(next, step, width);
  }

  /** Returns the step. */
  public int step() {
    return step;
  }

  @Override
  public synchronized String toString() {
    return "Register[next " + peek() + ", step " + step + "]";
  }
}
