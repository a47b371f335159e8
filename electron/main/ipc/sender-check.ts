/**
 * What the main process knows about who sent an IPC message.
 *
 * Taken from Electron's event by `typed-ipc-main.ts`; plain data so the trust decision can be
 * tested without Electron.
 */
export interface SenderFacts {
  webContentsId: number;
  /** The sending frame; null when it navigated away or was destroyed before the message was handled. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/** Where the app's own page lives: `app://outlook-doktor`, or the dev server in development. */
export interface TrustedLocation {
  protocol: string;
  host: string;
}

export interface SenderPolicy {
  /** The web contents of the app's own windows, at the time of the message. */
  webContentsIds(): Iterable<number>;
  location: TrustedLocation;
}

/** The protocol and host of a URL the app loads its page from. */
export function trustedLocationOf(url: string): TrustedLocation {
  const parsed = new URL(url);
  return { protocol: parsed.protocol, host: parsed.host };
}

/**
 * True only for the main frame of one of the app's own windows, showing the app's own page.
 *
 * Subframes, other web contents (a devtools extension, a future second window) and a page that
 * somehow navigated elsewhere are refused: VS Code's `validatedIpcMain` and GitHub Desktop's
 * trusted-sender check do the same. Compared by protocol and host, because `URL.origin` is
 * "null" for a custom scheme.
 */
export function isTrustedSender(facts: SenderFacts, policy: SenderPolicy): boolean {
  if (![...policy.webContentsIds()].includes(facts.webContentsId)) return false;
  if (!facts.frame || !facts.frame.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(facts.frame.url);
  } catch {
    return false;
  }
  return url.protocol === policy.location.protocol && url.host === policy.location.host;
}
