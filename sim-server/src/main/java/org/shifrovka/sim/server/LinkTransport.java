package org.shifrovka.sim.server;

/**
 * What carries a simulation's frames between its stations. Either way every frame goes through
 * the same pipeline (encoder, {@link org.shifrovka.sim.fault.LinkHandler}, framer, decoder) as the
 * same bytes, so a seed gives the same report on both.
 */
public enum LinkTransport {
  /**
   * TCP on loopback (the default up to {@value #TCP_STATIONS} stations): a server socket per
   * station and a connection per directed link, as the stations of a real network use.
   */
  TCP,
  /**
   * Netty local channels inside the process: no descriptor, port or kernel buffer per link, for
   * topologies whose sockets would pass the process's limit of open files (a star of 10,000
   * stations needs about 50,000 descriptors on TCP).
   */
  IN_PROCESS;

  /** The most stations a run puts on TCP unless told otherwise. */
  public static final int TCP_STATIONS = 2000;

  /** Returns the transport for a run of {@code stations} stations when none is chosen. */
  public static LinkTransport forStations(int stations) {
    return stations <= TCP_STATIONS ? TCP : IN_PROCESS;
  }
}
