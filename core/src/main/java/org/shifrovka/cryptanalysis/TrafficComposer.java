package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.shifrovka.codebook.Codebook;

/**
 * Composes the texts of generated traffic: period telegraphese of the kind the 1949 links carried
 * (situation reports, requests, acknowledgements), with formulaic openings and closings, written
 * only with entries of the codebook (so nothing is spelled).
 *
 * <p>This grammar belongs to the traffic generator alone. The attack never sees it: its
 * {@link TelegrapheseModel} is trained on other text (see there), so a reading measures how well
 * a model of the language, not of this generator, recovers the words.
 */
final class TrafficComposer {
  private static final String[] MONTHS = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
      "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  private static final String[] FORCES = {"ENEMY", "GUOMINDANG ARMY", "GUOMINDANG TROOPS",
      "PEOPLE'S LIBERATION ARMY", "FIELD ARMY", "NATIONALISTS", "AMERICANS", "FLEET", "GARRISON",
      "RED ARMY", "LIBERATION ARMY", "ARMED FORCES"};
  private static final String[] UNITS = {"DIVISIONS", "TANKS", "AIRCRAFT", "WARSHIPS", "RIFLES",
      "MACHINE GUNS", "TROOPS", "CORPS", "ARTILLERY", "REINFORCEMENTS", "SPECIALISTS", "ADVISERS"};
  private static final String[] PLACES = {"NANJING", "SHANGHAI", "TIANJIN", "BEIPING", "HANKOU",
      "WUHAN", "XUZHOU", "QINGDAO", "TAIYUAN", "CANTON", "JINAN", "MUKDEN", "HARBIN", "DALNY",
      "PORT ARTHUR", "TAIWAN", "YANGZI RIVER", "HUAI RIVER", "NORTH CHINA", "CENTRAL CHINA",
      "SOUTH CHINA", "MANCHURIA", "XINJIANG", "SICHUAN", "SHANDONG", "HEBEI", "HENAN",
      "CHONGQING", "LANZHOU", "KALGAN"};
  private static final String[] PERSONS = {"CHIANG KAI-SHEK", "LI ZONGREN", "FU ZUOYI",
      "BAI CHONGXI", "ZHOU ENLAI", "LIU SHAOQI", "ZHU DE", "LIN BIAO", "CHEN YI", "GAO GANG",
      "KOVALEV", "ORLOV", "TEREBIN", "LEIGHTON STUART", "MOLOTOV", "VYSHINSKY", "SUN FO",
      "AMERICAN AMBASSADOR", "SOVIET AMBASSADOR", "MAO ZEDONG"};
  private static final String[] ORGS = {"NANJING GOVERNMENT", "GUOMINDANG GOVERNMENT",
      "AMERICAN GOVERNMENT", "BRITISH GOVERNMENT", "CENTRAL COMMITTEE", "POLITBURO",
      "SOVIET GOVERNMENT", "AMERICAN EMBASSY", "DEMOCRATIC LEAGUE", "SECURITY COUNCIL",
      "FOREIGN MINISTRY", "HIGH COMMAND", "GENERAL STAFF", "HEADQUARTERS", "FRENCH GOVERNMENT",
      "COALITION GOVERNMENT", "DEMOCRATIC PARTIES"};
  private static final String[] THINGS = {"PEACE PROPOSAL", "PEACE TALKS", "PEACE TERMS",
      "TREATY", "AGREEMENT", "LOAN", "STATEMENT", "DECLARATION", "MEMORANDUM", "DIPLOMATIC NOTE",
      "MEDIATION", "TRUCE", "ARMISTICE", "CEASE-FIRE", "CREDIT", "RECOGNITION", "COMMUNIQUE",
      "OFFENSIVE", "PLAN", "ORDER", "REPORT", "PROPOSAL", "QUESTION", "ANSWER"};
  private static final String[] MOVED = {"MOVED", "SENT", "TRANSFERRED", "LANDED"};
  private static final String[] ACTS = {"ACCEPT", "REJECT", "SIGN", "PUBLISH", "DISCUSS",
      "PREPARE", "DELAY", "STUDY", "CONFIRM", "SUPPORT"};
  private static final String[] REPORTS = {"REPORTS", "STATES", "INFORMS", "CONFIRMS",
      "DECLARES"};
  private static final String[] SOURCES = {"OUR SOURCES", "RELIABLE SOURCES", "THE PRESS",
      "OUR AGENT", "INTELLIGENCE"};
  private static final String[] STATES = {"GRAVE", "DIFFICULT", "CALM", "TENSE",
      "UNCLEAR", "SERIOUS", "GOOD"};
  private static final String[] SITUATIONS = {"MILITARY SITUATION", "POLITICAL SITUATION",
      "SITUATION", "PRESENT SITUATION"};

  private final Codebook codebook;

  TrafficComposer(Codebook codebook) {
    this.codebook = codebook;
  }

  /**
   * Composes one message of about {@code units} code units.
   *
   * @param addressee the addressee's cover name on this link (opens some messages)
   * @param signature the sender's cover name (closes most messages)
   */
  String compose(Random r, int units, String addressee, String signature) {
    List<String> w = new ArrayList<>(units + 16);
    // the stereotyped opening of period traffic: the addressee, then a reference to the telegram
    // answered (reference 1.2 on the service formulas; their exact wording here is inferred)
    if (r.nextInt(3) > 0) {
      add(w, "TO", addressee, "STOP");
    }
    switch (r.nextInt(6)) {
      case 0, 1, 2 -> add(w, "REFERENCE YOUR TELEGRAM NUMBER", num(r, 1, 100), "STOP");
      case 3 -> add(w, "IN REPLY TO YOUR TELEGRAM OF", num(r, 1, 31), pick(r, MONTHS), "STOP");
      case 4 -> add(w, "TOP SECRET STOP");
      default -> add(w, "URGENT STOP");
    }
    while (unitsOf(w) < units - 4) {
      sentence(r, w);
    }
    switch (r.nextInt(3)) {
      case 0 -> add(w, "WITH GREETINGS", signature);
      case 1 -> add(w, "CONFIRM RECEIPT STOP", signature);
      default -> add(w, signature);
    }
    return String.join(" ", w);
  }

  private void sentence(Random r, List<String> w) {
    switch (r.nextInt(10)) {
      case 0 -> add(w, "THE", pick(r, FORCES), "HAS", pick(r, MOVED), num(r, 2, 60),
          pick(r, UNITS), "TO THE AREA OF", pick(r, PLACES), "STOP");
      case 1 -> add(w, "ACCORDING TO", pick(r, SOURCES), "THE", pick(r, FORCES),
          "IS PREPARING AN OFFENSIVE AGAINST", pick(r, PLACES), "STOP");
      case 2 -> add(w, pick(r, PERSONS), pick(r, REPORTS), "THAT THE", pick(r, ORGS), "WILL",
          pick(r, ACTS), "THE", pick(r, THINGS), "ON", num(r, 1, 31), pick(r, MONTHS), "STOP");
      case 3 -> add(w, "WE ASK YOU TO", pick(r, ACTS), "THE", pick(r, THINGS), "OF THE",
          pick(r, ORGS), "STOP");
      case 4 -> add(w, num(r, 2, 60), pick(r, UNITS), "OF THE", pick(r, FORCES), "ARRIVED IN",
          pick(r, PLACES), "ON", num(r, 1, 31), pick(r, MONTHS), "STOP");
      case 5 -> add(w, "THE", pick(r, THINGS), "OF THE", pick(r, ORGS), "WAS RECEIVED ON",
          num(r, 1, 31), pick(r, MONTHS), "STOP");
      case 6 -> add(w, "PLEASE INFORM", pick(r, PERSONS), "OF THE", pick(r, THINGS), "STOP");
      case 7 -> add(w, "THE", pick(r, SITUATIONS), "IN", pick(r, PLACES), "IS",
          pick(r, STATES), "STOP");
      case 8 -> add(w, "THE", pick(r, ORGS), "HAS NOT YET ANSWERED THE", pick(r, THINGS),
          "COMMA", pick(r, PERSONS), "WILL", pick(r, ACTS), "IT IN", pick(r, PLACES), "STOP");
      default -> add(w, "SEND", num(r, 2, 60), pick(r, UNITS), "TO", pick(r, PLACES), "BY",
          num(r, 1, 31), pick(r, MONTHS), "STOP");
    }
  }

  private static void add(List<String> w, String... parts) {
    for (String p : parts) {
      for (String t : p.split(" ")) {
        w.add(t);
      }
    }
  }

  private String pick(Random r, String[] words) {
    for (int tries = 0; tries < 16; tries++) {
      String s = words[r.nextInt(words.length)];
      if (inBook(s)) {
        return s;
      }
    }
    return words[0];
  }

  private boolean inBook(String phrase) {
    for (String t : phrase.split(" ")) {
      if (codebook.code(t).isEmpty() && codebook.code(phrase).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String num(Random r, int lo, int hi) {
    return Integer.toString(lo + r.nextInt(hi - lo + 1));
  }

  /** About how many code units the words take (phrases count once per word: an upper bound). */
  private static int unitsOf(List<String> w) {
    return w.size();
  }

  /** Returns every fixed word and slot word of the grammar, for the test that all are coded. */
  static List<String> allWords() {
    List<String> out = new ArrayList<>();
    for (String[] list : new String[][] {MONTHS, FORCES, UNITS, PLACES, PERSONS, ORGS, THINGS,
        MOVED, ACTS, REPORTS, SOURCES, STATES, SITUATIONS}) {
      for (String s : list) {
        out.add(s);
      }
    }
    for (String s : new String[] {"REFERENCE YOUR TELEGRAM NUMBER STOP", "IN REPLY TO OF",
        "TOP SECRET URGENT", "THE HAS TO AREA OF", "ACCORDING",
        "IS PREPARING AN OFFENSIVE AGAINST", "THAT WILL ON", "WE ASK YOU", "ARRIVED IN",
        "WAS RECEIVED", "PLEASE INFORM", "NOT YET ANSWERED COMMA IT", "SEND BY"}) {
      for (String t : s.split(" ")) {
        out.add(t);
      }
    }
    out.add("WITH GREETINGS");
    out.add("CONFIRM RECEIPT");
    return out;
  }
}
