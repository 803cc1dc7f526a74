import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../app/ComingSoon';

export function ApprovalsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.approvals')} />;
}
