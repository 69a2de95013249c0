import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../auth/session';
import { formatAmount, formatDate } from '../format';
import { canWrite } from '../shell/areas';
import { LoadFailed, Loading } from '../ui/Loading';
import { notifySuccess } from '../ui/notify';
import { Page } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useMoveOpportunity, useOpportunities, useStages } from './api';
import { OpportunityModal } from './OpportunityModal';
import type { Opportunity, Stage } from './types';

/**
 * The sales funnel as a board: one column per stage with its sums. A card opens with Enter
 * or a click; with the keyboard on a card, Shift+→ and Shift+← move it to the next or previous
 * stage.
 */
export function PipelinePage() {
  const { t } = useTranslation();
  const { company } = useSignedIn();
  const stages = useStages(company.id);
  const list = useOpportunities(company.id);
  const move = useMoveOpportunity(company.id);
  const [target, setTarget] = useState<number | 'new' | null>(null);
  // The card just moved: it is drawn anew in its new column once the list has been read
  // again, and the keyboard goes back to it then, not before.
  const [moved, setMoved] = useState<{ id: number; stageId: number } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const card = document.querySelector<HTMLElement>(
      `[data-opportunity="${moved.id}"][data-stage="${moved.stageId}"]`,
    );
    if (!card) return;
    card.focus();
    setMoved(null);
  });
  const writer = canWrite(company, 'crm');

  const onKey = (event: KeyboardEvent, o: Opportunity, all: Stage[]) => {
    if (!writer || !event.shiftKey) return;
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = all.findIndex((s) => s.id === o.stageId);
    const next = all[index + step];
    if (!next) return;
    move.mutate(
      { id: o.id, stageId: next.id },
      {
        onSuccess: () => {
          notifySuccess(t('crm.pipeline.moved', { title: o.title, stage: next.name }));
          setMoved({ id: o.id, stageId: next.id });
        },
      },
    );
  };

  return (
    <Page
      title={t('crm.pages.pipeline')}
      intro={t('crm.pipeline.intro')}
      wide
      actions={
        writer ? (
          <Button onClick={() => setTarget('new')}>{t('crm.opportunities.new')}</Button>
        ) : null
      }
    >
      <ProblemAlert error={move.error} />
      {stages.isPending || list.isPending ? <Loading /> : null}
      {stages.isError ? <LoadFailed error={stages.error} /> : null}
      {list.isError ? <LoadFailed error={list.error} /> : null}
      {stages.data && list.data ? (
        <ScrollArea type="auto">
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {stages.data.map((stage) => {
              const cards = list.data.filter((o) => o.stageId === stage.id);
              const sum = cards.reduce((s, o) => s + o.amount, 0);
              const weighted = cards.reduce((s, o) => s + o.weighted, 0);
              const color =
                stage.outcome === 'won' ? 'green.0' : stage.outcome === 'lost' ? 'red.0' : 'gray.0';
              return (
                <Paper
                  key={stage.id}
                  withBorder
                  radius="md"
                  p="sm"
                  w={240}
                  miw={220}
                  bg={color}
                  component="section"
                  aria-label={stage.name}
                >
                  <Stack gap={6}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Title order={2} size="h5">
                        {stage.name}
                      </Title>
                      <Badge variant="light" color="gray">
                        {stage.probability} %
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('crm.pipeline.sums', {
                        count: cards.length,
                        amount: formatAmount(sum),
                        weighted: formatAmount(weighted),
                      })}
                    </Text>
                    {cards.map((o) => (
                      <UnstyledButton
                        key={o.id}
                        data-opportunity={o.id}
                        data-stage={o.stageId}
                        onClick={() => setTarget(o.id)}
                        onKeyDown={(event) => onKey(event, o, stages.data)}
                        aria-label={t('crm.pipeline.cardLabel', {
                          title: o.title,
                          contact: o.partyName,
                          amount: formatAmount(o.amount),
                        })}
                      >
                        <Paper withBorder p="xs" radius="sm" bg="white">
                          <Text size="sm" fw={600} truncate>
                            {o.title}
                          </Text>
                          <Text size="xs" truncate>
                            {o.partyName}
                          </Text>
                          <Group justify="space-between" gap={4} mt={4}>
                            <Text size="xs" ff="monospace">
                              {formatAmount(o.amount)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {formatDate(o.expectedClose)}
                            </Text>
                          </Group>
                        </Paper>
                      </UnstyledButton>
                    ))}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      ) : null}
      <OpportunityModal target={target} onClose={() => setTarget(null)} />
    </Page>
  );
}
