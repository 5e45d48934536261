import { describe, expect, it } from 'vitest';
import { centralQueryOf } from '../../../src-shared/central/central-query';

describe('what SoHoa Central is asked for a lookup query', () => {
  it('asks by owner for an ID number, a tax code or a passport number, in capitals', () => {
    expect(centralQueryOf('087 059 760 822')).toEqual({ ownerId: '087059760822' });
    expect(centralQueryOf('1405295116-001')).toEqual({ ownerId: '1405295116-001' });
    expect(centralQueryOf('m37290827')).toEqual({ ownerId: 'M37290827' });
  });

  it('asks by code or document number, and not at all for names or words', () => {
    expect(centralQueryOf('000.00.12.h20.2026.0070000012')).toEqual({
      code: '000.00.12.H20.2026.0070000012',
    });
    expect(centralQueryOf('908/GPLĐ-SLĐTBXH')).toEqual({ documentNumber: '908/GPLĐ-SLĐTBXH' });
    expect(centralQueryOf('Kim Min-jun')).toBeNull();
    expect(centralQueryOf('nguyen')).toBeNull();
  });
});

describe('a one-stop dossier code', () => {
  it('is asked as itself, in the format the settings give', () => {
    expect(centralQueryOf('000.00.12.h20-241105-0042')).toEqual({ dossierCode: '000.00.12.H20-241105-0042' });
    // Another province's format, once the admin sets it: "H20.24-0042".
    expect(centralQueryOf('H20.24-0042', String.raw`H\d{2}\.\d{2}-\d{4}`)).toEqual({
      dossierCode: 'H20.24-0042',
    });
    expect(centralQueryOf('000.00.12.H20-241105-0042', String.raw`H\d{2}\.\d{2}-\d{4}`)).toBeNull();
  });
});
