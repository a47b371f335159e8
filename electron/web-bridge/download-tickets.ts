import { rm } from 'node:fs/promises';
import { createToken } from './request-guard';

/** A written bundle waits this long for the page to fetch it; the page asks at once, so a minute is ample. */
const TICKET_TTL_MS = 60_000;
/** Bundles waiting at once; more means a page that never fetches them, and the oldest are dropped. */
const MAX_PENDING = 8;

export interface PendingDownload {
  file: string;
  fileName: string;
}

export interface DownloadTickets {
  /** Registers a written file and returns its ticket: random, single use, short-lived. */
  issue(file: string, fileName: string): string;
  /** The download for a ticket, which is used up by this call; the caller deletes the file after sending it. */
  take(ticket: string): PendingDownload | undefined;
  /** Forgets every ticket and deletes their files. */
  clear(): Promise<void>;
}

/**
 * The web bridge's finished bundles, each fetchable once under a ticket.
 *
 * A browser download is a plain navigation that cannot carry the bridge's Bearer token, so the
 * ticket stands in for it on this one URL: 256 random bits, handed out only in an answer to a
 * request that had the token, valid once and for a minute. Files never fetched are deleted.
 */
export function createDownloadTickets(): DownloadTickets {
  const pending = new Map<string, PendingDownload & { timer: NodeJS.Timeout }>();
  const drop = (ticket: string) => {
    const entry = pending.get(ticket);
    if (!entry) return;
    pending.delete(ticket);
    clearTimeout(entry.timer);
    void rm(entry.file, { force: true });
  };
  return {
    issue(file, fileName) {
      const ticket = createToken();
      while (pending.size >= MAX_PENDING) drop(pending.keys().next().value!);
      const timer = setTimeout(() => drop(ticket), TICKET_TTL_MS);
      timer.unref();
      pending.set(ticket, { file, fileName, timer });
      return ticket;
    },
    take(ticket) {
      const entry = pending.get(ticket);
      if (!entry) return undefined;
      pending.delete(ticket);
      clearTimeout(entry.timer);
      return { file: entry.file, fileName: entry.fileName };
    },
    async clear() {
      const files = [...pending.values()].map((e) => e.file);
      for (const ticket of [...pending.keys()]) {
        clearTimeout(pending.get(ticket)!.timer);
        pending.delete(ticket);
      }
      await Promise.all(files.map((f) => rm(f, { force: true })));
    },
  };
}
