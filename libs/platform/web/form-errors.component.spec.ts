import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { fieldErrors, FormErrorsComponent } from './form-errors.component';
import { useLanguage } from './i18n';

const refusal = (message: string | string[]) => new HttpErrorResponse({ status: 400, statusText: 'Bad Request', error: { statusCode: 400, message } });

describe('FormErrorsComponent', () => {
  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(FormErrorsComponent);
    fixture.componentRef.setInput('title', 'The thing could not be saved:');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return fixture.nativeElement;
  }
  const items = (host: HTMLElement) => Array.from(host.querySelectorAll('li'), (li) => li.textContent);

  it('shows nothing without an error', async () => {
    expect((await render({ error: null })).querySelector('[role=alert]')).toBeNull();
    expect((await render({ error: [] })).querySelector('[role=alert]')).toBeNull();
  });

  it("lists the server's messages, or the form's own, under the title", async () => {
    const host = await render({ error: refusal(['name should not be empty', 'password must be 8 to 200 characters']) });
    expect(host.querySelector('.lc-alert-danger strong')?.textContent).toBe('The thing could not be saved:');
    expect(items(host)).toEqual(['name should not be empty', 'password must be 8 to 200 characters']);
    expect(items(await render({ error: ['Name is required.'] }))).toEqual(['Name is required.']);
    expect(items(await render({ error: new HttpErrorResponse({ status: 0 }) }))).toEqual(['The server cannot be reached. Check your connection and try again.']);
  });

  it('leaves out the messages of the fields the form shows beside them', async () => {
    const error = refusal(['currentPassword is not your current password', 'newPassword must be 8 to 200 characters']);
    expect(items(await render({ error, besideFields: ['currentPassword'] }))).toEqual(['newPassword must be 8 to 200 characters']);
    expect((await render({ error: refusal('currentPassword is not your current password'), besideFields: ['currentPassword'] })).querySelector('[role=alert]')).toBeNull();
  });
});

describe('fieldErrors', () => {
  it("takes a field's messages by its name, nested ones included, and no other field's", () => {
    const error = refusal(['colors.button must be a hexadecimal color', 'colorsText must be a string', 'name should not be empty']);
    expect(fieldErrors(error, 'colors')).toEqual(['colors.button must be a hexadecimal color']);
    expect(fieldErrors(error, 'name')).toEqual(['name should not be empty']);
    expect(fieldErrors(null, 'name')).toEqual([]);
  });

  it("places a translated message by the field its English names", () => {
    useLanguage('fr-FR', {}, {}, { 'base.wrongCurrentPassword': 'Ce n’est pas votre mot de passe actuel' });
    try {
      const error = new HttpErrorResponse({ status: 400, error: { statusCode: 400, message: ['currentPassword is not your current password'], i18n: [{ key: 'base.wrongCurrentPassword', params: {} }] } });
      expect(fieldErrors(error, 'currentPassword')).toEqual(['Ce n’est pas votre mot de passe actuel']);
      expect(fieldErrors(error, 'newPassword')).toEqual([]);
    } finally {
      useLanguage('en-US', {});
    }
  });
});
