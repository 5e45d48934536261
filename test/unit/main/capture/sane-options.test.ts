import { describe, expect, it } from 'vitest';
import {
  capabilitiesOf,
  fullAreaArgs,
  parseSaneOptions,
  saneModeName,
  saneSourceName,
} from '../../../../src-main/capture/sane/sane-options';
import { nearestResolution } from '../../../../src-shared/capture/scan-options';

// The shape of `scanimage -A` for a duplex office scanner (fujitsu/epsonds-style option
// names), which the `test` backend cannot show: list resolutions, lineart, duplex.
const DUPLEX_SCANNER = `
All options specific to device \`fujitsu:fi-7160:12345':
  Standard:
    --source Flatbed|ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50|100|150|200|240|300|400|600dpi [600]
        Sets the resolution of the scanned image.
    --swdeskew[=(yes|no)] [no]
        Request driver to rotate skewed pages digitally.
  Geometry:
    -l 0..215.872mm [0]
    -t 0..355.6mm [0]
    -x 0..215.872mm [215.872]
    -y 0..355.6mm [279.364]
`;

describe('scanimage -A parsing', () => {
  const options = parseSaneOptions(DUPLEX_SCANNER);

  it('reads list options, ranges, booleans and current values', () => {
    expect(options.get('source')).toEqual({
      name: 'source',
      values: ['Flatbed', 'ADF Front', 'ADF Back', 'ADF Duplex'],
      current: 'ADF Front',
    });
    expect(options.get('resolution')?.values).toEqual([
      '50',
      '100',
      '150',
      '200',
      '240',
      '300',
      '400',
      '600',
    ]);
    expect(options.get('swdeskew')).toEqual({ name: 'swdeskew', values: ['yes', 'no'], current: 'no' });
  });

  it('asks for the whole area the device can scan, so nothing is cropped away', () => {
    expect(options.get('y')).toEqual({
      name: 'y',
      values: [],
      range: { min: 0, max: 355.6 },
      current: '279.364',
    });
    expect(fullAreaArgs(options)).toEqual(['-l', '0', '-t', '0', '-x', '215.872', '-y', '355.6']);
    expect(fullAreaArgs(parseSaneOptions('    --mode Color [Color]\n'))).toEqual([]);
  });

  it('maps the device’s names to our sources and modes', () => {
    expect(saneSourceName(options, 'duplex')).toBe('ADF Duplex');
    expect(saneSourceName(options, 'adf')).toBe('ADF Front');
    expect(saneSourceName(options, 'flatbed')).toBe('Flatbed');
    expect(saneModeName(options, 'bitonal')).toBe('Lineart');
    expect(saneModeName(options, 'color')).toBe('Color');
  });

  it('describes capabilities and picks the nearest resolution the device has', () => {
    const capabilities = capabilitiesOf(options);
    expect(capabilities).toEqual({
      sources: ['flatbed', 'adf', 'duplex'],
      modes: ['color', 'gray', 'bitonal'],
      resolutions: { kind: 'list', values: [50, 100, 150, 200, 240, 300, 400, 600] },
    });
    expect(nearestResolution(capabilities, 300)).toBe(300);
    expect(nearestResolution(capabilities, 250)).toBe(240);
    expect(nearestResolution(capabilities, 1200)).toBe(600);
  });

  it('treats a device without a source option as a flatbed', () => {
    const flatbedOnly = parseSaneOptions(
      '    --mode Color|Gray [Color]\n    --resolution 75..2400dpi [300]\n',
    );
    expect(capabilitiesOf(flatbedOnly)).toEqual({
      sources: ['flatbed'],
      modes: ['color', 'gray'],
      resolutions: { kind: 'range', min: 75, max: 2400 },
    });
  });
});
