import { readdirSync, readFileSync } from 'node:fs';

/** `/proc/<pid>/status` fields, in kB; 0 once the process is gone. */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** `pid` and every process below it (poppler, Tesseract, … started by the app). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // pid (comm) state ppid …: the name may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Exited while the list was read.
    }
  }
  const tree: number[] = [];
  for (const queue = [root]; queue.length;) {
    const pid = queue.pop()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Watches the peak resident memory of a process and its descendants (Linux `/proc`): the
 * largest sum of their resident sets seen at once, or the largest single peak (VmHWM) if a
 * process peaked between two looks. `stop()` returns megabytes.
 */
export function watchPeakMemory(pid: number, everyMs = 10): { stop: () => number } {
  let peakKb = 0;
  const look = () => {
    const tree = processTree(pid);
    const resident = tree.reduce((sum, member) => sum + statusKb(member, 'VmRSS'), 0);
    const single = Math.max(0, ...tree.map((member) => statusKb(member, 'VmHWM')));
    peakKb = Math.max(peakKb, resident, single);
  };
  const timer = setInterval(look, everyMs);
  look();
  return {
    stop: () => {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
