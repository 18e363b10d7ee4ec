package org.shifrovka.sim.server;

import io.netty.channel.Channel;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.fault.LinkModel;

/**
 * A hop over a Netty channel whose pipeline ends in a {@link org.shifrovka.sim.fault.LinkHandler}.
 *
 * @param to the neighbour
 * @param model the link's model
 * @param channel the connection
 * @param receiver the neighbour's receiver for frames from this station
 * @param kernel the simulation
 */
public record ChannelHop(String to, LinkModel model, Channel channel, SimKernel.Receiver receiver,
    SimKernel kernel) implements Hop {
  @Override
  public void send(Frame f) {
    kernel.send(channel, f, receiver);
  }
}
