import type { ColumnSizingState, ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../shared/local-store';
import type { ReportDef } from '../report-model/catalog';

interface ColumnPrefs {
  visibility: ColumnVisibilityState;
  sizing: ColumnSizingState;
}

const keyFor = (report: ReportDef) => `wolkvox.columns.${report.api}.v1`;

function load(report: ReportDef): ColumnPrefs {
  const saved = readStored(keyFor(report)) as Partial<ColumnPrefs> | undefined;
  return { visibility: saved?.visibility ?? {}, sizing: saved?.sizing ?? {} };
}

/** Column visibility and widths, remembered per report in this browser. */
export function useColumnPrefs(report: ReportDef) {
  const [state, setState] = useState(() => ({ api: report.api, prefs: load(report) }));
  const prefs = state.api === report.api ? state.prefs : load(report);
  if (state.api !== report.api) setState({ api: report.api, prefs });

  const save = useCallback(
    (patch: Partial<ColumnPrefs>) => {
      setState((current) => {
        const next = { ...current.prefs, ...patch };
        writeStored(keyFor(report), next);
        return { api: report.api, prefs: next };
      });
    },
    [report],
  );
  // Stable setters: the (memoized) table re-renders only when something it shows changed.
  const setVisibility = useCallback(
    (visibility: ColumnVisibilityState) => save({ visibility }),
    [save],
  );
  const setSizing = useCallback((sizing: ColumnSizingState) => save({ sizing }), [save]);
  return { visibility: prefs.visibility, sizing: prefs.sizing, setVisibility, setSizing };
}
