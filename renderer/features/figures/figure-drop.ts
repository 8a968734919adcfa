/**
 * Drop and paste of image files on the editor: the images go to the figures dialog (through the editor bridge), while
 * anything else (text, links, other files) is left to what the editor did before.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** The image files among what was dropped or pasted (by their type; the backend checks their content). */
export function imageFilesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  if (files.length === 0 && data.items) {
    for (const item of Array.from(data.items)) {
      if (item.kind !== 'file') continue;
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  return files.filter((f) => f.type.startsWith('image/'));
}

/** The extension: `onImages` gets the image files of a drop or paste and says whether it took them (then the editor does nothing else). */
export function figureDrop(onImages: (files: File[]) => boolean): Extension {
  const take = (event: DragEvent | ClipboardEvent, data: DataTransfer | null, view: EditorView): boolean => {
    const images = imageFilesOf(data);
    if (images.length === 0 || view.state.readOnly || !onImages(images)) return false;
    event.preventDefault();
    return true;
  };
  return EditorView.domEventHandlers({
    drop: (event, view) => {
      if (!take(event, event.dataTransfer, view)) return false;
      // The figure goes where the images were dropped.
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      if (pos !== null) view.dispatch({ selection: { anchor: pos }, userEvent: 'select' });
      return true;
    },
    paste: (event, view) => take(event, event.clipboardData, view),
  });
}
