import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A body per request (e.g. a fresh id each time). */
  body?: () => string;
  /**
   * Header sets handed out round-robin, one per request, on top of `headers` (e.g. one
   * signed-in person and team each): with as many sets as connections, the requests in
   * flight at any moment are spread evenly over them.
   */
  rotateHeaders?: Record<string, string>[];
  connections?: number;
  seconds?: number;
}

/** One autocannon run; latency in milliseconds. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const rotation = options.rotateHeaders ?? [];
  let next = 0;
  const dynamic = options.body !== undefined || rotation.length > 0;
  const setupRequest = (request: autocannon.Request): autocannon.Request => ({
    ...request,
    ...(rotation.length > 0 ? { headers: { ...options.headers, ...rotation[next++ % rotation.length] } } : {}),
    ...(options.body ? { body: options.body() } : {}),
  });
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    connections: options.connections ?? 32,
    duration: options.seconds ?? 10,
    requests: dynamic ? [{ setupRequest }] : undefined,
  });
  return {
    name: options.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, baseline: LoadResult, others: LoadResult[]): void {
  const rows = [baseline, ...others].map((r) => ({
    run: r.name,
    'req/s': r.requestsPerSecond,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'req/s vs baseline': (r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
    'p50 vs baseline': (r.p50 / Math.max(baseline.p50, 0.001)).toFixed(2),
    'p99 vs baseline': (r.p99 / Math.max(baseline.p99, 0.001)).toFixed(2),
    'errors/non-2xx': `${r.errors}/${r.non2xx}`,
  }));
  process.stdout.write(`\n${title}\n`);
  console.table(rows);
}
