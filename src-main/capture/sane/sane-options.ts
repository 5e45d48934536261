import type { ColorMode, DeviceCapabilities, ScanSource } from '../../../src-shared/capture/scan-options';

/** A SANE option as `scanimage -A` lists it: its allowed values and its current one. */
export interface SaneOption {
  name: string;
  /** For lists, the values; for ranges, empty. */
  values: string[];
  range?: { min: number; max: number };
  current?: string;
}

/**
 * Parses `scanimage -d DEVICE -A`. Each option line is `    --name values [current]`
 * (the scan area uses short names: `    -x 0..200mm [80]`), where values is `a|b|c` or
 * `min..max` with an optional unit.
 */
export function parseSaneOptions(text: string): Map<string, SaneOption> {
  const options = new Map<string, SaneOption>();
  for (const line of text.split('\n')) {
    const match = /^\s+(?:--([a-z0-9-]+)|-([ltxy]))(?:\[=\(([^)]*)\)\]| (.*?))? \[([^\]]*)\]\s*$/.exec(line);
    if (!match) continue;
    const [, long, short, boolValues, spec = '', current] = match;
    const name = long ?? short;
    const option: SaneOption = { name: name!, values: [], current };
    const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)/.exec(spec);
    if (boolValues) option.values = boolValues.split('|');
    else if (range) option.range = { min: Number(range[1]), max: Number(range[2]) };
    else option.values = spec.replace(/(dpi|mm|%|us|pel)$/, '').split('|');
    options.set(name!, option);
  }
  return options;
}

const SOURCE_PATTERNS: Record<ScanSource, (name: string) => boolean> = {
  duplex: (name) => /duplex/i.test(name),
  adf: (name) => /(adf|feeder)/i.test(name) && !/duplex/i.test(name),
  flatbed: (name) => /(flatbed|glass|normal)/i.test(name),
};

const MODE_PATTERNS: Record<ColorMode, (name: string) => boolean> = {
  color: (name) => /colou?r/i.test(name),
  gray: (name) => /gr[ae]y/i.test(name),
  bitonal: (name) => /(lineart|binary|halftone|black)/i.test(name),
};

/** The device's own name for one of our sources or modes, if it has one. */
export function saneSourceName(options: Map<string, SaneOption>, source: ScanSource): string | undefined {
  return options.get('source')?.values.find(SOURCE_PATTERNS[source]);
}

export function saneModeName(options: Map<string, SaneOption>, mode: ColorMode): string | undefined {
  return options.get('mode')?.values.find(MODE_PATTERNS[mode]);
}

/**
 * The whole area the device can scan (DOMAIN.md: nothing cropped away): many backends,
 * the test device among them, default to a smaller window. Empty when it has no area options.
 */
export function fullAreaArgs(options: Map<string, SaneOption>): string[] {
  const args: string[] = [];
  for (const [edge, end] of [
    ['l', 'min'],
    ['t', 'min'],
    ['x', 'max'],
    ['y', 'max'],
  ] as const) {
    const range = options.get(edge)?.range;
    if (range) args.push(`-${edge}`, String(range[end]));
  }
  return args;
}

/** Our view of the device: which sources, modes and resolutions it offers. */
export function capabilitiesOf(options: Map<string, SaneOption>): DeviceCapabilities {
  const sourceOption = options.get('source');
  // A device without a source option is a flatbed.
  const sources = sourceOption
    ? (['flatbed', 'adf', 'duplex'] as const).filter((source) =>
        sourceOption.values.some(SOURCE_PATTERNS[source]),
      )
    : (['flatbed'] as ScanSource[]);
  // A device without a mode option (a file reader, some sheet-fed scanners) delivers one kind of
  // image: page processing turns it into any of ours.
  const modeOption = options.get('mode');
  const modes = (['color', 'gray', 'bitonal'] as const).filter(
    (mode) => !modeOption || modeOption.values.some(MODE_PATTERNS[mode]),
  );
  const resolution = options.get('resolution');
  const resolutions = resolution?.range
    ? {
        kind: 'range' as const,
        min: Math.max(1, Math.ceil(resolution.range.min)),
        max: Math.floor(resolution.range.max),
      }
    : {
        kind: 'list' as const,
        values: (resolution?.values ?? ['300'])
          .map(Number)
          .filter((value) => Number.isInteger(value) && value > 0),
      };
  return { sources: [...sources], modes: [...modes], resolutions };
}
