import { Text } from '@mantine/core';

/** An entry's name over its code, the way a table's first column (or a phone's card title) names it. */
export function NameAndCode({ name, code }: { name: string; code: string }) {
  return (
    <>
      <Text fw={500} size="sm">
        {name}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {code}
      </Text>
    </>
  );
}
