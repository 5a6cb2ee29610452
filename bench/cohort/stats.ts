/**
 * Small helpers shared by the cohort benchmarks: percentiles, the machine's load, and CPU time of a
 * process tree from /proc (contention inflates wall time on a shared machine; CPU time much less).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/** Rounded to d decimals. */
export const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** "load average 1/5/15 min on N cores", for every printed and stored result. */
export const machineLoad = (): string =>
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} on ${String(cpus().length)} cores`;

/** Linux clock ticks per second for /proc/<pid>/stat utime and stime. */
const TICKS = 100;

/** CPU time (ms) used so far by a process and all its descendants. */
export function treeCpuMs(pid: number): number {
  const stat = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stat.set(Number(name), { parent: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  let ticks = 0;
  for (const [p, v] of stat) {
    for (let q: number | undefined = p; q !== undefined && q > 1; q = stat.get(q)?.parent)
      if (q === pid) {
        ticks += v.ticks;
        break;
      }
  }
  return (ticks * 1000) / TICKS;
}

/** CPU time (ms) this Node process used so far (every thread, native DuckDB's included). */
export const selfCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Resets the kernel's peak RSS of this process (VmHWM; Linux /proc/self/clear_refs), so peakRss()
 * is the peak from now on without sampling on main's thread (issue 20, 0067: sampling rss() every
 * 20 ms cost a loaded pull ~0.3 s of main's time the raw fetch did not pay). False where it cannot.
 */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS (bytes) of this process since resetPeakRss(), or undefined without /proc. */
export function peakRss(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
