import { HttpErrorResponse } from '@angular/common/http';
import { errorEntries, errorMessages } from './http-errors';
import { useLanguage } from './i18n';

const refusal = (status: number, message: string | string[], i18n?: unknown) => new HttpErrorResponse({ status, statusText: 'Refused', error: { statusCode: status, message, error: 'Refused', ...(i18n !== undefined && { i18n }) } });

describe('errorMessages', () => {
  const texts = {
    'base.loginTaken': 'El usuario «{login}» ya está en uso',
    'validation.maxLength': '{field} debe tener como máximo {max} caracteres',
    'base.lastAdmin': '{name} es el último administrador activo: dé el grupo Administrador a otro usuario activo antes de {change, select, demote {quitárselo} other {archivarlo}}',
  };

  it('reads each message in the loaded texts when its key is known, with its ICU params', () => {
    expect(errorMessages(refusal(409, 'login "marc" is already taken', [{ key: 'base.loginTaken', params: { login: 'marc' } }]), texts)).toEqual(['El usuario «marc» ya está en uso']);
    expect(errorMessages(refusal(409, 'x', [{ key: 'base.lastAdmin', params: { name: 'Ana', change: 'archive' } }]), texts)).toEqual(['Ana es el último administrador activo: dé el grupo Administrador a otro usuario activo antes de archivarlo']);
  });

  it('keeps the English of a message whose key is unknown, or that has no i18n (an older server, a proxy)', () => {
    const error = refusal(400, ['name must be shorter than or equal to 100 characters', 'property x should not exist'], [
      { key: 'validation.maxLength', params: { field: 'name', max: 100 } },
      { key: 'validation.unheardOf', params: { field: 'x' } },
    ]);
    expect(errorMessages(error, texts)).toEqual(['name debe tener como máximo 100 caracteres', 'property x should not exist']);
    expect(errorMessages(refusal(409, 'Cannot do that'), texts)).toEqual(['Cannot do that']);
    expect(errorMessages(refusal(409, 'Cannot do that', 'not a list'), texts)).toEqual(['Cannot do that']);
    expect(errorMessages(refusal(409, 'Cannot do that', [{ key: 'toString' }]), texts)).toEqual(['Cannot do that']);
  });

  it('keeps the English beside each text, for the forms that place a message beside its field', () => {
    expect(errorEntries(refusal(409, 'login "marc" is already taken', [{ key: 'base.loginTaken', params: { login: 'marc' } }]), texts)).toEqual([{ text: 'El usuario «marc» ya está en uso', english: 'login "marc" is already taken' }]);
  });

  it("uses the user's texts by default, and the server's own English in English", () => {
    const error = refusal(400, ['password must be 8 to 200 characters'], [{ key: 'validation.isLength', params: { field: 'password', min: 8, max: 200 } }]);
    try {
      useLanguage('es-ES', {}, {}, { 'validation.isLength': '{field} debe tener entre {min} y {max} caracteres' });
      expect(errorMessages(error)).toEqual(['password debe tener entre 8 y 200 caracteres']);
      useLanguage('en-US', {}, {}, { 'validation.isLength': '{field} must be {min} to {max} characters long' });
      expect(errorMessages(error)).toEqual(['password must be 8 to 200 characters']);
    } finally {
      useLanguage('en-US', {});
    }
  });
});
