/**
 * A button that picks files: main's open dialog under Electron, the browser's own file input in
 * the bridge. Files can also be dropped on the area it sits in (see useFileDrop).
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { hasNativePicker } from './file-pickers';

export function FileButton({
  label,
  accept,
  multiple,
  onFiles,
  className = 'button button--secondary',
  disabled,
  testId,
}: {
  label: ReactNode;
  accept?: string;
  multiple?: boolean;
  /** `undefined` under Electron: main picks the files in its own dialog. */
  onFiles: (files: File[] | undefined) => void;
  className?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => (hasNativePicker ? onFiles(undefined) : input.current?.click())}
      >
        {label}
      </button>
      {hasNativePicker ? null : (
        <input
          ref={input}
          type="file"
          hidden
          accept={accept}
          multiple={multiple}
          data-testid={testId}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      )}
    </>
  );
}

/** Drop handlers for an area that takes files, and whether something is being dragged over it. */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      },
    },
  };
}
