/**
 * The visitor chat widget. Embedded by any website as
 *   <script src="https://chat.example.com/livechat/widget.js" data-channel="ID" async></script>
 * It talks to the server its own script came from (cross-origin is fine) and renders in a shadow root.
 */
import { Widget } from './widget';

const SELF = /\/livechat\/widget\.js$/;

function ownScript(): HTMLScriptElement | null {
  const cur = document.currentScript as HTMLScriptElement | null;
  if (cur && cur.src && cur.hasAttribute('data-channel')) return cur;
  const all = document.querySelectorAll<HTMLScriptElement>('script[src][data-channel]');
  for (let i = 0; i < all.length; i++) if (SELF.test(new URL(all[i].src, location.href).pathname)) return all[i];
  return null;
}

(() => {
  try {
    const w = window as any;
    const script = ownScript();
    const channel = script ? Number(script.getAttribute('data-channel')) : NaN;
    if (!script || !Number.isInteger(channel) || channel < 1 || w.__livechatWidget) return;
    const src = new URL(script.src, location.href);
    // The server may live under a path prefix: https://example.com/chat/livechat/widget.js
    const prefix = src.pathname.replace(SELF, '').replace(/\/$/, '');
    const widget = new Widget(src.origin, prefix, channel);
    w.__livechatWidget = widget;
    const go = () => widget.boot().catch((e) => console.warn('[livechat]', e));
    if (document.body) go();
    else document.addEventListener('DOMContentLoaded', go);
  } catch (e) {
    console.warn('[livechat]', e);
  }
})();
