/** The classroom: the walkthrough as JSON and the web view that renders it in a browser. */
package org.shifrovka.sim.classroom;
