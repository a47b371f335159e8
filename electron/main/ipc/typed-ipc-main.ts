import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventPayload, InvokeResponse } from '../../../shared/ipc/api';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import { guardedHandler, type InvokeHandler, type IpcRejectedError } from './guarded-handler';
import type { SenderFacts } from './sender-check';

/**
 * The only place in the main process that touches `ipcMain` (a lint rule forbids it elsewhere).
 *
 * Handlers are registered per declared channel with the sender check and the schema check in
 * front; events go out through `sendEvent`, typed by channel.
 */
export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  let frame: SenderFacts['frame'] = null;
  try {
    const sender = event.senderFrame;
    if (sender) frame = { url: sender.url, isMainFrame: sender.parent === null };
  } catch {
    // The frame was disposed while the message was in flight: treated as untrusted.
  }
  return { webContentsId: event.sender.id, frame };
}

export function handleInvoke<C extends InvokeChannel>(
  channel: C,
  handler: InvokeHandler<C>,
  isTrusted: (facts: SenderFacts) => boolean,
  onReject?: (error: IpcRejectedError) => void,
): () => void {
  const guarded = guardedHandler(channel, handler, isTrusted, onReject);
  ipcMain.handle(channel, (event, payload: unknown): Promise<InvokeResponse<C>> => guarded(senderFacts(event), payload));
  return () => ipcMain.removeHandler(channel);
}

export function sendEvent<C extends EventChannel>(contents: WebContents, channel: C, payload: EventPayload<C>): void {
  if (!contents.isDestroyed()) contents.send(channel, payload);
}
