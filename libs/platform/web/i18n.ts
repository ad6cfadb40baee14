import type { GroupInfo, MenuNode, ModuleInfo } from '@lc/protocol';
import { languageName } from './language-name';

/**
 * The shell's language, set once before bootstrap (a change of language reloads the shell, as Odoo does).
 * Texts go through Angular's `$localize`; this file keeps what `$localize` does not do: the locale for
 * `Intl` in plain functions and the labels of the modules' menus (data, translated by menu id); plurals are
 * in plural.ts (only lazy pages use them, so they stay out of the start-up bundle).
 */
let locale = 'en-US';
let dictionary: Readonly<Record<string, string>> = {};
let messages: Readonly<Record<string, string>> = {};
let errors: Readonly<Record<string, string>> = {};

/** Called by the shell's start-up with the user's language and the `web`, `messages` and `errors` texts of every module in it. */
export function useLanguage(lang: string, texts: Readonly<Record<string, string>>, messageTexts: Readonly<Record<string, string>> = {}, errorTexts: Readonly<Record<string, string>> = {}): void {
  locale = lang;
  dictionary = texts;
  messages = messageTexts;
  errors = errorTexts;
}

/** The `errors` texts (the server's error messages by key, ICU) in the user's language. */
export function errorTexts(): Readonly<Record<string, string>> {
  return errors;
}

/** The `messages` texts (system messages by key, with ICU `{name}` parameters) in the user's language. */
export function systemMessageTexts(): Readonly<Record<string, string>> {
  return messages;
}

/** The user's language (BCP 47), for `Intl` and `toLocale…String`. */
export function uiLocale(): string {
  return locale;
}

/** Languages named in the user's language ("Allemand (Allemagne)" for a French reader), not the server's English. */
export function namedInUserLanguage<T extends { code: string; name: string }>(languages: readonly T[]): T[] {
  return languages.map((l) => ({ ...l, name: languageName(l.code, locale) }));
}

/** A menu's label in the user's language: the `menu.<id>` text of the module declaring it, else its manifest label. */
export function translateMenus(menus: readonly MenuNode[]): MenuNode[] {
  return menus.map((node) => ({ ...node, label: dictionary[`menu.${node.id}`] ?? node.label, children: translateMenus(node.children) }));
}

/** An app's name and summary in the user's language: `app.<name>.label` / `.summary` of its module, else the manifest's. */
export function translateModules(modules: readonly ModuleInfo[]): ModuleInfo[] {
  return modules.map((m) => ({ ...m, label: dictionary[`app.${m.name}.label`] ?? m.label, summary: dictionary[`app.${m.name}.summary`] ?? m.summary }));
}

/** A group's label and description in the user's language: `group.<id>.label` / `.description` of the declaring module. */
export function translateGroups(groups: readonly GroupInfo[]): GroupInfo[] {
  return groups.map((g) => ({ ...g, label: dictionary[`group.${g.id}.label`] ?? g.label, description: dictionary[`group.${g.id}.description`] ?? g.description }));
}
