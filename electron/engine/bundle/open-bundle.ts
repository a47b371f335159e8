import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import yauzl from 'yauzl';
import { BUNDLE_ENTRY, bundleEntryKind, unsafeEntryNameReason } from '../../../shared/bundle/bundle-entries';
import { MAX_BUNDLE_FILE_BYTES } from '../../../shared/bundle/bundle-limits';
import { BUNDLE_FORMAT_VERSION, bundleManifestSchema, type BundleManifest } from '../../../shared/bundle/bundle-manifest';
import type {
  BundleEntryInfo,
  BundleOpenError,
  BundleOpenErrorKind,
  LocalizedMessage,
  OpenBundleResult,
  OpenedBundle,
  VerificationProblem,
  VerificationProblemKind,
} from '../../../shared/bundle/open-bundle-result';
import { translator } from '../../../shared/i18n';
import { checklistAnswersSchema, type ChecklistAnswers } from '../../../shared/model/checklist-answers';
import { REPORT_SCHEMA_VERSION, reportSchema } from '../../../shared/report/report-schema';

/**
 * Opens a diagnostic bundle for the viewer, defensively: the file may come from anyone.
 *
 * Nothing is extracted to disk; the entries are inflated into memory within limits that are
 * counted while inflating (header sizes are not trusted). Entry names that could escape a folder
 * on extraction reject the whole file; only the entry names a bundle of ours has are read.
 * report.json must pass the report schema; the manifest's checksums are verified and every
 * mismatch is returned, never hidden. Never throws: every failure is a typed error with a
 * German and an English message.
 */
export interface BundleLimits {
  /** The zip file itself; a day of monitoring plus outputs stays far below. */
  maxFileBytes: number;
  /** Entries in the zip: a bundle has about a dozen plus the system outputs. */
  maxEntries: number;
  /** One inflated entry (a day-long monitor.csv is ~10 MB). */
  maxEntryBytes: number;
  /** All inflated entries together: what the viewer is willing to hold in memory. */
  maxTotalBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxFileBytes: MAX_BUNDLE_FILE_BYTES,
  maxEntries: 500,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export interface OpenBundleOptions {
  limits?: Partial<BundleLimits>;
}

/** Entries the viewer needs as content; the others are only hashed. */
const KEEP = new Set<string>([BUNDLE_ENTRY.report, BUNDLE_ENTRY.manifest, BUNDLE_ENTRY.checklist, BUNDLE_ENTRY.har, BUNDLE_ENTRY.monitor]);
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

class OpenError extends Error {
  constructor(
    readonly kind: BundleOpenErrorKind,
    readonly args: Record<string, string | number> = {},
    readonly entry?: string,
    /** A more specific text than the kind's own (same kind for the caller). */
    readonly messageKey?: string,
  ) {
    super(kind);
  }
}

interface ReadEntry {
  name: string;
  bytes: number;
  sha256: string;
  content: Buffer | null;
}

export async function openBundle(file: string, options: OpenBundleOptions = {}): Promise<OpenBundleResult> {
  const limits = { ...DEFAULT_BUNDLE_LIMITS, ...options.limits };
  let handle: FileHandle | undefined;
  try {
    try {
      handle = await open(file, 'r');
    } catch (error) {
      throw new OpenError('not-found', { detail: (error as Error).message });
    }
    const info = await handle.stat();
    if (!info.isFile()) throw new OpenError('not-found', { detail: 'not a file' });
    if (info.size > limits.maxFileBytes) throw new OpenError('too-large', { size: formatSize(info.size), limit: formatSize(limits.maxFileBytes) });
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const read = await readEntries(handle, head.equals(ZIP_LOCAL_HEADER), limits);
    return { ok: true, bundle: interpret(read, info.size) };
  } catch (error) {
    return { ok: false, error: toOpenError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function readEntries(handle: FileHandle, looksLikeZip: boolean, limits: BundleLimits): Promise<{ entries: ReadEntry[]; skipped: { name: string; bytes: number }[] }> {
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings off: yauzl would reject unsafe names with an untyped error; we check them ourselves.
    zip = await yauzl.fromFdPromise(handle.fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw new OpenError(looksLikeZip ? 'truncated' : 'not-a-zip', { detail: (error as Error).message });
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new OpenError('too-many-entries', { count: zip.entryCount, limit: limits.maxEntries });
    const entries: ReadEntry[] = [];
    const skipped: { name: string; bytes: number }[] = [];
    const seen = new Set<string>();
    let total = 0;
    const iterator = zip.eachEntry();
    for (;;) {
      let next: IteratorResult<yauzl.Entry>;
      try {
        next = await iterator.next();
      } catch (error) {
        // The end record was found, so the file is whole; its table of contents is not.
        if (!looksLikeZip) throw new OpenError('not-a-zip', { detail: (error as Error).message });
        throw new OpenError('corrupt', { detail: (error as Error).message }, undefined, 'corrupt-directory');
      }
      if (next.done) break;
      const entry = next.value;
      const raw = (entry as unknown as { fileNameRaw?: Buffer }).fileNameRaw ?? (entry.fileName as unknown as Buffer);
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
      const unsafe = unsafeEntryNameReason(name);
      if (unsafe) throw new OpenError('unsafe-entry-name', { detail: unsafe }, name);
      if (seen.has(name)) throw new OpenError('duplicate-entry', {}, name);
      seen.add(name);
      if (name.endsWith('/')) continue;
      if (!bundleEntryKind(name)) {
        // Not ours: listed so the viewer can say so, never inflated.
        skipped.push({ name, bytes: entry.uncompressedSize });
        continue;
      }
      if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw new OpenError('unsupported-entry', {}, name);
      if (entry.uncompressedSize > limits.maxEntryBytes) throw new OpenError('entry-too-large', { limit: formatSize(limits.maxEntryBytes) }, name);
      const keep = KEEP.has(name) || name.startsWith('system/');
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let bytes = 0;
      let stream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new OpenError('corrupt', { detail: (error as Error).message }, name);
      }
      try {
        for await (const chunk of stream) {
          const buffer = chunk as Buffer;
          bytes += buffer.length;
          total += buffer.length;
          // Counted while inflating: a header can lie about the size, the bytes cannot.
          if (bytes > limits.maxEntryBytes) throw new OpenError('entry-too-large', { limit: formatSize(limits.maxEntryBytes) }, name);
          if (total > limits.maxTotalBytes) throw new OpenError('content-too-large', { limit: formatSize(limits.maxTotalBytes) }, name);
          hash.update(buffer);
          if (keep) chunks.push(buffer);
        }
      } catch (error) {
        stream.destroy();
        if (error instanceof OpenError) throw error;
        // More bytes than the header declared: the signature of a zip bomb; yauzl stopped it at the declared size.
        if (/too many bytes/i.test((error as Error).message)) throw new OpenError('entry-too-large', { limit: formatSize(Math.min(entry.uncompressedSize, limits.maxEntryBytes)) }, name);
        throw new OpenError('corrupt', { detail: describeStreamError(error as Error) }, name);
      }
      entries.push({ name, bytes, sha256: hash.digest('hex'), content: keep ? Buffer.concat(chunks) : null });
    }
    return { entries, skipped };
  } finally {
    zip.close();
  }
}

function interpret(read: { entries: ReadEntry[]; skipped: { name: string; bytes: number }[] }, fileBytes: number): OpenedBundle {
  const byName = new Map(read.entries.map((e) => [e.name, e]));
  const problems: VerificationProblem[] = [];
  const problem = (entry: string, kind: VerificationProblemKind, args: Record<string, string | number> = {}) =>
    problems.push({ entry, kind, message: localized(`bundle/verify/${kind}`, { entry, ...args }) });

  const reportEntry = byName.get(BUNDLE_ENTRY.report);
  if (!reportEntry?.content) throw new OpenError('missing-report', {}, BUNDLE_ENTRY.report);
  const reportJson = parseJson(reportEntry);
  const reportVersion = (reportJson as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof reportVersion === 'number' && reportVersion > REPORT_SCHEMA_VERSION) {
    const tool = (reportJson as { tool?: { version?: unknown } }).tool?.version;
    throw new OpenError('newer-version', { what: 'report', version: reportVersion, supported: REPORT_SCHEMA_VERSION, tool: typeof tool === 'string' ? tool : '?' }, BUNDLE_ENTRY.report);
  }
  const parsedReport = reportSchema.safeParse(reportJson);
  if (!parsedReport.success) throw new OpenError('invalid-report', { detail: issues(parsedReport.error.issues) }, BUNDLE_ENTRY.report);

  let manifest: BundleManifest | null = null;
  const manifestEntry = byName.get(BUNDLE_ENTRY.manifest);
  if (manifestEntry?.content) {
    const json = parseJson(manifestEntry);
    const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
      const tool = (json as { tool?: { version?: unknown } }).tool?.version;
      throw new OpenError('newer-version', { what: 'bundle', version, supported: BUNDLE_FORMAT_VERSION, tool: typeof tool === 'string' ? tool : '?' }, BUNDLE_ENTRY.manifest);
    }
    const parsed = bundleManifestSchema.safeParse(json);
    if (!parsed.success) throw new OpenError('invalid-manifest', { detail: issues(parsed.error.issues) }, BUNDLE_ENTRY.manifest);
    manifest = parsed.data;
  }

  const status = new Map<string, BundleEntryInfo['status']>();
  if (manifest) {
    const listed = new Set<string>();
    for (const expected of manifest.entries) {
      listed.add(expected.name);
      const actual = byName.get(expected.name);
      if (!actual) {
        problem(expected.name, 'missing');
        continue;
      }
      if (actual.bytes !== expected.size) {
        problem(expected.name, 'size-mismatch', { actual: actual.bytes, expected: expected.size });
        status.set(expected.name, 'mismatch');
      } else if (actual.sha256 !== expected.sha256) {
        problem(expected.name, 'checksum-mismatch');
        status.set(expected.name, 'mismatch');
      } else {
        status.set(expected.name, 'verified');
      }
    }
    for (const e of read.entries) {
      if (e.name !== BUNDLE_ENTRY.manifest && !listed.has(e.name)) {
        problem(e.name, 'unlisted');
        status.set(e.name, 'unlisted');
      }
    }
  }
  for (const s of read.skipped) problem(s.name, 'unexpected');

  let checklist: ChecklistAnswers | null = null;
  const checklistEntry = byName.get(BUNDLE_ENTRY.checklist);
  if (checklistEntry?.content) {
    const parsed = safeJson(checklistEntry);
    const valid = parsed.ok ? checklistAnswersSchema.safeParse(parsed.value) : null;
    if (valid?.success) checklist = valid.data;
    else problem(BUNDLE_ENTRY.checklist, 'unreadable', { detail: parsed.ok ? issues(valid!.error.issues) : parsed.error });
  }

  let har: { entries: number } | null = null;
  const harEntry = byName.get(BUNDLE_ENTRY.har);
  if (harEntry?.content) {
    const parsed = safeJson(harEntry);
    const entries = parsed.ok ? (parsed.value as { log?: { entries?: unknown } } | null)?.log?.entries : undefined;
    if (Array.isArray(entries)) har = { entries: entries.length };
    else problem(BUNDLE_ENTRY.har, 'unreadable', { detail: parsed.ok ? 'no log.entries' : parsed.error });
  }

  const decoder = new TextDecoder('utf-8');
  const report = parsedReport.data;
  return {
    fileBytes,
    report,
    checklist,
    manifest,
    origin: manifest
      ? { toolVersion: manifest.tool.version, createdAt: manifest.createdAt, anonymized: manifest.anonymized }
      : { toolVersion: report.tool.version, createdAt: report.finishedAt, anonymized: null },
    entries: [
      // Without a manifest nothing is verified; the manifest itself is the reference, not checked against itself.
      ...read.entries.map((e): BundleEntryInfo => ({ name: e.name, bytes: e.bytes, status: !manifest ? 'unlisted' : e.name === BUNDLE_ENTRY.manifest ? 'verified' : (status.get(e.name) ?? 'unlisted') })),
      ...read.skipped.map((s): BundleEntryInfo => ({ name: s.name, bytes: s.bytes, status: 'skipped' })),
    ],
    verification: { status: manifest ? (problems.length ? 'problems' : 'verified') : 'no-manifest', problems },
    system: read.entries.filter((e) => e.name.startsWith('system/') && e.content).map((e) => ({ name: e.name, text: decoder.decode(e.content) })),
    monitorCsv: byName.get(BUNDLE_ENTRY.monitor)?.content ? decoder.decode(byName.get(BUNDLE_ENTRY.monitor)!.content) : null,
    har,
  };
}

function parseJson(entry: ReadEntry): unknown {
  const parsed = safeJson(entry);
  if (!parsed.ok) throw new OpenError('invalid-json', { detail: parsed.error }, entry.name);
  return parsed.value;
}

function safeJson(entry: ReadEntry): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8').decode(entry.content)) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function issues(list: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = list.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return `${shown.join('; ')}${list.length > 3 ? ` (+${list.length - 3})` : ''}`;
}

function describeStreamError(error: Error): string {
  if (/not enough bytes/i.test(error.message)) return 'less data than its header declares';
  return error.message;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function localized(key: string, args: Record<string, string | number>): LocalizedMessage {
  return { de: translator('de').t(key, args), en: translator('en').t(key, args) };
}

function toOpenError(error: unknown): BundleOpenError {
  if (error instanceof OpenError) {
    const args: Record<string, string | number> = { entry: error.entry ?? '', ...error.args };
    const message = (lang: 'de' | 'en') => {
      const tr = translator(lang);
      const what = typeof args.what === 'string' ? tr.t(`bundle/formatName/${args.what}`) : undefined;
      return tr.t(`bundle/openError/${error.messageKey ?? error.kind}`, { ...args, ...(what ? { what } : {}) });
    };
    return { kind: error.kind, message: { de: message('de'), en: message('en') }, ...(error.entry ? { entry: error.entry } : {}) };
  }
  // An unforeseen failure of the reader itself: still an answer, never a crash of the viewer.
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'corrupt', message: localized('bundle/openError/corrupt', { entry: '?', detail }) };
}
