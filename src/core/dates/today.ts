/**
 * Today as the user's calendar day, in ISO: deadlines are days where the staff are, and a Beijing
 * morning is still yesterday in UTC. The one place that reads the clock for a date; the edges (the
 * pane's Office entry, the workbench, the command line) call it and hand the day down.
 */
export function localIsoDate(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
