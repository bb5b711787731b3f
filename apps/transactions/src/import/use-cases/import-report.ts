import type { ResolvedTransaction } from '../../domain/transaction-references';
import type { RejectedLine } from '../domain/statement-lines';

/** Lines listed in a report at most (the counts are always complete). */
export const MAX_LISTED_LINES = 1_000;
export const PREVIEW_LINES = 20;

export interface ImportReport {
  dryRun: boolean;
  /** Data lines in the file (the header not counted). */
  lines: number;
  /** Lines that are new: imported, or to be imported by a dry run. */
  fresh: number;
  /** Transactions written (0 for a dry run or a refused all-or-nothing import). */
  imported: number;
  duplicates: number;
  rejected: number;
  /** True when all_or_nothing refused the file because some lines were rejected. */
  refused: boolean;
  rejectedLines: RejectedLine[];
  duplicateLines: number[];
  /** The first new lines as they would be stored, rules applied. */
  preview: { line: number; transaction: ResolvedTransaction }[];
}
