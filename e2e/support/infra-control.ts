import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@cashier/testing';

/** Stops or starts the local Kafka broker process (infra/local.sh), for outage tests. */
export function kafkaBroker(action: 'stop' | 'start'): void {
  execFileSync('bash', [join(REPO_ROOT, 'infra', 'local.sh'), `kafka-${action}`], { stdio: 'pipe', timeout: 120_000 });
}

/** Resident memory of a process, in MiB, from /proc. */
export function residentMiB(pid: number): number {
  const status = execFileSync('cat', [`/proc/${pid}/status`]).toString();
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}
