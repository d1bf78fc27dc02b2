/** The toolbar's few glyphs, drawn inline (20 px, currentColor) so the page needs no icon package. */
import type { ReactElement } from 'react';

function Icon(p: { d: string }): ReactElement {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" aria-hidden="true">
      <path d={p.d} />
    </svg>
  );
}

export const FolderIcon = () => <Icon d="M2.5 5.5v9a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1V7.5a1 1 0 0 0-1-1H9.5L8 4.5H3.5a1 1 0 0 0-1 1Z" />;
export const SaveIcon = () => <Icon d="M4 3.5h10l2.5 2.5v10a.5.5 0 0 1-.5.5H4a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5Zm2 0v4h7v-4M6 16.5v-5h8v5" />;
export const SamplesIcon = () => <Icon d="M3.5 3.5h13v13h-13Zm0 4.3h13M3.5 12.2h13M7.8 3.5v13M12.2 3.5v13" />;
