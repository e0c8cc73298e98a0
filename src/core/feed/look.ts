import type { Channel, ChannelLook } from '../scenario/scenario.schema';

/** A channel's feed look: the scenario's choice, else a guess from its id or name, else a timeline. */
export function channelLook(channel: Pick<Channel, 'id' | 'name' | 'look'>): ChannelLook {
  if (channel.look) return channel.look;
  const words = `${channel.id} ${channel.name}`.toLowerCase();
  if (/facebook|\bfb\b|page/.test(words)) return 'facebook-page';
  if (/review|trustpilot|rating|stars?\b/.test(words)) return 'review-site';
  return 'x-timeline';
}
