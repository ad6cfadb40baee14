import { uiLocale } from './i18n';

/**
 * Formats an ICU plural message (`{count, plural, =0 {none} one {# chat} other {# chats}}`, possibly with text
 * around it) for `count` with the language's plural rules; `{name}` placeholders take `params`. Messages come from
 * `$localize` so that the translation picks its own categories (Chinese has only `other`).
 */
export function plural(message: string, count: number, params: Readonly<Record<string, string | number>> = {}): string {
  return formatIcu(message, { ...params, count });
}

/**
 * An ICU message (`{name}` placeholders, `{n, plural, …}` and `{kind, select, a {…} other {…}}` blocks) with
 * `values`, in the user's language: the server's error texts, whose keys and params come with the error.
 */
export function formatIcu(message: string, values: Readonly<Record<string, string | number>>): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    out += message.slice(i, open);
    const close = matchingBrace(message, open);
    const inner = message.slice(open + 1, close);
    const head = /^\s*(\w+)\s*,\s*(plural|select)\s*,/.exec(inner);
    const cases = head && inner.slice(head[0].length);
    out += !head ? String(values[inner.trim()] ?? `{${inner}}`) : head[2] === 'plural' ? pluralCase(cases!, Number(values[head[1]] ?? values['count']), values) : selectCase(cases!, String(values[head[1]]), values);
    i = close + 1;
  }
  return out + message.slice(i);
}

function selectCase(cases: string, value: string, values: Readonly<Record<string, string | number>>): string {
  const found = blockCases(cases, /\s*([\w-]+)\s*\{/g);
  return formatIcu(found.get(value) ?? found.get('other') ?? '', values);
}

function pluralCase(cases: string, n: number, values: Readonly<Record<string, string | number>>): string {
  const found = blockCases(cases, /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g);
  const text = found.get(`=${n}`) ?? found.get(new Intl.PluralRules(uiLocale()).select(n)) ?? found.get('other') ?? '';
  return formatIcu(text.replace(/#/g, new Intl.NumberFormat(uiLocale()).format(n)), values);
}

/** `{case {text} case {text}}` → case → text. */
function blockCases(cases: string, selector: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  let match: RegExpExecArray | null;
  while ((match = selector.exec(cases))) {
    const open = match.index + match[0].length - 1;
    const close = matchingBrace(cases, open);
    found.set(match[1], cases.slice(open + 1, close));
    selector.lastIndex = close + 1;
  }
  return found;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}
