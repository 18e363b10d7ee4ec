package org.shifrovka.cryptanalysis;

import java.util.List;
import org.shifrovka.codebook.Codebook;

/**
 * Generated traffic: what the interceptor copied, and, kept apart, what really happened.
 *
 * @param intercepts the intercepts, in the order heard
 * @param answers the truth, for scoring only
 * @param codebook the codebook every link used (the book a class "captures")
 */
public record Traffic(List<Intercept> intercepts, TrafficAnswers answers, Codebook codebook) {
  /** Copies the list. */
  public Traffic {
    intercepts = List.copyOf(intercepts);
  }
}
