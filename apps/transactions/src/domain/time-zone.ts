// The IANA zones this runtime knows; 'UTC' is added because some ICU builds list only
// "Etc/UTC" and clients send the short name.
const TIME_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** An IANA time zone name such as "Asia/Dhaka" or "UTC", exactly as listed. */
export function isTimeZone(name: string): boolean {
  return TIME_ZONES.has(name);
}
