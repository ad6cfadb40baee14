import { ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, viewChild } from '@angular/core';
import type { ChannelColors, Lang, PublicChannel } from '@lc/protocol';
// Not through @lc/protocol's index, which would bring the DTOs' class-validator into the shell.
import { SOURCE_LANG } from '../../../../libs/protocol/src/languages';
import { VisitorChat } from '../../widget/src/core/visitor-chat';
import { WidgetView } from '../../widget/src/view/widget-view';

/**
 * How the channel's widget will look on a website: the real widget's views and stylesheet (not a look-alike),
 * fed the form's values instead of the server's. Two stages: the launcher as a visitor first sees it, and the
 * open window with the welcome message. Inert: the preview takes no clicks and sends nothing.
 */
@Component({
  selector: 'lc-widget-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-wp-stage lc-wp-window" #window inert></div>
    <div class="lc-wp-stage lc-wp-launcher" #launcher inert></div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 10px; }
    /* A transform makes each stage the containing block of the widget's position: fixed parts. */
    .lc-wp-stage {
      position: relative; overflow: hidden; transform: translateZ(0); border-radius: 6px;
      background: repeating-linear-gradient(45deg, #f4f5f7, #f4f5f7 10px, #eef0f2 10px, #eef0f2 20px);
    }
    .lc-wp-window { height: 500px; }
    .lc-wp-launcher { height: 96px; }
  `,
})
export class WidgetPreviewComponent {
  readonly name = input('');
  readonly buttonText = input('');
  readonly welcomeMessage = input('');
  readonly colors = input.required<Required<ChannelColors>>();
  /** The visitor's language shown: the widget's own words in it (the channel's texts come already picked). */
  readonly lang = input<Lang>(SOURCE_LANG);

  private readonly windowStage = viewChild.required<ElementRef<HTMLElement>>('window');
  private readonly launcherStage = viewChild.required<ElementRef<HTMLElement>>('launcher');

  constructor() {
    effect(() => {
      const channel: PublicChannel = {
        id: 0,
        name: this.name() || $localize`:@@livechat.kind.liveChat:Live chat`,
        lang: this.lang(),
        buttonText: this.buttonText(),
        welcomeMessage: this.welcomeMessage(),
        colors: this.colors(),
        operatorsInside: 1,
        available: true,
        blocked: false,
        emailTranscripts: false,
      };
      void show(this.launcherStage().nativeElement, channel, false);
      void show(this.windowStage().nativeElement, channel, true);
    });
    inject(DestroyRef).onDestroy(() => [this.windowStage, this.launcherStage].forEach((stage) => stage().nativeElement.replaceChildren()));
  }
}

const shown = new WeakMap<HTMLElement, object>();

/** A widget on its stage with `channel` as the server would describe it: no request, no socket, no saved state. */
async function show(stage: HTMLElement, channel: PublicChannel, open: boolean): Promise<void> {
  const turn = {};
  shown.set(stage, turn); // typing fast: only the last values reach the stage
  const chat = new VisitorChat('', channel.id, {
    // The widget's words come from the server (the same cached file a visitor loads); the channel from the form.
    fetch: async (url, init) => (url.startsWith('/livechat/i18n/') ? fetch(url, init) : { status: 200, json: async () => channel }),
    storage: { getItem: () => null, setItem: () => undefined },
    openSocket: () => {
      throw new Error('The preview opens no socket');
    },
    pageUrl: () => '',
    pageTitle: () => '',
    languages: () => [channel.lang],
  });
  await chat.loadChannel();
  if (shown.get(stage) !== turn) return;
  stage.replaceChildren();
  const view = new WidgetView(chat, channel.id, stage);
  if (open) view.open(false), await chat.start();
  view.render();
}
