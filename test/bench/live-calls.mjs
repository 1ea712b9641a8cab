// What one load cost in wolkvox calls: from the fake's record of every report call (its own
// view of what reached "wolkvox") and the production server's audit lines.

/**
 * The report calls the fake received from index `since` on, and the server's `audit` lines
 * (one per call it answered: `source` wolkvox, shared or cache). `fakeMs` is the fake's own
 * time per call (receipt → answer written) less its configured latency: the cost of making
 * the answer, which is the fake's, not the app's.
 */
export function callFigures(fake, since, audit, latencyMs) {
  const records = fake.stats.calls.slice(since);
  // Report calls only (not information.php: connectors, token_info).
  audit = audit.filter((line) => line.api?.startsWith('chat_'));
  const bySource = (source) => audit.filter((line) => line.source === source);
  return {
    calls: records.length,
    answered: records.filter((r) => r.status === 200).length,
    capped: records.filter((r) => r.status === 200 && r.rows >= 60_000).length,
    refusedBusy: records.filter((r) => /SIMULTANEOUS/.test(r.msg ?? '')).length,
    otherErrors: records.filter((r) => r.status !== 200 && !/SIMULTANEOUS/.test(r.msg ?? ''))
      .length,
    maxInFlight: records.reduce((max, r) => Math.max(max, r.concurrent), 0),
    rowsServed: records.reduce((sum, r) => sum + (r.rows ?? 0), 0),
    rowsPerCall: records.map((r) => r.rows ?? 0),
    fakeMs: records.filter((r) => r.durationMs !== undefined).map((r) => r.durationMs - latencyMs),
    periods: records.map((r) => `${r.dateIni}-${r.dateEnd}`),
    audit: {
      lines: audit.length,
      wolkvox: bySource('wolkvox').length,
      shared: bySource('shared').length,
      cache: bySource('cache').length,
      serverMs: audit.map((line) => line.ms),
      queuedMs: audit.map((line) => line.queuedMs),
    },
  };
}
