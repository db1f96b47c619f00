import { AUDIT_ACTION_LABELS, type AuditEventView } from '@takehome/contracts';

/** Whole families of actions, matched by prefix on the server. */
const ACTION_FAMILIES: { value: string; label: string }[] = [
  { value: 'auth.', label: 'Sign-in and sign-out (all)' },
  { value: 'member.', label: 'Team members (all)' },
  { value: 'invitation.', label: 'Invitations (all)' },
  { value: 'review.', label: 'Reviews (all)' },
  { value: 'assessment.', label: 'Assessment settings (all)' },
  { value: 'webhook.', label: 'Webhooks (all)' },
  { value: 'api_key.', label: 'API key (all)' },
];

/** One click to the questions admins ask most. */
export const QUICK_ACTIONS: { value: string; label: string }[] = [
  { value: 'feedback.released', label: 'Feedback released' },
  { value: 'candidate.identity_viewed', label: 'Identity viewed' },
  { value: 'pipeline.exported,audit.exported', label: 'Exports' },
  { value: 'auth.', label: 'Sign-ins' },
];

export function actionOptions(current: string | undefined) {
  const groups = [
    { group: 'Families', items: ACTION_FAMILIES },
    { group: 'Actions', items: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })) },
  ];
  const known = new Set([...groups.flatMap((g) => g.items.map((i) => i.value)), ...QUICK_ACTIONS.map((q) => q.value)]);
  const quick = QUICK_ACTIONS.filter((q) => q.value.includes(',')).map((q) => ({ value: q.value, label: q.label }));
  const extra = current && !known.has(current) ? [{ value: current, label: current }] : [];
  return [{ group: 'Shortcuts', items: [...quick, ...extra] }, ...groups].filter((g) => g.items.length);
}

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/** Who did it, when no team member did. */
export function actorLabel(event: AuditEventView): string {
  if (event.actorName) return event.actorName;
  if (event.action === 'auth.sign_in_failed') return 'Someone (wrong password)';
  if (event.action === 'api_key.used') return 'API key';
  return event.actorId ? 'Former member' : 'System';
}

/** A short line from the event's data: the values a reader needs, not every id. */
export function detailsOf(event: AuditEventView): string {
  return Object.entries(event.data)
    .filter(([key, value]) => !key.endsWith('Id') && !key.endsWith('Ids') && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ')
    .slice(0, 160);
}
