import { createRequire } from 'node:module';

/**
 * Electronegativity (Doyensec's Electron security scanner) as a library.
 *
 * Its CSV writer races its own header write and its SARIF output drops the severity, so the
 * findings are taken from its programmatic API instead. It fetches translations and Electron's
 * release list on every run: call it only inside a network namespace (see security-scan.ts).
 */
export interface ScanIssue {
  id: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  file: string;
  line: number;
  column: number;
  description: string;
  manualReview: boolean;
}

export interface ScanResult {
  checks: number;
  issues: ScanIssue[];
  /** Files the scanner could not parse: the scan is incomplete then. */
  errors: { file: string; message: string }[];
}

interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location?: { line?: number; column?: number };
  description: string;
  manualReview?: boolean;
}

type Run = (options: Record<string, unknown>, forCli?: boolean) => Promise<{ globalChecks: number; atomicChecks: number; errors: { file: string; error?: unknown; message?: string }[]; issues: RawIssue[] }>;

export async function scanBuiltApp(input: string, electronVersion: string): Promise<ScanResult> {
  const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;
  const result = await run({ input, electronVersionOverride: electronVersion, isRelative: true, customScan: [], excludeFromScan: [] }, false);
  return {
    checks: result.globalChecks + result.atomicChecks,
    issues: result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name as ScanIssue['severity'],
      confidence: i.confidence.name,
      file: i.file,
      line: i.location?.line ?? 0,
      column: i.location?.column ?? 0,
      description: i.description,
      manualReview: i.manualReview ?? false,
    })),
    errors: result.errors.map((e) => ({ file: e.file, message: e.message ?? String(e.error) })),
  };
}
