import { describe, expect, it } from 'vitest';
import { collectorFixturePath } from '../../e2e/fixtures/collectors';
import { detectOutlookAccount } from './detect-outlook-account';
import { OptionError, prepareRun } from './engine-options';

/** Node prints a recorded `reg query` output, standing in for reg.exe on this machine. */
const PRINT = "process.stdout.write(require('fs').readFileSync(process.argv[1]))";
const regOutputs = ['windows/reg-outlook-default-profile.txt', 'windows/reg-outlook-profiles.txt'];

describe('detectOutlookAccount', () => {
  it('reads the default profile\'s mailbox and server from the registry (Windows)', async () => {
    const account = await detectOutlookAccount({
      platform: 'win32',
      resolveSource: (_c, i) => ({ kind: 'program', program: [process.execPath], args: ['-e', PRINT, collectorFixturePath(regOutputs[i]!)] }),
    });
    expect(account).toEqual({ profile: 'Outlook', email: 'alice.example@contoso.com', server: 'mail.contoso.com' });
  });

  it('runs nothing and finds nothing on other platforms', async () => {
    let asked = false;
    const account = await detectOutlookAccount({
      platform: 'linux',
      resolveSource: () => {
        asked = true;
        return { kind: 'program', program: [process.execPath], args: ['-e', ''] };
      },
    });
    expect(account).toBeNull();
    expect(asked).toBe(false);
  });

  it('gives null when reg.exe is missing or prints nothing useful', async () => {
    const missing = await detectOutlookAccount({ platform: 'win32', resolveSource: () => ({ kind: 'program', program: ['outlook-doktor-no-reg-exe'], args: [] }) });
    expect(missing).toBeNull();
  });
});

describe('prepareRun with Outlook profile defaults', () => {
  const profile = { email: 'alice@contoso.com', server: 'mail.contoso.com' };

  it('fills both from the profile when neither option is given', async () => {
    const { input } = await prepareRun({ profile });
    expect(input).toMatchObject({ email: 'alice@contoso.com', server: { host: 'mail.contoso.com', port: 443 }, serverSource: 'profile' });
  });

  it('uses the profile server for the profile\'s own mailbox, but not for another address', async () => {
    expect((await prepareRun({ email: 'Alice@Contoso.com', profile })).input).toMatchObject({ server: { host: 'mail.contoso.com' }, serverSource: 'profile' });
    expect((await prepareRun({ email: 'bob@fabrikam.com', profile })).input).toMatchObject({
      email: 'bob@fabrikam.com',
      server: { host: 'autodiscover.fabrikam.com' },
      serverSource: 'autodiscover-name',
    });
  });

  it('keeps a given server and adds the profile address', async () => {
    expect((await prepareRun({ server: 'ex2.contoso.com', profile })).input).toMatchObject({ email: 'alice@contoso.com', server: { host: 'ex2.contoso.com' }, serverSource: 'option' });
  });

  it('ignores profile values that do not validate, and still asks for an option without any', async () => {
    await expect(prepareRun({ profile: { email: 'not an address', server: 'bad host name!' } })).rejects.toBeInstanceOf(OptionError);
    await expect(prepareRun({})).rejects.toMatchObject({ option: '--server', problem: 'missing' });
  });
});
