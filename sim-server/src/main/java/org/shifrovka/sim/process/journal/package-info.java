/**
 * The journal file of a process station: its lock, the SQLite journal in it and the hand-over of
 * group commits to the office ({@link org.shifrovka.sim.process.journal.JournalDriver}).
 */
package org.shifrovka.sim.process.journal;
