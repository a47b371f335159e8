import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDownloadTickets } from './download-tickets';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'od-tickets-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

async function file(name: string): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, 'zip');
  return full;
}

/** Deletion is fire-and-forget: true once the file is gone, false if it is still there after a second. */
async function removed(file: string): Promise<boolean> {
  for (let i = 0; i < 100 && existsSync(file); i += 1) await new Promise((r) => setTimeout(r, 10));
  return !existsSync(file);
}

describe('download tickets', () => {
  it('hand out each download once, under a ticket that cannot be guessed', async () => {
    const tickets = createDownloadTickets();
    const ticket = tickets.issue(await file('a.zip'), 'outlook-doktor.zip');
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tickets.take('A'.repeat(43))).toBeUndefined();
    expect(tickets.take(ticket)).toEqual({ file: path.join(dir, 'a.zip'), fileName: 'outlook-doktor.zip' });
    expect(tickets.take(ticket)).toBeUndefined();
  });

  it('delete a bundle nobody fetched once its minute is over', async () => {
    vi.useFakeTimers();
    const tickets = createDownloadTickets();
    const stale = await file('stale.zip');
    const ticket = tickets.issue(stale, 'x.zip');
    vi.advanceTimersByTime(59_000);
    expect(existsSync(stale)).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(tickets.take(ticket)).toBeUndefined();
    vi.useRealTimers();
    expect(await removed(stale)).toBe(true);
  });

  it('keep only a few waiting, dropping the oldest, and clear all on close', async () => {
    const tickets = createDownloadTickets();
    const issued: { ticket: string; file: string }[] = [];
    for (let i = 0; i < 9; i += 1) {
      const f = await file(`n${i}.zip`);
      issued.push({ ticket: tickets.issue(f, 'x.zip'), file: f });
    }
    expect(tickets.take(issued[0]!.ticket)).toBeUndefined();
    expect(await removed(issued[0]!.file)).toBe(true);
    expect(tickets.take(issued[1]!.ticket)?.file).toBe(issued[1]!.file);
    await tickets.clear();
    expect(issued.slice(2).map((i) => existsSync(i.file))).toEqual(issued.slice(2).map(() => false));
  });
});
