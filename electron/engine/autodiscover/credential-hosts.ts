/**
 * Where the credential test may send the user's password: hosts of the mail domain (the domain
 * itself and its subdomains) and the Exchange host the user named. Anything else Autodiscover
 * points at — a redirect to another domain, an EWS or MAPI URL on a foreign host — is asked
 * anonymously only and recorded as held back, so a hostile or mistaken Autodiscover answer cannot
 * collect the password.
 */
export function credentialsAllowedFor(host: string, domain: string, serverHost?: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const own = [domain.toLowerCase(), ...(serverHost ? [serverHost.toLowerCase()] : [])];
  return own.some((d) => name === d || name.endsWith(`.${d}`));
}
