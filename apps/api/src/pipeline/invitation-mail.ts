import type { InvitationKind } from '@takehome/contracts';
import type { OutgoingMail } from '../mail/mail.service';

export interface InvitationMailInput {
  kind: InvitationKind;
  name: string;
  email: string;
  assessmentName: string;
  organizationName: string;
  timeLimitMinutes: number;
  accommodationMinutes: number;
  link: string;
  expiresAt: Date;
  resent?: boolean;
}

function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}

const formatMoment = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The invitation email. It says how long the work takes (accommodation included) and that the clock starts
 * only on Start, so nobody opens the link at a bad moment; a pilot invitation says plainly that it is the
 * team's own trial run, not a hiring step.
 */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const total = input.timeLimitMinutes + input.accommodationMinutes;
  const time =
    input.accommodationMinutes > 0
      ? `${formatDuration(total)} (${formatDuration(input.timeLimitMinutes)} plus ${formatDuration(input.accommodationMinutes)} of extra time)`
      : formatDuration(total);
  const pilot = input.kind === 'PILOT';
  const intro = pilot
    ? [
        `you are invited to pilot the "${input.assessmentName}" assessment for the team.`,
        'This is a pilot: you take it as a candidate would, before any candidate sees it, so the team can check the',
        'challenge, the time limit and the rubric. It is not part of any hiring decision about you.',
      ]
    : [`${input.organizationName} invites you to take the "${input.assessmentName}" assessment.`];
  const lines = [
    `Hello ${input.name},`,
    '',
    ...(input.resent ? ['this is a new link for your invitation; any earlier link no longer works.', ''] : []),
    ...intro,
    '',
    `Time: ${time}. The clock starts when you press Start, not when you open the link.`,
    `Open it here: ${input.link}`,
    `The link can be used to start until ${formatMoment(input.expiresAt)}.`,
    'The link is personal: please do not forward it.',
    '',
    `— ${input.organizationName}`,
  ];
  return {
    to: input.email,
    subject: pilot ? `Pilot for the team: ${input.assessmentName}` : `Your invitation: ${input.assessmentName}`,
    text: lines.join('\n'),
  };
}
