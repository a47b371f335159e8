import type { AppInfo } from '../../../shared/ipc/api';
import { toolInfo } from '../build-info';

/**
 * Features of later issues, off until they land: the page shows their buttons disabled with an
 * explanation. The bundle export (issue 5) and the monitor (issue 6) switch their flag on here.
 */
export const CAPABILITIES: AppInfo['capabilities'] = { bundleExport: false, monitor: false };

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
