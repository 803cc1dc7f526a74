import { useQuery } from '@tanstack/react-query';
import { CatalogSection } from './CatalogSection';
import { CostCenterModal } from './CostCenterModal';
import { listCostCenters, settingsKeys, updateCostCenter } from './settings.api';

/** Branches, departments or projects an expense may be charged to: a code and a name each. */
export function CostCentersSection({
  organizationId,
  canManage,
}: {
  organizationId: string;
  canManage: boolean;
}) {
  const queryKey = settingsKeys.costCenters(organizationId);
  const costCenters = useQuery({ queryKey, queryFn: listCostCenters });
  return (
    <CatalogSection
      kind="costCenters"
      query={costCenters}
      queryKey={queryKey}
      columns={[]}
      canManage={canManage}
      setActive={(costCenter, active) => updateCostCenter(costCenter.id, { active })}
      modal={(editor) => (
        <CostCenterModal
          key={editor.key}
          costCenter={editor.entry}
          opened={editor.opened}
          onClose={editor.close}
          organizationId={organizationId}
        />
      )}
    />
  );
}
