/** The event log, timeline and metrics of a run. */
package org.shifrovka.sim.observe;
