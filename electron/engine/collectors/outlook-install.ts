import type { OutlookInstallData } from '../../../shared/model/probe-data';
import { defineCollector } from './collector';
import { REG_QUERY_TIMEOUT_MS, findValue, regQueryCommand, regValues } from './reg-query';

/**
 * Reads Outlook's version and bitness from the two `reg query` outputs: the Click-to-Run
 * configuration (Microsoft 365, 2019 and later: `VersionToReport`, `Platform`) and, for MSI
 * installations, `HKLM\SOFTWARE\Microsoft\Office\16.0\Outlook\Bitness`.
 */
export function parseOutlookInstall(outputs: { clickToRun: ReturnType<typeof regValues>; outlook: ReturnType<typeof regValues> }): OutlookInstallData | null {
  if (outputs.clickToRun === null && outputs.outlook === null) return null;
  const c2r = outputs.clickToRun ?? [];
  const text = (name: string) => {
    const v = findValue(c2r, name);
    return typeof v?.data === 'string' && v.data !== '' ? v.data : null;
  };
  const version = text('VersionToReport') ?? text('ClientVersionToReport');
  const platform = text('Platform') ?? (findValue(outputs.outlook ?? [], 'Bitness')?.data as string | undefined) ?? null;
  const bitness = platform && /64/.test(platform) ? 'x64' : platform && /86|32/.test(platform) ? 'x86' : null;
  return {
    clickToRun: version !== null,
    version,
    bitness,
    updateChannel: text('UpdateChannel') ?? text('CDNBaseUrl'),
    productIds: (text('ProductReleaseIds') ?? '').split(',').filter((s) => s.length > 0),
  };
}

/** Office/Outlook version and bitness from the registry (Windows). */
export const outlookInstallCollector = defineCollector({
  id: 'collector.outlook-install',
  title: 'Outlook version and bitness',
  platforms: ['win32'],
  timeoutMs: REG_QUERY_TIMEOUT_MS,
  commands: [
    regQueryCommand('system/reg-office-clicktorun.txt', ['HKLM\\SOFTWARE\\Microsoft\\Office\\ClickToRun\\Configuration']),
    regQueryCommand('system/reg-outlook-bitness.txt', ['HKLM\\SOFTWARE\\Microsoft\\Office\\16.0\\Outlook', '/v', 'Bitness']),
  ],
  parse: ([c2r, outlook]) => parseOutlookInstall({ clickToRun: regValues(c2r), outlook: regValues(outlook) }),
  summarize: (data) =>
    data.version || data.bitness
      ? `Outlook ${data.version ?? '(version unknown)'} ${data.bitness ?? ''}${data.clickToRun ? ' Click-to-Run' : ''}`.trim()
      : 'no Outlook installation found in the registry',
});
