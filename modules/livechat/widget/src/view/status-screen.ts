import type { Screen } from '../core/visitor-chat';
import type { WidgetTexts } from '../core/texts';
import { h, icon, ICONS } from './dom';

/** The centred screens: connecting, thank you (after a left message), not available (blocked), or an error with "Try again". */
export function statusScreen(screen: Screen | null, error: string, texts: WidgetTexts, actions: { startAgain(): void; minimise(): void }): HTMLElement {
  const t = texts.t.bind(texts);
  const close = () => h('button', { class: 'lc-sec', type: 'button', text: t('widget.close'), onclick: actions.minimise });
  if (screen === 'loading') return h('div', { class: 'lc-center', role: 'status' }, h('div', { class: 'lc-spin' }), h('p', { text: t('widget.connecting') }));
  if (screen === 'unavailable') return h('div', { class: 'lc-center', role: 'status' }, h('h3', { text: t('widget.notAvailable') }), close());
  if (screen === 'thanks')
    return h(
      'div',
      { class: 'lc-center', role: 'status' },
      h('div', { class: 'lc-big' }, icon(ICONS.check, 28)),
      h('h3', { text: t('widget.thanks.title') }),
      h('p', { text: t('widget.thanks.body') }),
      close(),
    );
  return h('div', { class: 'lc-center', role: 'alert' }, h('p', { text: error || t('widget.error.generic') }), h('button', { class: 'lc-pri', type: 'button', text: t('widget.tryAgain'), onclick: actions.startAgain }));
}
