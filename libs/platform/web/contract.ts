import type { Type } from '@angular/core';
import type { Routes } from '@angular/router';
import type { ConversationKindView } from './conversation-kinds';

/**
 * Named places in the shell that modules fill (Odoo's registries: systray, main components...):
 * `messagingMenu` and `discussSidebar` are the top of discuss's messaging menu and of Discuss's sidebar.
 */
export type SlotName = 'systray' | 'dock' | 'preferences' | 'messagingMenu' | 'discussSidebar';

/**
 * A root service a module runs in the background while it is enabled and someone is signed in (Odoo's
 * service registry): e.g. the presence feed, the conversations store. The shell starts it after sign-in
 * or when the module is enabled, and stops it when the module is disabled or on logout.
 */
export interface ModuleService {
  start(): void | Promise<void>;
  stop(): void;
}

export interface SlotContribution {
  /** Lazy so that a module's code is only loaded when the slot shows it. */
  component: () => Promise<Type<unknown>>;
  /** Lower first (left to right in the systray, top to bottom in Preferences). */
  sequence?: number;
}

/** One entry of the composer's suggestion list. */
export interface ComposerSuggestion {
  /** Unique in the list, e.g. `canned_responses:12`. */
  key: string;
  /** The main line, e.g. `/hello`. */
  label: string;
  /** A dimmer second line, e.g. the text that will be inserted. */
  detail?: string;
  /** Replaces the trigger and the word typed after it. */
  insert: string;
}

/** What the user typed: the trigger character and the word after it, up to the caret (`/hel` → `/`, `hel`). */
export interface ComposerSuggestionQuery {
  trigger: string;
  term: string;
  /** The conversation of the composer, when it has one. */
  conversationId?: number;
}

/** Answers a query; a root service, so that it can inject what it needs. A rejection leaves it out of the list. */
export interface ComposerSuggestionSource {
  suggest(query: ComposerSuggestionQuery): Promise<ComposerSuggestion[]>;
}

/**
 * A module's contribution to the message composer (chat windows, Discuss): when a word starts with one of
 * `triggers`, the composer asks the source (loaded lazily, the first time) and lists what it suggests.
 */
export interface ComposerSuggestionProvider {
  /** Single characters, e.g. `['/', ':']`. */
  triggers: string[];
  source: () => Promise<Type<ComposerSuggestionSource>>;
}

/**
 * The web part of a module: modules/<name>/web/index.ts default-exports defineWebModule({...}).
 * The shell gathers them from a generated list and never names a module.
 */
export interface WebModule {
  /** Must equal the manifest's name; the shell hides the module's slots while it is disabled. */
  name: string;
  /** Routes below the shell's navbar, e.g. `{ path: 'field-notes', loadComponent: ... }`. */
  routes?: Routes;
  slots?: Partial<Record<SlotName, SlotContribution[]>>;
  /** Lazy, `providedIn: 'root'` services to start while the module is enabled. */
  services?: Array<() => Promise<Type<ModuleService>>>;
  /** Suggestions in the message composer while the module is enabled (canned responses' `/hello`). */
  composerSuggestions?: ComposerSuggestionProvider[];
  /**
   * How Discuss shows the kinds of conversation this module brings (sidebar section, header, side panel).
   * Not switched with the module: its conversations stay in Discuss while it is disabled, as its data does;
   * what acts on them (a service's ConversationActions) is what stops.
   */
  conversationKinds?: ConversationKindView[];
}

export function defineWebModule(module: WebModule): WebModule {
  return module;
}
