package org.shifrovka.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One stage of the VENONA lesson: the same shape as a {@link Stage} of the sending and receiving
 * walkthrough (explanation, sources, input, output, highlights), so that a view renders both alike.
 *
 * @param number the stage's position, from 1
 * @param id the stage
 * @param title a short title
 * @param explanation what the analyst did and why; ends by citing its sources
 * @param sources the sections of the period reference behind the explanation
 * @param inferred true when part of the stage is a reconstruction the sources do not settle
 * @param input what the stage takes in
 * @param output what it gives out
 * @param highlights what to look at
 */
public record VenonaStage(int number, VenonaStageId id, String title, String explanation,
    List<Source> sources, boolean inferred, List<Value> input, List<Value> output,
    List<Highlight> highlights) {

  /** Validates and copies; every highlight must point at a value that exists. */
  public VenonaStage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(explanation, "explanation");
    if (number < 1) {
      throw new IllegalArgumentException("stages are numbered from 1");
    }
    if (sources.isEmpty() && !inferred) {
      throw new IllegalArgumentException("stage " + id + " cites no source and is not inferred");
    }
    sources = List.copyOf(sources);
    input = List.copyOf(input);
    output = List.copyOf(output);
    highlights = List.copyOf(highlights);
    for (Highlight h : highlights) {
      List<Value> side = h.side() == Highlight.Side.INPUT ? input : output;
      if (h.value() >= side.size()) {
        throw new IllegalArgumentException("stage " + id + " highlights value " + h.value()
            + " of " + side.size());
      }
    }
  }
}
