import {
  Badge,
  Button,
  Flex,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isOwner } from '../../api/session';
import type { Me } from '../../api/types';
import {
  type SetupStep,
  type SetupStepState,
  useChecklistHidden,
  useSetupSteps,
} from './setup-checklist.hooks';

const BADGE_COLOR: Record<SetupStepState, string> = {
  done: 'teal',
  todo: 'blue',
  checking: 'gray',
  unknown: 'yellow',
};

/**
 * "Configura CajaChica": the owner's first steps on the home page, until all are done or the owner
 * hides it. Only the owner does them all (fiscal data and the plan are theirs alone).
 */
export function SetupChecklist({ me }: { me: Me }) {
  if (!isOwner(me)) return null;
  // Keyed: switching organization starts from that organization's steps and "hidden" choice.
  return <OwnerChecklist key={me.organization.id} organizationId={me.organization.id} />;
}

function OwnerChecklist({ organizationId }: { organizationId: string }) {
  const [hidden, hide] = useChecklistHidden(organizationId);
  // Hidden: not even its queries run.
  if (hidden) return null;
  return <ChecklistCard organizationId={organizationId} onHide={hide} />;
}

function ChecklistCard({ organizationId, onHide }: { organizationId: string; onHide: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const steps = useSetupSteps(organizationId);
  const done = steps.filter((step) => step.state === 'done').length;
  // Shown as soon as one step is known to be missing (or could not be checked); gone once all are done.
  if (!steps.some((step) => step.state === 'todo' || step.state === 'unknown')) return null;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Title order={2} size="h3" id={headingId}>
              {t('home.setup.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('home.setup.subtitle')}
            </Text>
          </div>
          {/* Never squeezed by a long title on a phone. */}
          <Button variant="subtle" color="gray" size="xs" onClick={onHide} style={{ flexShrink: 0 }}>
            {t('home.setup.hide')}
          </Button>
        </Group>
        <div>
          <Text size="sm" fw={500} mb={6}>
            {t('home.setup.progress', { done, total: steps.length })}
          </Text>
          {/* The line above says it in words; the bar is only its picture. */}
          <Progress value={(done / steps.length) * 100} color="teal" size="sm" aria-hidden />
        </div>
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step, index) => (
            <StepItem key={step.id} step={step} number={index + 1} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function StepItem({ step, number }: { step: SetupStep; number: number }) {
  const { t } = useTranslation();
  const isDone = step.state === 'done';
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      bg={isDone ? 'var(--mantine-color-gray-0)' : undefined}
    >
      <Flex
        direction={{ base: 'column', sm: 'row' }}
        align={{ base: 'stretch', sm: 'center' }}
        gap={{ base: 'sm', sm: 'md' }}
      >
        <Group align="flex-start" wrap="nowrap" gap="sm" style={{ flex: 1 }}>
          <StepMarker state={step.state} number={number} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} c={isDone ? 'dimmed' : undefined}>
                {t(`home.setup.steps.${step.id}.title`)}
              </Text>
              {/* The state in words, for everyone: the marker beside it is decoration. */}
              <Badge color={BADGE_COLOR[step.state]} variant="light" size="sm">
                {t(`home.setup.state.${step.state}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`home.setup.steps.${step.id}.body`)}
            </Text>
          </div>
        </Group>
        <Button
          component={Link}
          to={step.to}
          variant={isDone ? 'default' : 'filled'}
          size="sm"
          style={{ flexShrink: 0 }}
        >
          {t(isDone ? `home.setup.steps.${step.id}.review` : `home.setup.steps.${step.id}.action`)}
        </Button>
      </Flex>
    </Paper>
  );
}

function StepMarker({ state, number }: { state: SetupStepState; number: number }) {
  if (state === 'checking') {
    return (
      <ThemeIcon size={28} radius="xl" variant="light" color="gray" aria-hidden>
        <Loader size={14} color="gray" />
      </ThemeIcon>
    );
  }
  return (
    <ThemeIcon
      size={28}
      radius="xl"
      variant={state === 'done' ? 'filled' : 'light'}
      color={BADGE_COLOR[state]}
      aria-hidden
    >
      <Text span fz="sm" fw={700}>
        {state === 'done' ? '✓' : state === 'unknown' ? '!' : number}
      </Text>
    </ThemeIcon>
  );
}
