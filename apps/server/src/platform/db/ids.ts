import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids (UUIDv7): index-friendly and sortable by creation, as every table key uses. */
export function newId(): string {
  return uuidv7();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
