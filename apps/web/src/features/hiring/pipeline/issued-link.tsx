import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import type { IssuedInvitationView } from '@takehome/contracts';

/**
 * Only the link's hash is stored, so this is the one moment the lead can copy it (for a chat message, or
 * when the email did not arrive). Closing it forgets it; a resend issues a new one.
 */
export function IssuedLink({ issued, action, onClose }: { issued: IssuedInvitationView; action: 'invited' | 'resent'; onClose: () => void }) {
  return (
    // A named region, since the alert itself is named by its title (which carries the person's name).
    <section aria-label="Invitation link">
      <Alert
        color="green"
        title={action === 'invited' ? `Invited ${issued.name}` : `New link sent to ${issued.name}`}
        withCloseButton
        closeButtonLabel="Dismiss the link"
        onClose={onClose}
        role="status"
      >
        <Text size="sm" mb="xs">
          {issued.sentAt ? `The link was emailed to ${issued.email}.` : `The email to ${issued.email} could not be sent yet; share the link yourself.`} It
          is shown only now.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code style={{ wordBreak: 'break-all' }} aria-label="Link">
            {issued.link}
          </Code>
          <CopyButton value={issued.link}>
            {({ copied, copy }) => (
              <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Alert>
    </section>
  );
}
