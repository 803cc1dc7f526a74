import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { notifySuccess } from '../../app/problem';
import type { DecisionSummary } from './useDecisions';

/** One expense decided: say what became of it (approved, on to its next level, rejected) or why not. */
export function notifyDecision(summary: DecisionSummary, t: TFunction): void {
  const [failure] = summary.failed;
  if (failure) {
    notifications.show({ color: 'red', message: `${failure.expense.concept}: ${failure.detail}` });
    return;
  }
  const [approved] = summary.approved;
  const [nextLevel] = summary.nextLevel;
  const [rejected] = summary.rejected;
  if (approved) notifySuccess(t('approvals.done.approved', { concept: approved.concept }));
  else if (nextLevel) notifySuccess(t('approvals.done.nextLevel', { concept: nextLevel.concept }));
  else if (rejected) notifySuccess(t('approvals.done.rejected', { concept: rejected.concept }));
}
