import { describe, expect, it } from 'vitest';
import { checkEmailInput, checkForm, checkServerInput } from './input-check';

describe('start screen input checks', () => {
  it('needs one of the two fields', () => {
    expect(checkForm({ email: ' ', server: '' })).toEqual({ form: { key: 'ui/problem/form/missing' } });
    expect(checkForm({ email: 'anna@contoso.test', server: '' })).toEqual({});
    expect(checkForm({ email: '', server: 'mail.contoso.test' })).toEqual({});
  });

  it.each([
    ['anna.muster@contoso,de', 'ui/problem/email/comma', 'anna.muster@contoso.de'],
    ['anna muster@contoso.de', 'ui/problem/email/space', 'annamuster@contoso.de'],
    ['mailto:anna@contoso.de', 'ui/problem/email/email-local-part', 'anna@contoso.de'],
    ['anna.muster.contoso.de', 'ui/problem/email/email-no-at', undefined],
    ['änna@contoso.de', 'ui/problem/email/email-local-part', undefined],
    ['anna@contoso', 'ui/problem/email/host-invalid', undefined],
  ])('explains the address %j', (input, key, suggestion) => {
    expect(checkEmailInput(input)).toEqual(suggestion ? { key, suggestion } : { key });
  });

  it.each([
    ['https://mail.contoso.de/owa/', 'ui/problem/server/host-has-path', 'mail.contoso.de'],
    ['http://mail.contoso.de', 'ui/problem/server/url-scheme', 'mail.contoso.de'],
    ['https://mail.contoso.de:8443/ews/exchange.asmx', 'ui/problem/server/host-has-path', 'mail.contoso.de:8443'],
    ['mail,contoso.de', 'ui/problem/server/comma', 'mail.contoso.de'],
    ['anna@contoso.de', 'ui/problem/server/looks-like-email', undefined],
    ['mail.contoso.de:99999', 'ui/problem/server/port-invalid', undefined],
    ['mail_server', 'ui/problem/server/host-invalid', undefined],
  ])('explains the server %j', (input, key, suggestion) => {
    expect(checkServerInput(input)).toEqual(suggestion ? { key, suggestion } : { key });
  });

  it('accepts what the shared validation accepts', () => {
    for (const server of ['mail.contoso.de', 'https://mail.contoso.de/', '127.0.0.1:8443', '[::1]:443']) expect(checkServerInput(server)).toBeNull();
  });
});
