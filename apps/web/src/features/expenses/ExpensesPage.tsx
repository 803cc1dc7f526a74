import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../app/ComingSoon';

export function ExpensesPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.expenses')} />;
}
