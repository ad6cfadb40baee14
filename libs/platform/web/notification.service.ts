import { Injectable, signal } from '@angular/core';

export type NotificationType = 'success' | 'info' | 'warning' | 'danger';

export interface Notification {
  id: number;
  type: NotificationType;
  title?: string;
  /** One line per entry (a server error may name several fields). */
  messages: string[];
}

export interface NotifyOptions {
  title?: string;
  /** Milliseconds before it disappears; 0 keeps it until closed. */
  duration?: number;
}

const DEFAULT_DURATION: Record<NotificationType, number> = { success: 4000, info: 5000, warning: 7000, danger: 8000 };
const MAX_VISIBLE = 5;

/** Odoo's notification service: small toasts in the top-right corner, for the shell and every module. */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private nextId = 1;
  private readonly items = signal<Notification[]>([]);
  readonly notifications = this.items.asReadonly();

  notify(type: NotificationType, message: string | string[], options: NotifyOptions = {}): number {
    const messages = Array.isArray(message) ? message : [message];
    // The same error twice in a row (e.g. several requests failing together) is shown once.
    const last = this.items().at(-1);
    if (last && last.type === type && last.title === options.title && last.messages.join('\n') === messages.join('\n')) return last.id;
    const id = this.nextId++;
    this.items.update((list) => [...list, { id, type, title: options.title, messages }].slice(-MAX_VISIBLE));
    const duration = options.duration ?? DEFAULT_DURATION[type];
    if (duration > 0) setTimeout(() => this.dismiss(id), duration);
    return id;
  }

  success(message: string | string[], options?: NotifyOptions): number {
    return this.notify('success', message, options);
  }

  info(message: string | string[], options?: NotifyOptions): number {
    return this.notify('info', message, options);
  }

  warning(message: string | string[], options?: NotifyOptions): number {
    return this.notify('warning', message, options);
  }

  danger(message: string | string[], options?: NotifyOptions): number {
    return this.notify('danger', message, options);
  }

  dismiss(id: number): void {
    this.items.update((list) => list.filter((n) => n.id !== id));
  }
}
