package org.shifrovka.sim.core;

/** A telegram on one link: the neighbour's name and the telegram's serial. */
record LinkSerial(String station, int serial) {}
