package org.shifrovka.cryptanalysis;

/**
 * One telegram of a depth and where it sits on the shared key: its cipher-text group {@code g}
 * was enciphered with key group {@code offset + g} of the depth (offsets are in 5-digit groups and
 * the smallest in a depth is 0).
 *
 * @param interceptId the intercept number
 * @param offset the telegram's first text group's place on the shared key, in groups
 */
public record DepthMember(int interceptId, int offset) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the offset is negative
   */
  public DepthMember {
    if (offset < 0) {
      throw new IllegalArgumentException("an offset is not negative, got " + offset);
    }
  }
}
