import { buildCsvBlob } from '../../src/export/write-csv';
import { yieldToMain } from '../../src/shared/yield-to-main';
import { findReport } from '../../src/report-model/catalog';

vi.mock('../../src/shared/yield-to-main', () => ({
  yieldToMain: vi.fn(() => Promise.resolve()),
}));

describe('buildCsvBlob and the event loop', () => {
  it('yields to the main thread after the header and after every slice of rows', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ conn_id: `c${i}` }));
    const columns = findReport(10)!.columns.slice(0, 1);
    const events: string[] = [];
    vi.mocked(yieldToMain).mockImplementation(() => {
      events.push('yield');
      return Promise.resolve();
    });
    await buildCsvBlob({
      columns,
      rows,
      chunkRows: 3,
      onProgress: (written) => events.push(`progress ${written}`),
    });
    expect(events).toEqual([
      'progress 0',
      'yield',
      'progress 3',
      'yield',
      'progress 6',
      'yield',
      'progress 7',
      'yield',
    ]);
  });
});
