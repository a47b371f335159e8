import { MAX_BUNDLE_FILE_BYTES } from '../../../shared/bundle/bundle-limits';
import {
  EVENT_VERBS,
  INVOKE_VERBS,
  type BundleOpenResponse,
  type EventPayload,
  type InvokeRequest,
  type InvokeResponse,
  type OutlookDoktorApi,
} from '../../../shared/ipc/api';
import { isEventChannel, type EventChannel, type InvokeChannel } from '../../../shared/ipc/channels';
import { createSseParser } from './sse-parser';

/** Where the token waits across a reload of the tab (never in the address bar after start). */
const TOKEN_STORAGE_KEY = 'outlook-doktor.bridge-token';
/** After the event stream drops, wait this long before trying again (the bridge may be restarting). */
const RECONNECT_DELAY_MS = 1_000;
/** The bridge answers `ready` at once on loopback; waiting longer means something is wrong. */
const READY_TIMEOUT_MS = 10_000;

export class BridgeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeUnavailableError';
  }
}

/** The token from `#token=…`, removed from the address bar, or the one kept from before a reload. */
export function takeToken(location: Pick<Location, 'hash'>, storage: Pick<Storage, 'getItem' | 'setItem'>, clearHash: () => void): string | null {
  const fromHash = /(?:^#|&)token=([A-Za-z0-9_-]{16,200})(?:&|$)/.exec(location.hash)?.[1];
  if (fromHash) {
    storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    clearHash();
    return fromHash;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

/**
 * The page's API over the web bridge: invoke verbs as POST requests, events from one
 * Server-Sent Events stream, the token in the Authorization header of both.
 *
 * Resolves once the event stream is open, so no event of a run started afterwards is missed.
 */
export async function connectWebBridge(win: Window): Promise<OutlookDoktorApi> {
  const token = takeToken(win.location, win.sessionStorage, () =>
    win.history.replaceState(null, '', win.location.pathname + win.location.search),
  );
  if (!token) throw new BridgeUnavailableError('no access token in the address (#token=…)');
  const headers = { authorization: `Bearer ${token}` };
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  const dispatch = (channel: string, data: string) => {
    if (!isEventChannel(channel)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };

  const openStream = async (onReady: () => void): Promise<void> => {
    const response = await fetch('/api/events', { headers, cache: 'no-store' });
    if (!response.ok || !response.body) throw new BridgeUnavailableError(`event stream: HTTP ${response.status}`);
    const parser = createSseParser(({ event, data }) => (event === 'ready' ? onReady() : dispatch(event, data)));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  };

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new BridgeUnavailableError('event stream did not open')), READY_TIMEOUT_MS);
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const ready = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    // Keeps the stream open for the page's lifetime; reconnects after a drop (events in between are lost).
    const loop = async () => {
      for (;;) {
        try {
          await openStream(ready);
        } catch (error) {
          if (!settled) {
            fail(error);
            return;
          }
        }
        await new Promise((r) => setTimeout(r, RECONNECT_DELAY_MS));
      }
    };
    void loop();
  });

  const invoke = async <C extends InvokeChannel>(channel: C, request: InvokeRequest<C> | undefined): Promise<InvokeResponse<C>> => {
    const response = await fetch(`/api/invoke/${channel}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
      cache: 'no-store',
    });
    const body = (await response.json().catch(() => ({}))) as { value?: InvokeResponse<C>; error?: string };
    if (!response.ok) throw new Error(`${channel}: ${body.error ?? `HTTP ${response.status}`}`);
    return body.value as InvokeResponse<C>;
  };

  const api: Record<string, unknown> = {};
  for (const [verb, channel] of Object.entries(INVOKE_VERBS)) {
    api[verb] = (request?: InvokeRequest<typeof channel>) => invoke(channel, request);
  }
  for (const [verb, channel] of Object.entries(EVENT_VERBS)) {
    api[verb] = (listener: (payload: EventPayload<typeof channel>) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    };
  }
  // The clipboard belongs to the browser, not to the bridge process: written here, in the page.
  api.writeClipboardText = async (request: InvokeRequest<'clipboard:write-text'>) => {
    await win.navigator.clipboard.writeText(request.text);
  };

  // The bridge writes the bundle into its own folder; the browser then downloads it once, by
  // its ticket, as a plain navigation (which is what a browser saves as a file).
  api.saveBundle = async (request: InvokeRequest<'bundle:save'>) => {
    const response = await invoke('bundle:save', request);
    if (response.ok && response.target.kind === 'download') {
      const link = win.document.createElement('a');
      link.href = `/api/bundle/download/${response.target.ticket}`;
      link.download = response.target.fileName;
      link.hidden = true;
      win.document.body.append(link);
      link.click();
      link.remove();
    }
    return response;
  };

  // No native dialog behind a browser page: the page's own file chooser, then an upload.
  const upload = async (file: File): Promise<BundleOpenResponse> => {
    if (file.size > MAX_BUNDLE_FILE_BYTES) return { ok: false, problem: 'too-large', bytes: file.size, limit: MAX_BUNDLE_FILE_BYTES };
    const response = await fetch('/api/bundle/open', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream', 'x-bundle-name': encodeURIComponent(file.name) },
      body: file,
      cache: 'no-store',
    });
    const body = (await response.json().catch(() => ({}))) as { value?: BundleOpenResponse; error?: string; limit?: number };
    if (response.status === 413) return { ok: false, problem: 'too-large', bytes: file.size, limit: body.limit ?? MAX_BUNDLE_FILE_BYTES };
    if (!response.ok || !body.value) throw new Error(`bundle upload: ${body.error ?? `HTTP ${response.status}`}`);
    return body.value;
  };
  api.openBundle = async () => {
    const file = await chooseFile(win, '.zip,application/zip');
    return file ? upload(file) : ({ ok: false, problem: 'cancelled' } as const);
  };
  api.openBundleFile = (file: File) => upload(file);
  return Object.freeze(api) as OutlookDoktorApi;
}

/**
 * Shows the browser's file chooser and resolves with the chosen file, or null when the user
 * closed it. Must be called while handling the user's click (browsers open it only then).
 */
export function chooseFile(win: Window, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    win.document.body.append(input);
    input.click();
  });
}
