import { describe, expect, it } from 'vitest';
import { main } from './main';
import { cliIo } from './testing/cli-io';

function io(stdinText = '') {
  return cliIo({ stdin: stdinText });
}

describe('command line usage', () => {
  it.each([
    [['diagnose'], '--server: at least one of --email and --server is required'],
    [['diagnose', '--server'], '--server: needs a value'],
    [['diagnose', '--server', 'mail.contoso.test', '--frobnicate'], '--frobnicate: unknown option'],
    [['diagnose', '--server', 'mail.contoso.test', 'extra'], "unexpected argument 'extra'"],
    [['diagnose', '--server', 'mail.contoso.test', '--server', 'b.test'], '--server: given more than once'],
    [['diagnose', '--email', 'anna.contoso.test'], '--email: is not a mail address (no @)'],
    [['diagnose', '--server', 'http://mail.contoso.test/'], '--server: must start with https://'],
    [['diagnose', '--server', 'https://mail.contoso.test/owa'], '--server: must be a host name or https://HOST[:PORT]/ without a path'],
    [['diagnose', '--server', 'mail..contoso.test'], '--server: is not a valid host name'],
    [['diagnose', '--server', 'mail.contoso.test', '--dns-server', '1.2.3'], '--dns-server: must be an IP address, optionally with :PORT'],
    [['diagnose', '--server', 'mail.contoso.test', '--timeout', 'ten'], '--timeout: must be a number of seconds'],
    [['diagnose', '--server', 'mail.contoso.test', '--timeout', '0.1'], '--timeout: must be a number of seconds between 1 and 300'],
    [['diagnose', '--server', 'mail.contoso.test', '--lang', 'fr'], '--lang: must be de or en'],
    [['diagnose', '--server', 'mail.contoso.test', '--proxy', 'http://p:8080', '--no-proxy'], '--proxy: --proxy and --no-proxy cannot be used together'],
    [['diagnose', '--server', 'mail.contoso.test', '--proxy', 'http://user:pw@p:8080'], '--proxy: must not contain a user name or password'],
    [['diagnose', '--server', 'mail.contoso.test', '--password-stdin'], '--password-stdin: needs --user'],
    [['diagnose', '--server', 'mail.contoso.test', '--ca-file', '/nonexistent/ca.pem'], '--ca-file: cannot read /nonexistent/ca.pem'],
    [['diagnose', '--server', 'mail.contoso.test', '--connectivity-url', 'ftp://x/'], '--connectivity-url: must be an http:// or https:// URL'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j exits 64 and names the problem', async (argv, message) => {
    const t = io();
    expect(await main(argv, t.streams)).toBe(64);
    expect(t.err()).toContain(message);
    expect(t.out()).toBe('');
  });

  it('prints help and the version', async () => {
    const help = io();
    expect(await main(['diagnose', '--help'], help.streams)).toBe(0);
    expect(help.out()).toContain('--dns-server IP[:PORT]');
    const version = io();
    expect(await main(['--version'], version.streams)).toBe(0);
    expect(version.out()).toMatch(/^outlook-doktor 0\.0\.0-test \(test, /);
  });
});
