/**
 * The shell's font stack (`--lc-font` in apps/web/src/styles/theme.css; styles.spec.ts holds them equal): the
 * widget and the shell read alike. `system-ui` first would pick a wider face on Linux.
 */
export const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','Liberation Sans',sans-serif,'Apple Color Emoji','Segoe UI Emoji'`;

/** The widget's stylesheet, scoped by its shadow root: the page's CSS cannot reach in, ours cannot leak out. */
export const STYLE = `
:host{all:initial}
.lc{--lc-hb:#71639e;--lc-ht:#fff;--lc-bb:#71639e;--lc-bt:#fff;font:14px/1.45 ${FONT};color:#212529;-webkit-font-smoothing:antialiased}
.lc *,.lc *::before,.lc *::after{box-sizing:border-box}
.lc [hidden]{display:none!important}
.lc :where(button){font:inherit;color:inherit;margin:0;cursor:pointer}
.lc button:focus-visible,.lc textarea:focus-visible,.lc input:focus-visible,.lc a:focus-visible{outline:2px solid var(--lc-bb);outline-offset:2px}
.lc-launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:12px;animation:lc-pop .25s ease-out}
.lc-label{background:#fff;color:#343a40;border:0;border-radius:18px;padding:8px 14px;font-size:13px;font-weight:500;box-shadow:0 2px 12px rgba(0,0,0,.15);max-width:300px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lc-btn{position:relative;width:56px;height:56px;border-radius:50%;border:0;padding:0;background:var(--lc-bb);color:var(--lc-bt);box-shadow:0 4px 16px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;transition:transform .15s,box-shadow .15s}
.lc-btn:hover{transform:scale(1.06);box-shadow:0 6px 20px rgba(0,0,0,.3)}
.lc-i{display:inline-flex;line-height:0}
.lc-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#dc3545;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;box-shadow:0 0 0 2px #fff}
.lc-win{position:fixed;right:20px;bottom:0;z-index:2147483001;width:350px;height:480px;max-height:calc(100% - 16px);background:#fff;border-radius:12px 12px 0 0;box-shadow:0 8px 36px rgba(0,0,0,.22),0 0 0 1px rgba(0,0,0,.05);display:flex;flex-direction:column;overflow:hidden;animation:lc-up .2s ease-out}
.lc-head{display:flex;align-items:center;gap:8px;padding:10px 6px 10px 12px;background:var(--lc-hb);color:var(--lc-ht);flex:none}
.lc-av{width:32px;height:32px;border-radius:50%;background:rgba(255,255,255,.22);display:flex;align-items:center;justify-content:center;font-weight:600;font-size:15px;flex:none;position:relative}
.lc-av.on::after{content:"";position:absolute;right:-1px;bottom:-1px;width:10px;height:10px;border-radius:50%;background:#28a745;box-shadow:0 0 0 2px var(--lc-hb)}
.lc-tt{flex:1;min-width:0}
.lc-name,.lc-sub{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lc-name{font-weight:600;font-size:15px;letter-spacing:-.01em}
.lc-sub{font-size:12px;opacity:.85}
.lc-hb{width:30px;height:30px;border:0;border-radius:50%;background:transparent;color:inherit!important;display:flex;align-items:center;justify-content:center;flex:none;opacity:.9}
.lc-hb:hover{background:rgba(255,255,255,.18);opacity:1}
.lc-bar{display:flex;align-items:center;gap:8px;padding:8px 12px;font-size:13px;border-bottom:1px solid #eee;flex:none}
.lc-confirm{background:#fff8e6}
.lc-confirm span{flex:1}
.lc-queue{background:#f3f1f8;color:#4a4063;flex-direction:column;align-items:flex-start;gap:0}
.lc-queue b{font-weight:600}
.lc-body{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:14px 12px 6px;background:#f7f7f9}
.lc-body.plain{background:#fff;padding:14px 14px 6px}
.lc-row{display:flex;flex-direction:column;align-items:flex-start;margin-top:2px}
.lc-row.me{align-items:flex-end}
.lc-row.first{margin-top:10px}
.lc-who{font-size:12px;color:#6c757d;margin:0 0 2px 10px;font-weight:500}
.lc-msg{max-width:82%;padding:8px 12px;border-radius:16px;background:#fff;color:#212529;box-shadow:0 1px 1px rgba(0,0,0,.06);white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.lc-row:not(.me) .lc-msg{border-top-left-radius:6px}
.lc-row.me .lc-msg{background:var(--lc-bb);color:var(--lc-bt);border-top-right-radius:6px}
.lc-row.pend .lc-msg{opacity:.65}
.lc-row.fail .lc-msg{opacity:.6;box-shadow:0 0 0 1px #dc3545}
.lc-meta{font-size:11px;color:#8a8f95;margin:3px 10px 0}
.lc-row.fail .lc-meta{color:#dc3545}
.lc-sys{text-align:center;font-size:12px;color:#8a8f95;margin:12px 16px 4px;white-space:pre-wrap;overflow-wrap:anywhere}
.lc-typing{display:flex;align-items:center;gap:6px;font-size:12px;color:#6c757d;padding:2px 14px 4px;background:#f7f7f9;flex:none;min-height:22px}
.lc-dots{display:inline-flex;gap:3px;padding:5px 7px;background:#e9e8ef;border-radius:10px}
.lc-dots i{width:5px;height:5px;border-radius:50%;background:#7a7390;animation:lc-dot 1.2s infinite ease-in-out}
.lc-dots i:nth-child(2){animation-delay:.15s}.lc-dots i:nth-child(3){animation-delay:.3s}
.lc-note{font-size:12px;color:#b02a37;padding:2px 14px 4px;background:#f7f7f9;flex:none}
.lc-foot{flex:none;border-top:1px solid #ececf0;background:#fff}
.lc-comp{display:flex;align-items:flex-end;gap:6px;padding:8px 8px 8px 12px}
.lc-comp textarea{flex:1;resize:none;border:0;outline:0;padding:7px 0;max-height:110px;min-height:34px;font:inherit;color:#212529;background:transparent;line-height:1.45}
.lc-comp textarea:focus-visible{outline:0}
.lc-send{width:36px;height:36px;border:0;border-radius:50%;background:var(--lc-bb);color:var(--lc-bt)!important;display:flex;align-items:center;justify-content:center;flex:none;transition:opacity .15s}
.lc-send:disabled{opacity:.35;cursor:default}
.lc-count{font-size:11px;color:#6c757d;text-align:right;padding:0 14px 6px}
.lc-count.over{color:#dc3545;font-weight:600}
.lc-end{padding:14px;text-align:center}
.lc-end p{margin:0 0 10px;color:#6c757d;font-size:13px}
.lc-rate{margin:0 0 12px}
.lc-end .lc-q{color:#212529;font-weight:600;font-size:14px}
.lc-faces{display:flex;justify-content:center;gap:10px}
.lc-face{width:46px;height:46px;border:1px solid #dee2e6;border-radius:50%;background:#fff;font-size:24px;line-height:1;transition:transform .1s}
.lc-face:hover{transform:scale(1.08)}
.lc-face[aria-pressed=true]{border-color:var(--lc-bb);box-shadow:0 0 0 3px rgba(113,99,158,.25)}
.lc-more{display:flex;flex-direction:column;gap:8px;margin-top:10px}
.lc-more textarea{font:inherit;color:#212529;border:1px solid #ced4da;border-radius:6px;padding:7px 10px;resize:none;width:100%}
.lc-more textarea:focus{border-color:var(--lc-bb);outline:0}
.lc-rate .lc-err{margin:8px 0 0}
.lc-end .lc-thx{color:#198754;font-weight:600}
.lc-copy{margin:0 0 12px}
.lc-copy-row{display:flex;gap:6px}
.lc-copy-row input{flex:1;min-width:0;font:inherit;color:#212529;border:1px solid #ced4da;border-radius:6px;padding:6px 10px}
.lc-copy-row input:focus{border-color:var(--lc-bb);outline:0}
.lc-copy .lc-err{margin:6px 0 0}
.lc-pri{border:0;border-radius:6px;padding:9px 16px;background:var(--lc-bb);color:var(--lc-bt)!important;font-weight:600}
.lc-pri:hover{filter:brightness(1.08)}
.lc-pri:disabled{opacity:.6;cursor:default}
.lc-sec{border:1px solid #ced4da;border-radius:6px;padding:5px 10px;background:#fff;font-size:13px}
.lc-bar .lc-pri{padding:5px 10px;font-size:13px;background:#dc3545;color:#fff!important}
.lc-form{display:flex;flex-direction:column;gap:9px;padding:0 4px 8px}
.lc-form p{margin:0 0 4px;color:#495057}
.lc-form label{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:500;color:#343a40}
.lc-form label small{font-weight:400;color:#8a8f95}
.lc-form input,.lc-form textarea{font:inherit;font-weight:400;color:#212529;border:1px solid #ced4da;border-radius:6px;padding:8px 10px;background:#fff;width:100%}
.lc-form textarea{resize:vertical;min-height:80px;max-height:200px}
.lc-form input:focus,.lc-form textarea:focus{border-color:var(--lc-bb);outline:0;box-shadow:0 0 0 3px rgba(113,99,158,.18)}
.lc-form [aria-invalid=true]{border-color:#dc3545}
.lc-err{color:#b02a37;font-size:12px;font-weight:400}
.lc-center{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;gap:10px;padding:20px;color:#495057}
.lc-center .lc-big{width:56px;height:56px;border-radius:50%;display:flex;align-items:center;justify-content:center;background:#e8f5ec;color:#28a745}
.lc-center h3{margin:0;font-size:16px;color:#212529}
.lc-center p{margin:0}
.lc-spin{width:28px;height:28px;border-radius:50%;border:3px solid #e2e0ea;border-top-color:var(--lc-hb);animation:lc-rot .8s linear infinite}
@keyframes lc-rot{to{transform:rotate(360deg)}}
@keyframes lc-dot{0%,60%,100%{transform:translateY(0);opacity:.5}30%{transform:translateY(-3px);opacity:1}}
@keyframes lc-up{from{transform:translateY(24px);opacity:0}}
@keyframes lc-pop{from{transform:scale(.6);opacity:0}}
@media (max-width:480px){.lc-win{right:0;left:0;width:auto;height:100%;max-height:none;border-radius:0}.lc-label{display:none}.lc-launch{right:16px;bottom:16px}.lc textarea,.lc input{font-size:16px!important}}
@media (prefers-reduced-motion:reduce){.lc *{animation:none!important;transition:none!important}}

/* Typed text is isolated: a right-to-left override in a name or message reverses nothing around it. */
.lc-who, .lc-msg, .lc-sys, .lc-name { unicode-bidi: isolate; }
`;
