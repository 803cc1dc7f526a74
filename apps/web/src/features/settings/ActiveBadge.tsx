import { Badge } from '@mantine/core';

/** In use or deactivated, with the entry's own wording (a categoría is "Activa", a centro "Activo"). */
export function ActiveBadge({ active, label }: { active: boolean; label: string }) {
  return (
    <Badge
      color={active ? 'green' : 'gray'}
      variant="dot"
      tt="none"
      styles={{ label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  );
}
