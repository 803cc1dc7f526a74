import { useCallback, useState } from 'react';

/**
 * Which entry a create/edit modal shows (`null`: a new one). Each opening gets a new `key`, so the
 * modal keyed by it starts its form from that entry; closing keeps the entry while the modal fades out.
 */
export function useEditor<Entry>() {
  const [state, setState] = useState<{ entry: Entry | null; opened: boolean; key: number }>({
    entry: null,
    opened: false,
    key: 0,
  });
  const open = useCallback(
    (entry: Entry | null = null) => setState((last) => ({ entry, opened: true, key: last.key + 1 })),
    [],
  );
  const close = useCallback(() => setState((last) => ({ ...last, opened: false })), []);
  return { ...state, open, close };
}
