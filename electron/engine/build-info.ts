import os from 'node:os';
import type { ToolInfo } from '../../shared/report/build-report';

declare const __BUILD_INFO__: { version: string; commit: string; buildDate: string } | undefined;

/**
 * Version, commit and build date, injected by the bundler (`define`); in tests the values the
 * test config injects.
 */
export function toolInfo(): ToolInfo {
  const info = typeof __BUILD_INFO__ === 'undefined' ? { version: '0.0.0-dev', commit: 'unknown', buildDate: 'unknown' } : __BUILD_INFO__;
  return { ...info, platform: `${os.platform()}-${os.arch()} node-${process.versions.node}` };
}
