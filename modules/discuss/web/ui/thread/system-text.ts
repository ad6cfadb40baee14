import { InjectionToken } from '@angular/core';
import type { Message } from '@lc/protocol';
import { systemMessageTexts } from '@lc/platform/web';
// Not through @lc/protocol's index, which would bring the DTOs' class-validator into the shell.
import { fillPlaceholders } from '../../../../../libs/protocol/src/languages';

/**
 * A system message in the reader's language: its key looked up in `texts` (the `messages` sections of every
 * module, in the user's language) with its `{name}` parameters filled in; without a key, or a key the texts
 * lack, its stored English body.
 */
export function systemText(message: Pick<Message, 'body' | 'i18n'>, texts: Readonly<Record<string, string>> | null | undefined): string {
  const i18n = message.i18n;
  const text = i18n && texts && Object.prototype.hasOwnProperty.call(texts, i18n.key) ? texts[i18n.key] : null;
  return text ? fillPlaceholders(text, i18n!.params ?? {}) : message.body;
}

/** The `messages` texts in the user's language, for systemText: the shell loads them at start-up with its own. */
export const SYSTEM_MESSAGE_TEXTS = new InjectionToken<Readonly<Record<string, string>> | null>('SYSTEM_MESSAGE_TEXTS', { providedIn: 'root', factory: () => systemMessageTexts() });
