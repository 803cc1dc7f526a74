import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { SettingsForm, type SettingsFormProps } from './SettingsForm';

interface Props extends Omit<SettingsFormProps, 'onCancel' | 'disabled'> {
  opened: boolean;
  onClose: () => void;
  title: string;
}

/** A `SettingsForm` in a modal, full screen on a phone; "Cancelar" closes it. */
export function FormModal({ opened, onClose, title, ...form }: Props) {
  const isPhone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} fullScreen={isPhone}>
      <SettingsForm {...form} onCancel={onClose} />
    </Modal>
  );
}
