import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

/** The grid's active cell: row -1 is the header row. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/**
 * The WAI-ARIA grid pattern's keyboard model over a virtualised body: one tab stop (the active
 * cell, roving tabindex); arrows, Home/End (Ctrl: first/last row), PageUp/PageDown move it; Enter
 * or Space activates (sorts a header, opens a row). `reveal` scrolls a row into the rendered
 * window before focus moves there.
 */
export function useGridKeys(opts: {
  readonly rows: number;
  readonly cols: number;
  readonly pageRows: number;
  readonly reveal: (row: number) => void;
  readonly activate: (cell: Cell) => void;
}) {
  const [active, setActive] = useState<Cell>({ row: -1, col: 0 });
  const grid = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const { rows, cols } = opts;
  // Rows can shrink under the active cell (a stricter filter): keep it inside the grid.
  const clamped: Cell = {
    row: Math.min(active.row, rows - 1),
    col: Math.min(active.col, cols - 1),
  };

  const focusCell = useCallback((cell: Cell) => {
    const el = grid.current?.querySelector<HTMLElement>(
      `[data-cell="${String(cell.row)}:${String(cell.col)}"]`,
    );
    if (el === null || el === undefined) return false;
    el.focus();
    return true;
  }, []);

  // After a move the target cell may only exist once the virtualiser has rendered it.
  useEffect(() => {
    if (focusPending.current && focusCell(clamped)) focusPending.current = false;
  });

  const moveTo = (cell: Cell): void => {
    const next = {
      row: Math.max(-1, Math.min(rows - 1, cell.row)),
      col: Math.max(0, Math.min(cols - 1, cell.col)),
    };
    setActive(next);
    if (next.row >= 0) opts.reveal(next.row);
    focusPending.current = !focusCell(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    const { row, col } = clamped;
    const page = Math.max(1, opts.pageRows);
    const moves: Record<string, () => Cell> = {
      ArrowDown: () => ({ row: row + 1, col }),
      ArrowUp: () => ({ row: row - 1, col }),
      ArrowRight: () => ({ row, col: col + 1 }),
      ArrowLeft: () => ({ row, col: col - 1 }),
      PageDown: () => ({ row: row + page, col }),
      PageUp: () => ({ row: Math.max(0, row - page), col }),
      Home: () => (e.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 }),
      End: () => (e.ctrlKey ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 }),
    };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      moveTo(move());
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      opts.activate(clamped);
    }
  };

  /** Props for the cell at (row, col): the single tab stop and its focus tracking. */
  const cellProps = (row: number, col: number) => ({
    'data-cell': `${String(row)}:${String(col)}`,
    tabIndex: row === clamped.row && col === clamped.col ? 0 : -1,
    onFocus: () => {
      if (row !== clamped.row || col !== clamped.col) setActive({ row, col });
    },
  });

  return { grid, active: clamped, onKeyDown, cellProps, moveTo };
}
