import type { PullProgress } from '../../../shared/vault/vault';

/**
 * How `cli pull` shows progress on stderr (issue 23): a bar redrawn in place on a terminal, plain
 * lines (one per page the node sent) otherwise, so logs of scripted runs stay readable.
 */
export function progressPrinter(
  write: (text: string) => void,
  tty: boolean,
  width = 30,
): { update(p: PullProgress): void; end(): void } {
  let drawn = false;
  return {
    update(p) {
      const total = p.totalRecords;
      const part = total === undefined || total === 0 ? undefined : Math.min(1, p.records / total);
      const count = `${String(p.records)}${total === undefined ? '' : `/${String(total)}`} records`;
      const eta =
        p.etaSeconds === undefined ? '' : `, about ${String(Math.ceil(p.etaSeconds))} s left`;
      if (!tty) {
        const pct = part === undefined ? '' : ` (${String(Math.floor(part * 100))}%)`;
        write(`${p.nodeId}/${p.datasetId}: ${p.state}, ${count}${pct}${eta}\n`);
        return;
      }
      const filled = part === undefined ? 0 : Math.round(part * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      write(`\r${p.datasetId} ${bar} ${count}${eta}\u001b[K`);
      drawn = true;
    },
    end() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}
