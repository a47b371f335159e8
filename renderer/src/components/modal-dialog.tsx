import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const TABBABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

const useStyles = makeStyles({
  dialog: {
    maxWidth: '820px',
    width: 'calc(100vw - 48px)',
    maxHeight: 'calc(100vh - 48px)',
    padding: tokens.spacingHorizontalXXL,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
});

/**
 * A modal dialog on the browser's own `<dialog>`: the platform makes the page behind it inert,
 * closes on Escape and gives the focus back to where it came from; Tab and Shift+Tab wrap around
 * inside it (the platform would let the focus leave to the window itself). Chosen over the UI
 * library's Dialog, which costs about 7 KB (gzip) of the renderer for the same behaviour.
 *
 * `onClose` is asked on Escape; the owner decides (nothing closes while `dismissible` is false).
 */
export function ModalDialog({
  open,
  onClose,
  labelledBy,
  dismissible = true,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  dismissible?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const wrapFocus = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const tabbable = [...ref.current.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
    const first = tabbable[0];
    const last = tabbable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-modal="true"
      className={mergeClasses(styles.dialog, className)}
      onKeyDown={wrapFocus}
      onCancel={(event) => {
        // The dialog closes when the store says so, not behind its back.
        event.preventDefault();
        if (dismissible) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
