import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A stand-in for Electron's unpacked Linux distribution, for `electronDist` when the real binary
 * cannot be downloaded (this machine, CI without internet).
 *
 * electron-builder copies it, packs `resources/app.asar` beside it, drops the locales the app
 * does not ship and flips the fuses in the "binary". So the stand-in carries what those steps
 * look for: a `locales/` folder and Electron's fuse wire (the sentinel @electron/fuses searches
 * for, wire version 1, then one byte per fuse) with Electron's defaults. A packing test can then
 * read back exactly the fuses the config set.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** ASCII '0' off, '1' on: Electron's defaults for fuses 0–7 (RunAsNode on … GrantFileProtocolExtraPrivileges on). */
const DEFAULT_WIRE = '10110001';

/** Locales the stand-in offers; the config keeps only some of them. */
export const STAND_IN_LOCALES = ['de', 'en-US', 'fr', 'ja'] as const;

/** Writes the stand-in into `dir`; returns `dir`. The executable is named `electron`, as in the real zip. */
export async function writeStandInElectron(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE, 'ascii')]);
  const script = Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary: it cannot run" >&2\nexit 1\n# ');
  await writeFile(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  for (const locale of STAND_IN_LOCALES) await writeFile(path.join(dir, 'locales', `${locale}.pak`), 'stand-in\n');
  await writeFile(path.join(dir, 'version'), 'stand-in\n');
  return dir;
}
