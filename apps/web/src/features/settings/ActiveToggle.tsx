import { useTranslation } from 'react-i18next';
import { ActionButton } from './ActionButton';

interface Props {
  entry: { name: string; active: boolean };
  setActive: (active: boolean) => Promise<unknown>;
  queryKey: readonly unknown[];
}

/** "Desactivar" / "Reactivar": a deactivated entry stays on past expenses but is not offered for new ones. */
export function ActiveToggle({ entry: { name, active }, setActive, queryKey }: Props) {
  const { t } = useTranslation();
  return (
    <ActionButton
      label={t(active ? 'settings.deactivate' : 'settings.reactivate')}
      ariaLabel={t(active ? 'settings.deactivateNamed' : 'settings.reactivateNamed', { name })}
      color={active ? 'red' : 'green'}
      run={() => setActive(!active)}
      done={t(active ? 'settings.deactivated' : 'settings.reactivated', { name })}
      queryKey={queryKey}
    />
  );
}
