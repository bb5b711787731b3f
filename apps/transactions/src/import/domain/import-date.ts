import { civilDate, daysInMonth, type CivilDate } from '../../planning/domain/civil-date';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ].*)?$/;

/**
 * The calendar date of a statement line in the given format ("-", "/" or "." may
 * separate the parts; a time after the date is ignored: bank statements date lines by
 * day). Undefined when it is not a real date between 1900 and 9999.
 */
export function parseImportDate(raw: string, format: DateFormat): CivilDate | undefined {
  const text = raw.trim();
  let year: number;
  let month: number;
  let day: number;
  if (format === 'YYYY-MM-DD') {
    const match = YMD.exec(text);
    if (!match) return undefined;
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    const match = DAY_FIRST_OR_MONTH_FIRST.exec(text);
    if (!match) return undefined;
    year = Number(match[3]);
    [day, month] = format === 'DD/MM/YYYY' ? [Number(match[1]), Number(match[2])] : [Number(match[2]), Number(match[1])];
  }
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return civilDate(year, month, day);
}
