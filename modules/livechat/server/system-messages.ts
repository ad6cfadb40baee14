import { isolateText } from '@lc/platform';
import type { MessageI18n, RatingValue } from '@lc/protocol';

/** The author of every message the server posts into a live chat. */
export const SYSTEM_AUTHOR = { kind: 'system' as const, id: null, name: 'System' };

/** How a rating is named in its message keys (Odoo's faces: 😊 Happy, 😐 Okay, 😞 Unhappy). */
const RATING_NAMES: Record<RatingValue, string> = { 5: 'happy', 3: 'okay', 1: 'unhappy' };

/**
 * Each kind of system message livechat posts, as a key of `i18n/<lang>.json`'s `messages` section with its
 * parameters: every reader (visitor, operator, transcript) reads it in their own language, and discuss
 * stores the English text as its body. Names are isolated: a right-to-left override in one cannot reverse
 * the sentence.
 */
export const SystemMessages = {
  /** The visitor (unnamed: `who` omitted) or an operator ended the chat. */
  ended: (who?: string): MessageI18n => (who ? { key: 'livechat.ended', params: { name: isolateText(who) } } : { key: 'livechat.endedByVisitor', params: {} }),
  rated: (value: RatingValue, comment: string | null): MessageI18n =>
    comment ? { key: `livechat.rated.${RATING_NAMES[value]}.comment`, params: { comment: isolateText(comment) } } : { key: `livechat.rated.${RATING_NAMES[value]}`, params: {} },
  switchedOff: (): MessageI18n => ({ key: 'livechat.switchedOff', params: {} }),
  /** A transfer reached an operator (a named one, or the one another channel's rules chose). */
  nowTalkingWith: (operator: string): MessageI18n => ({ key: 'livechat.nowTalkingWith', params: { name: isolateText(operator) } }),
  /** A transfer to another channel in which nobody is free yet. */
  transferredToQueue: (channel: string): MessageI18n => ({ key: 'livechat.transferredToQueue', params: { channel: isolateText(channel) } }),
  /** An operator who answered a call for help (or a manager) joined beside the operator. */
  joined: (operator: string): MessageI18n => ({ key: 'livechat.joined', params: { name: isolateText(operator) } }),
  /** Someone who had joined a running chat left it. */
  left: (operator: string): MessageI18n => ({ key: 'livechat.left', params: { name: isolateText(operator) } }),
};
