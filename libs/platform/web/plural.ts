import { uiLocale } from './i18n';

/**
 * Formats an ICU plural message (`{count, plural, =0 {none} one {# chat} other {# chats}}`, possibly with text
 * around it) for `count` with the language's plural rules; `{name}` placeholders take `params`. Messages come from
 * `$localize` so that the translation picks its own categories (Chinese has only `other`).
 */
export function plural(message: string, count: number, params: Readonly<Record<string, string | number>> = {}): string {
  const values: Record<string, string | number> = { ...params, count };
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    out += message.slice(i, open);
    const close = matchingBrace(message, open);
    const inner = message.slice(open + 1, close);
    const head = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
    out += head ? pluralCase(inner.slice(head[0].length), Number(values[head[1]] ?? count), values) : String(values[inner.trim()] ?? `{${inner}}`);
    i = close + 1;
  }
  return out + message.slice(i);
}

function pluralCase(cases: string, n: number, values: Record<string, string | number>): string {
  const found = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = selector.exec(cases))) {
    const open = match.index + match[0].length - 1;
    const close = matchingBrace(cases, open);
    found.set(match[1], cases.slice(open + 1, close));
    selector.lastIndex = close + 1;
  }
  const text = found.get(`=${n}`) ?? found.get(new Intl.PluralRules(uiLocale()).select(n)) ?? found.get('other') ?? '';
  return plural(text.replace(/#/g, new Intl.NumberFormat(uiLocale()).format(n)), n, values);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}
