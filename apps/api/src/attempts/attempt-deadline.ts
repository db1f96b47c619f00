/**
 * The moment an attempt stops accepting saves and submits, and its automatic submission falls due: the deadline
 * plus the assessment's grace (for requests still in flight). The one definition of it.
 */
export function writesCloseAt(deadline: Date, graceSeconds: number): Date {
  return new Date(deadline.getTime() + graceSeconds * 1000);
}
