export const MAX_DEVICE_NAME_LENGTH = 100;

/** A device name as the person will see it in their session list: printable, trimmed, bounded. */
export function cleanDeviceName(name: string): string {
  return Array.from(name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
    .slice(0, MAX_DEVICE_NAME_LENGTH)
    .join('');
}
