package org.shifrovka.text;

/**
 * What {@link Telegraphese} does with a character that has no rendering in telegraphese: not a
 * letter (after transliteration), a digit, a sign of {@link Language} or a space (an emoji, Greek
 * or Chinese script, a control character).
 */
public enum UnknownCharacters {
  /**
   * Refuse the message with an error naming the character, its line and column (the library's
   * default: nothing is changed without the caller asking).
   */
  REFUSE,
  /**
   * Write the character's Unicode name as words, as a clerk would describe a sign he cannot send:
   * {@code 😀} becomes {@code GRINNING FACE}, {@code α} {@code GREEK SMALL LETTER ALPHA}; a code
   * point without a name becomes {@code UNICODE} and its hex digits. The command line's default.
   */
  SPELL,
  /** Leave the character out, as if it were a space. */
  DROP
}
