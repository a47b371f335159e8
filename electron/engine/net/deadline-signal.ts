/**
 * A signal that aborts when `parent` does or after `ms`, whichever comes first.
 *
 * Not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: on Node 20 the inner timeout signal
 * is held only weakly by the composite and can be garbage-collected before it fires, so the
 * deadline silently never comes (seen in this project under load; `deadline-signal.test.ts`
 * shows it). A controller and a timer held here cannot get lost. Call `clear()` when the
 * operation ends, so a long-lived parent does not collect listeners.
 */
export function deadlineSignal(parent: AbortSignal | undefined, ms: number, what = 'deadline'): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  const clear = () => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
  };
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`${what}: no answer within ${ms} ms`, 'TimeoutError'));
    clear();
  }, ms);
  // The operation keeps the process alive, not its deadline.
  timer.unref();
  if (parent?.aborted) {
    onParentAbort();
    clear();
  } else {
    parent?.addEventListener('abort', onParentAbort, { once: true });
  }
  controller.signal.addEventListener('abort', clear, { once: true });
  return { signal: controller.signal, clear };
}
