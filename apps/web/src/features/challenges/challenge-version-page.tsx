import { Alert, Anchor, Badge, Breadcrumbs, Code, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ChallengeVersionDetail } from '@takehome/contracts';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useChallengeVersion } from '../../hooks/use-challenges';
import { FileBrowser } from './file-browser';
import { NewVersionPanel } from './new-version-panel';
import { PromptTab } from './prompt-tab';
import { RubricTab } from './rubric-tab';
import { shortHash } from './format';
import { VerificationBadge } from './verification-badge';
import { VerifyPanel } from './verify-panel';
import { VersionsTab } from './versions-tab';

const tabs = ['prompt', 'files', 'tests', 'rubric', 'versions', 'new-version', 'verify'] as const;
type TabName = (typeof tabs)[number];

const pick = (files: Record<string, string>, test: (path: string) => boolean) =>
  Object.fromEntries(Object.entries(files).filter(([path]) => test(path)));

export function ChallengeVersionPage() {
  const { challengeId = '', versionId = '' } = useParams();
  const { data, error, isPending } = useChallengeVersion(challengeId, versionId);
  if (isPending) return <Loader aria-label="Loading the challenge version" />;
  if (error) return <Alert color="red" title="Could not load this version">{error.message}</Alert>;
  // Keyed by version so the forms start from the version shown, not from the one before a navigation.
  return <VersionView key={data.id} version={data} />;
}

function VersionView({ version }: { version: ChallengeVersionDetail }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The tab lives in the URL, so a link (or a reload) opens the same tab.
  const tab: TabName = tabs.includes(params.get('tab') as TabName) ? (params.get('tab') as TabName) : 'prompt';
  const tests = pick(version.files, (p) => p.startsWith('tests/'));

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/challenges">
          Challenges
        </Anchor>
        <Text>{version.title}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm">
          <Title order={1}>{version.title}</Title>
          <Badge size="lg" variant="outline">
            v{version.version}
          </Badge>
          <VerificationBadge status={version.verification.status} />
        </Group>
        <Text c="dimmed">{version.summary}</Text>
        <Group gap="lg" mt="xs">
          <Text size="sm">
            <b>{version.timeLimitMinutes}</b> minutes
          </Text>
          <Text size="sm">Runtimes: {version.runtimes.join(', ')}</Text>
          <Text size="sm">Role: {version.roleType.toLowerCase()}</Text>
          <Text size="sm">
            Hash <Code>{shortHash(version.contentHash)}</Code>
          </Text>
        </Group>
      </div>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'prompt' }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="prompt">Prompt</Tabs.Tab>
          <Tabs.Tab value="files">Files</Tabs.Tab>
          <Tabs.Tab value="tests">Tests</Tabs.Tab>
          <Tabs.Tab value="rubric">Rubric</Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
          <Tabs.Tab value="new-version">New version</Tabs.Tab>
          <Tabs.Tab value="verify">Verify</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="prompt" pt="md">
          <PromptTab prompt={version.prompt} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <FileBrowser files={version.files} label="Package files" />
        </Tabs.Panel>
        <Tabs.Panel value="tests" pt="md">
          <Text size="sm" c="dimmed" mb="sm">
            tests/visible is the practice suite candidates can run and read; tests/hidden grades them and is never shown.
          </Text>
          <FileBrowser files={tests} label="Test files" />
        </Tabs.Panel>
        <Tabs.Panel value="rubric" pt="md">
          <RubricTab rubric={version.rubric} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsTab challengeId={version.challengeId} currentVersionId={version.id} />
        </Tabs.Panel>
        <Tabs.Panel value="new-version" pt="md">
          <NewVersionPanel
            version={version}
            onSaved={(saved) => navigate(`/challenges/${saved.challengeId}/versions/${saved.versionId}?tab=prompt`)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="verify" pt="md">
          <VerifyPanel version={version} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
