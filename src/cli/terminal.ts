/**
 * What reaches a terminal: a cell, sheet or file name may hold escape sequences (ESC [2J clears the
 * screen, OSC 8 forges links, a carriage return overwrites the line, bidi controls reorder it).
 * They are shown as escapes, never passed on raw.
 */

/** C0 controls but tab and newline, DEL, C1 controls, line/paragraph separators, bidi embeddings and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function hex(ch: string, width: number): string {
  return ch.charCodeAt(0).toString(16).padStart(width, '0');
}

/** Text for the terminal: every unsafe character as `\x1b` (or `\u202e` above 0xff). */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, (ch) => (ch.charCodeAt(0) <= 0xff ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`));
}

/**
 * JSON text for the terminal: JSON.stringify already escapes C0 controls; the rest of the unsafe
 * set can only stand inside strings there, where `\uXXXX` reads back as the same character.
 */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE, (ch) => `\\u${hex(ch, 4)}`);
}
