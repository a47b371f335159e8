import { describe, expect, it } from 'vitest';
import { credentialsAllowedFor } from './credential-hosts';

describe('where the credential test may send the password', () => {
  it('to the mail domain, its subdomains and the named Exchange host', () => {
    expect(credentialsAllowedFor('contoso.com', 'contoso.com')).toBe(true);
    expect(credentialsAllowedFor('Autodiscover.Contoso.com.', 'contoso.com')).toBe(true);
    expect(credentialsAllowedFor('mail.fabrikam.net', 'contoso.com', 'mail.fabrikam.net')).toBe(true);
  });

  it('nowhere else, also not to look-alikes', () => {
    expect(credentialsAllowedFor('outlook.office365.com', 'contoso.com')).toBe(false);
    expect(credentialsAllowedFor('evilcontoso.com', 'contoso.com')).toBe(false);
    expect(credentialsAllowedFor('contoso.com.evil.example', 'contoso.com')).toBe(false);
    expect(credentialsAllowedFor('owa.fabrikam.net', 'contoso.com', 'mail.fabrikam.net')).toBe(false);
  });
});
