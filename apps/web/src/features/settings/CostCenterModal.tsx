import { useTranslation } from 'react-i18next';
import type { CostCenter } from '../../api/types';
import { CatalogEntryModal } from './CatalogEntryModal';
import { costCenterInput, costCenterRules, costCenterValues } from './catalog-form';
import { createCostCenter, settingsKeys, updateCostCenter } from './settings.api';
import { useCatalogForm } from './useCatalogForm';

interface Props {
  /** The cost center to edit, or `null` for a new one. */
  costCenter: CostCenter | null;
  opened: boolean;
  onClose: () => void;
  organizationId: string;
}

/** "Nuevo centro de costos" / "Editar": a name and a code. */
export function CostCenterModal({ costCenter, opened, onClose, organizationId }: Props) {
  const { t } = useTranslation();
  const { form, saver } = useCatalogForm({
    entry: costCenter,
    initialValues: costCenterValues(costCenter),
    validate: costCenterRules(t),
    toInput: costCenterInput,
    create: createCostCenter,
    update: updateCostCenter,
    queryKey: settingsKeys.costCenters(organizationId),
    kind: 'costCenters',
    onClose,
  });
  return (
    <CatalogEntryModal
      editing={costCenter?.name ?? null}
      opened={opened}
      onClose={onClose}
      saver={saver}
      field={form.getInputProps}
      kind="costCenters"
    />
  );
}
