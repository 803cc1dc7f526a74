import { useTranslation } from 'react-i18next';
import { BulkResultAlert } from '../../app/BulkResultAlert';
import type { DecisionSummary } from './useDecisions';

/** After a bulk decision: how many were approved, moved to their next level or rejected, and failures. */
export function DecisionSummaryAlert({
  summary,
  onClose,
}: {
  summary: DecisionSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <BulkResultAlert
      title={t('approvals.summary.title')}
      closeLabel={t('approvals.summary.close')}
      counts={[
        summary.approved.length > 0 && t('approvals.summary.approved', { count: summary.approved.length }),
        summary.nextLevel.length > 0 && t('approvals.summary.nextLevel', { count: summary.nextLevel.length }),
        summary.rejected.length > 0 && t('approvals.summary.rejected', { count: summary.rejected.length }),
        summary.failed.length > 0 && t('approvals.summary.failed', { count: summary.failed.length }),
      ]}
      hint={summary.nextLevel.length > 0 && t('approvals.summary.nextLevelHint')}
      failed={summary.failed}
      onClose={onClose}
    />
  );
}
