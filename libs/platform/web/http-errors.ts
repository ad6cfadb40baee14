import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorI18n } from '@lc/protocol';
import { errorTexts, uiLocale } from './i18n';
import { formatIcu } from './plural';

/**
 * The server's messages of a failed request in the user's language: Nest answers `{ statusCode, message, error }`
 * where `message` is a string or a list naming each bad field, and `i18n` the same as keys of the modules'
 * `errors` texts with their params. Each message reads in the user's language when its key is in the loaded
 * texts, else in the server's English (always, in English: the server's is the en-US text, or class-validator's
 * own words, which say more than the generic `validation.*` text).
 */
export function errorMessages(error: unknown, texts: Readonly<Record<string, string>> = shownErrorTexts()): string[] {
  return errorEntries(error, texts).map((entry) => entry.text);
}

/** A message of a failed request: `text` to show, `english` the server's (which names the field it is about). */
export interface ErrorEntry {
  text: string;
  english: string;
}

/** errorMessages with the server's English of each, for forms that place messages beside their fields. */
export function errorEntries(error: unknown, texts: Readonly<Record<string, string>> = shownErrorTexts()): ErrorEntry[] {
  const plain = (text: string): ErrorEntry => ({ text, english: text });
  if (!(error instanceof HttpErrorResponse)) return [plain(error instanceof Error ? error.message : String(error))];
  if (error.status === 0) return [plain($localize`:@@base.errors.serverUnreachable:The server cannot be reached. Check your connection and try again.`)];
  const body = error.error as { message?: unknown; i18n?: unknown } | null;
  const message = body?.message;
  const messages = Array.isArray(message) ? message.map(String) : typeof message === 'string' && message ? [message] : [];
  const i18n: unknown[] = Array.isArray(body?.i18n) ? body.i18n : [];
  if (messages.length) return messages.map((english, i) => ({ text: translatedError(i18n[i], texts) ?? english, english }));
  return [plain(error.statusText && error.statusText !== 'OK' ? `${error.status} ${error.statusText}` : $localize`:@@base.errors.requestFailed:Request failed (${error.status}:STATUS:)`)];
}

/** The `errors` texts to render messages with: none in English, where the server's message is the text. */
const shownErrorTexts = (): Readonly<Record<string, string>> => (uiLocale().split('-')[0] === 'en' ? {} : errorTexts());

/** One `i18n` entry of an error in the user's language, or undefined when its key is not in the texts. */
function translatedError(entry: unknown, texts: Readonly<Record<string, string>>): string | undefined {
  const { key, params } = (entry ?? {}) as Partial<ErrorI18n>;
  if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(texts, key)) return undefined;
  return formatIcu(texts[key], typeof params === 'object' && params ? params : {});
}

/** The HTTP status of a failed request, 0 for anything that is not an HTTP error. */
export function errorStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
