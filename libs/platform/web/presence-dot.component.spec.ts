import { TestBed } from '@angular/core/testing';
import { PresenceDotComponent } from './presence-dot.component';
import { PresenceStore } from './presence.store';

describe('PresenceDotComponent', () => {
  it('draws nothing until presence is known, then follows the store live', async () => {
    const fixture = TestBed.createComponent(PresenceDotComponent);
    fixture.componentRef.setInput('userId', 7);
    await fixture.whenStable();
    const host: HTMLElement = fixture.nativeElement;
    expect(host.hidden).toBe(true);

    const store = TestBed.inject(PresenceStore);
    store.replaceAll([{ userId: 7, status: 'online' }]);
    await fixture.whenStable();
    expect(host.hidden).toBe(false);
    expect(host.getAttribute('data-status')).toBe('online');
    expect(host.getAttribute('aria-label')).toBe('Online');

    store.set(7, 'away');
    await fixture.whenStable();
    expect(host.classList).toContain('lc-presence-away');
  });

  it('shows unknown users as offline, and a given status without a user', async () => {
    TestBed.inject(PresenceStore).replaceAll([]);
    const fixture = TestBed.createComponent(PresenceDotComponent);
    fixture.componentRef.setInput('userId', 99);
    await fixture.whenStable();
    expect(fixture.nativeElement.getAttribute('data-status')).toBe('offline');
    fixture.componentRef.setInput('status', 'online');
    await fixture.whenStable();
    expect(fixture.nativeElement.getAttribute('data-status')).toBe('online');
  });
});
