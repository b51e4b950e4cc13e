/**
 * When a change reached the screen, read from a Chrome trace: for each change mark
 * (bench/driver.ts's CHANGE_MARK), the first main frame the renderer's main thread began after it,
 * and the end of that frame's PipelineReporter, which Chromium closes when the frame is presented.
 * This counts every stage (main thread, commit, raster on worker threads, activation, the display
 * compositor's draw), where an animation frame callback sees only the main thread's share.
 */

/** The fields of a trace event read here. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id2?: { local?: string };
  id?: string;
  args?: { frame_reporter?: { state?: string } };
}

/** One frame's pipeline: begin and end (µs), and the states Chromium gave it. */
interface Span {
  id: string;
  begin: number;
  end: number;
  state: string;
}

/** Async (b/e) spans of one name in one process, paired by id in time order. */
function spans(events: readonly TraceEvent[], name: string, pid: number): Span[] {
  const open = new Map<string, TraceEvent>();
  const out: Span[] = [];
  for (const e of [...events].filter((x) => x.name === name && x.pid === pid).sort((a, b) => a.ts - b.ts)) {
    const id = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') open.set(id, e);
    else if (e.ph === 'e') {
      const begin = open.get(id);
      if (!begin) continue;
      open.delete(id);
      out.push({ id, begin: begin.ts, end: e.ts, state: begin.args?.frame_reporter?.state ?? '' });
    }
  }
  return out;
}

/**
 * Milliseconds from each mark named `mark` to the presentation of the frame that carried the
 * change (NaN where the trace has no presented frame for it).
 */
export function presentationLatencies(events: readonly TraceEvent[], mark: string): number[] {
  const marks = events.filter((e) => e.name === mark).sort((a, b) => a.ts - b.ts);
  if (marks.length === 0) return [];
  const { pid, tid } = marks[0]!;
  const mainFrames = events
    .filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X' && e.pid === pid && e.tid === tid)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const commits = spans(events, 'SendBeginMainFrameToCommit', pid);
  const reporters = spans(events, 'PipelineReporter', pid).filter((r) => r.state.startsWith('STATE_PRESENTED'));
  return marks.map((m) => {
    const frame = mainFrames.find((ts) => ts >= m.ts);
    if (frame === undefined) return NaN;
    // The reporter of that main frame: its commit stage spans the main frame's start.
    const commit = commits.find((c) => c.begin <= frame && c.end >= frame);
    const reporter = commit ? reporters.find((r) => r.id === commit.id && r.begin <= commit.begin && r.end >= commit.end) : undefined;
    return reporter ? (reporter.end - m.ts) / 1000 : NaN;
  });
}

/** The trace categories `presentationLatencies` reads. */
export const PRESENTATION_CATEGORIES = [
  'blink.user_timing',
  'cc',
  'benchmark',
  'disabled-by-default-devtools.timeline.frame',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
];
