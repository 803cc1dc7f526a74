import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../app/ComingSoon';

export function SettingsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.organization')} />;
}
