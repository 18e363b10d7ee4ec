package org.shifrovka.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One stage of a lesson: what the clerk, the operator or the analyst did, why, where the history
 * comes from, and the stage's input and output as structured values with the things to point at.
 * The walkthrough of a message and the VENONA lesson are made of the same stages, so that every
 * view renders both alike.
 *
 * @param number the stage's position, from 1
 * @param id the stage: a {@link StageId} or a {@link VenonaStageId}
 * @param title a short title
 * @param explanation two to five sentences for a class; ends by citing its sources or saying
 *     what is inferred
 * @param sources the sections of the period reference behind the explanation
 * @param inferred true when part of what the stage does is a choice the sources do not settle
 * @param input what the stage takes in
 * @param output what it gives out
 * @param highlights what to look at
 */
public record Stage(int number, Stage.Id id, String title, String explanation,
    List<Source> sources, boolean inferred, List<Value> input, List<Value> output,
    List<Highlight> highlights) {

  /**
   * What names a stage: {@link StageId} for the sending and receiving walkthrough,
   * {@link SystemStageId} for the stages of the other systems,
   * {@link VenonaStageId} for the VENONA lesson.
   */
  public sealed interface Id permits StageId, SystemStageId, VenonaStageId {
    /**
     * Returns the stable, lower-case id, such as {@code additive}.
     *
     * @return the id
     */
    String id();
  }

  /** Validates and copies; every highlight must point at a value that exists. */
  public Stage {
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
