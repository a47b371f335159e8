import type { AppInfo } from '../../../shared/ipc/api';
import { toolInfo } from '../build-info';

/**
 * Features a host offers: the page shows a button disabled with an explanation where its host
 * lacks the feature (a host of an older version, or one built without it).
 */
export const CAPABILITIES: AppInfo['capabilities'] = { bundleExport: true, monitor: true };

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
