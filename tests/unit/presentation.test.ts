/** bench/presentation.ts: pairing each change mark with the presentation of the frame that carried it, on a hand-made trace. */
import { describe, expect, it } from 'vitest';
import { presentationLatencies, type TraceEvent } from '../../bench/presentation';

const PID = 7;
const MAIN = 1;
const IMPL = 2;

/** One frame: BeginImplFrame at `begin` µs, main frame run at `main`, its commit stage, presented at `end` (or dropped). */
function frame(id: string, begin: number, main: number, end: number, state = 'STATE_PRESENTED_ALL'): TraceEvent[] {
  return [
    { name: 'PipelineReporter', ph: 'b', ts: begin, pid: PID, tid: IMPL, id2: { local: id }, args: { frame_reporter: { state } } },
    { name: 'SendBeginMainFrameToCommit', ph: 'b', ts: main - 100, pid: PID, tid: IMPL, id2: { local: id } },
    { name: 'ProxyMain::BeginMainFrame', ph: 'X', ts: main, dur: 2000, pid: PID, tid: MAIN },
    { name: 'SendBeginMainFrameToCommit', ph: 'e', ts: main + 2500, pid: PID, tid: IMPL, id2: { local: id } },
    { name: 'PipelineReporter', ph: 'e', ts: end, pid: PID, tid: IMPL, id2: { local: id } },
  ];
}

const mark = (ts: number): TraceEvent => ({ name: 'klyft-change', ph: 'I', ts, pid: PID, tid: MAIN });

describe('presentationLatencies(events, mark)', () => {
  it('times each mark to the end of the pipeline of the first main frame begun after it', () => {
    const events = [
      ...frame('0x1', 0, 500, 9_000),
      mark(10_000),
      ...frame('0x2', 16_000, 16_300, 24_000),
      ...frame('0x3', 32_000, 32_200, 40_500),
      mark(41_000),
      ...frame('0x4', 48_000, 48_100, 53_000),
    ];
    expect(presentationLatencies(events, 'klyft-change')).toEqual([14, 12]);
  });

  it('pairs the main frame with its own reporter when two frames are in flight (ids tell them apart)', () => {
    const events = [mark(1_000), ...frame('0xa', 0, 1_500, 30_000), ...frame('0xb', 16_000, 16_200, 20_000)];
    expect(presentationLatencies(events, 'klyft-change')).toEqual([29]);
  });

  it('gives NaN for a change whose frame was not presented, and [] without marks', () => {
    const events = [mark(1_000), ...frame('0x1', 0, 1_500, 9_000, 'STATE_DROPPED')];
    expect(presentationLatencies(events, 'klyft-change')).toEqual([NaN]);
    expect(presentationLatencies(frame('0x1', 0, 1_500, 9_000), 'klyft-change')).toEqual([]);
  });

  it('ignores main frames of other threads and processes', () => {
    const other = frame('0x9', 2_000, 2_100, 3_000).map((e) => ({ ...e, pid: 99 }));
    const events = [mark(1_000), ...other, ...frame('0x1', 4_000, 4_200, 12_000)];
    expect(presentationLatencies(events, 'klyft-change')).toEqual([11]);
  });
});
