import { Button, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isXml, isZip } from './useCfdiImport';

interface Props {
  onFiles: (accepted: File[], refused: File[]) => void;
  disabled?: boolean;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/**
 * Drop XML or ZIP files here, or pick them with the button (a hidden file input): plain React
 * drag events, no dependency. Other file types are refused with their names.
 */
export function DropZone({ onFiles, disabled = false }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer left.
  const depth = useRef(0);

  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    onFiles(
      files.filter((file) => isXml(file) || isZip(file)),
      files.filter((file) => !isXml(file) && !isZip(file)),
    );
  };

  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    if (!disabled) setOver(true);
  };
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    if (!disabled) take(event.dataTransfer.files);
  };

  return (
    <Paper
      withBorder
      p="xl"
      role="region"
      aria-label={t('expenses.import.dropZone')}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      bg={over ? 'teal.0' : 'gray.0'}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        opacity: disabled ? 0.6 : 1,
        transition: 'background-color 120ms, border-color 120ms',
      }}
    >
      <Stack align="center" gap="xs">
        <Text fw={600} ta="center">
          {over ? t('expenses.import.dropNow') : t('expenses.import.dropHere')}
        </Text>
        <Text size="sm" c="dimmed" ta="center" id={hintId}>
          {t('expenses.import.dropHint')}
        </Text>
        <Button
          variant="light"
          onClick={() => input.current?.click()}
          disabled={disabled}
          aria-describedby={hintId}
        >
          {t('expenses.import.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xml,.zip,application/xml,text/xml,application/zip"
          hidden
          aria-label={t('expenses.import.choose')}
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </Stack>
    </Paper>
  );
}
