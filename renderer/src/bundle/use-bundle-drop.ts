import { useEffect, useState } from 'react';
import { selectActions } from '../store/selectors';
import { useWizard } from '../store/store-context';

/**
 * Drag and drop of a bundle onto the window: files only (dragged text or links are left alone),
 * one file, handed to the store, which refuses anything but a `.zip` before reading it. The
 * window never navigates to a dropped file. Returns whether files are being dragged over the
 * window, for the drop hint.
 */
export function useBundleDrop(): boolean {
  const { openBundleFile, refuseDrop } = useWizard(selectActions);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      // Without this the browser opens the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      if (files.length > 1) refuseDrop({ key: 'ui/viewer/oneFile' });
      else void openBundleFile(files[0]!);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragleave', leave);
    };
  }, [openBundleFile, refuseDrop]);

  return dragging;
}
