import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LazyOutletComponent } from './lazy-outlet.component';

@Component({ selector: 'lc-test-greeting', template: `Hello {{ name() }}` })
class GreetingComponent {
  readonly name = input('');
}

describe('LazyOutletComponent', () => {
  it('loads the component once and renders it with its inputs', async () => {
    let loads = 0;
    const load = async () => (loads++, GreetingComponent);
    const fixture = TestBed.createComponent(LazyOutletComponent);
    fixture.componentRef.setInput('load', load);
    fixture.componentRef.setInput('inputs', { name: 'Camille' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Hello Camille');

    fixture.componentRef.setInput('inputs', { name: 'Jonas' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Hello Jonas');

    const again = TestBed.createComponent(LazyOutletComponent); // shown again elsewhere: at once, from the cache
    again.componentRef.setInput('load', load);
    again.detectChanges();
    expect(again.nativeElement.textContent).toContain('Hello');
    expect(loads).toBe(1);
  });
});
