/**
 * shifrovka: period-style Soviet cipher telegrams of 1949.
 *
 * <p>The entry point for embedding is {@link org.shifrovka.CipherOffice}: message in, telegrams
 * out; radiograms in, message out with a report of what was garbled or missing. The steps it
 * chains live in their own packages:
 *
 * <ul>
 *   <li>{@link org.shifrovka.text} - telegraphese and the canonical form of a message;
 *   <li>{@link org.shifrovka.codebook} - the 4-digit codebook with spell tables, and regrouping
 *       into 5-digit groups;
 *   <li>{@link org.shifrovka.pad} - one-time pad sheets, the additive and the pad ledger;
 *   <li>{@link org.shifrovka.telegram} - telegram envelopes, radiograms, archival copies,
 *       registers and multi-part reassembly;
 *   <li>{@link org.shifrovka.scenario} - the built-in 1949 scenario.
 * </ul>
 */
package org.shifrovka;
