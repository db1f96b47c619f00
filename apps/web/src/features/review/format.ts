/** "3 h 5 min", "2 d 4 h": how long someone has been waiting, at the precision that matters for a queue. */
export function formatWaiting(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const recommendationLabels = { STRONG_YES: 'Strong yes', YES: 'Yes', NO: 'No', STRONG_NO: 'Strong no' } as const;

/** "due in 2 days", "due in 5 h", "overdue by 3 h": the largest unit that is at least 1, rounded down. */
export function formatDue(dueAt: Date, now: Date = new Date()): { text: string; overdue: boolean } {
  const ms = dueAt.getTime() - now.getTime();
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const span = days >= 2 ? `${days} days` : hours >= 1 ? `${hours} h` : `${minutes} min`;
  return { text: overdue ? `overdue by ${span}` : `due in ${span}`, overdue };
}
