import type { AppInfo } from '../../../shared/ipc/api';
import { toolInfo } from '../build-info';

/**
 * Features of later issues, off until they land: the page shows their buttons disabled with an
 * explanation. The monitor (issue 6) switches its flag on here.
 */
export const CAPABILITIES: AppInfo['capabilities'] = { bundleExport: true, monitor: false };

/** The `app:info` answer of a host. */
export function buildAppInfo(shell: AppInfo['shell'], testMode = false): AppInfo {
  const tool = toolInfo();
  return {
    name: 'Outlook-Doktor',
    version: tool.version,
    commit: tool.commit ?? 'unknown',
    buildDate: tool.buildDate ?? 'unknown',
    platform: tool.platform ?? 'unknown',
    shell,
    capabilities: { ...CAPABILITIES },
    testMode,
  };
}
