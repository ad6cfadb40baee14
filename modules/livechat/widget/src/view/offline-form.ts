import { safe } from '../core/safe';
import { MESSAGE_MAX, type VisitorChat } from '../core/visitor-chat';
import { h } from './dom';

const NAME_MAX = 100;
const EMAIL_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = HTMLInputElement | HTMLTextAreaElement;

/** "Leave a message", when no operator is inside the channel: checked here, then sent by the core. */
export function offlineForm(chat: VisitorChat): HTMLFormElement {
  const t = chat.texts.t.bind(chat.texts);
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: String(NAME_MAX) });
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: String(EMAIL_MAX) });
  const body = h('textarea', { name: 'body', required: true, maxlength: String(MESSAGE_MAX), rows: '4' });
  const [nameLabel] = labelled(t('widget.offline.name'), name, t('widget.offline.optional'));
  const [emailLabel, emailError] = labelled(t('widget.offline.email'), email);
  const [bodyLabel, bodyError] = labelled(t('widget.message'), body);
  const status = h('div', { class: 'lc-err', role: 'alert' });
  const submit = h('button', { class: 'lc-pri', type: 'submit', text: t('widget.offline.send') });
  const form = h(
    'form',
    { class: 'lc-form', novalidate: true },
    h('p', { text: t('widget.offline.intro') }),
    nameLabel,
    emailLabel,
    bodyLabel,
    status,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    safe(async () => {
      const em = email.value.trim();
      const text = body.value.trim();
      const emailOk = check(email, emailError, !em ? t('widget.offline.emailMissing') : EMAIL.test(em) ? '' : t('widget.emailInvalid'));
      const bodyOk = check(body, bodyError, !text ? t('widget.offline.bodyMissing') : text.length > MESSAGE_MAX ? t('widget.tooLong', { max: MESSAGE_MAX }) : '');
      if (!emailOk) return email.focus();
      if (!bodyOk) return body.focus();
      submit.disabled = true;
      status.textContent = '';
      try {
        const nm = name.value.trim().slice(0, NAME_MAX);
        // On success the core shows the thank-you screen; this form is dropped.
        status.textContent = await chat.leaveMessage({ ...(nm ? { name: nm } : {}), email: em, body: text });
      } finally {
        submit.disabled = false;
      }
    });
  });
  return form;
}

/** A label around its field, with the field's error line; returns both. */
function labelled(label: string, field: Field, hint?: string) {
  const error = h('span', { class: 'lc-err', 'aria-live': 'polite' });
  return [h('label', null, h('span', null, label, hint ? h('small', { text: ` ${hint}` }) : null), field, error), error] as const;
}

function check(field: Field, error: HTMLElement, problem: string): boolean {
  error.textContent = problem;
  field.setAttribute('aria-invalid', String(!!problem));
  return !problem;
}
