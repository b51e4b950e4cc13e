import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../src/data/csv';

describe('parseCsv', () => {
  it.each([
    {
      title: 'plain',
      text: 'a,b\n1,2\n',
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      title: 'no trailing newline',
      text: 'a,b\n1,2',
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    {
      title: 'CRLF and BOM',
      text: '\ufeffa,b\r\n1,2\r\n',
      rows: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    { title: 'quoted comma, quote and newline', text: 'x\n"a, ""b""\nc"\n', rows: [['x'], ['a, "b"\nc']] },
    { title: 'empty fields', text: ',\n', rows: [['', '']] },
    { title: 'empty input', text: '', rows: [] },
  ])('parseCsv: $title', ({ text, rows }) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('parseCsvRecords', () => {
  it('parseCsvRecords keys fields by header and keeps leading zeros', () => {
    expect(parseCsvRecords('geo,year,n00923\n0114,2022,80.55\n')).toEqual([{ geo: '0114', year: '2022', n00923: '80.55' }]);
  });
});
