import type { Lang } from '@lc/protocol';
import type { LivechatChannel } from './entities';

/** The channel's button text and welcome message in a language, each falling back to the default (en-US) one. */
export function channelTexts(channel: LivechatChannel, lang: Lang): { buttonText: string; welcomeMessage: string } {
  const translated = channel.translations?.[lang];
  return { buttonText: translated?.buttonText || channel.buttonText, welcomeMessage: translated?.welcomeMessage || channel.welcomeMessage };
}
