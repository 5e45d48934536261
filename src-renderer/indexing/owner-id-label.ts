import type { RecordFields } from '../../src-shared/domain/record-fields';

/** The i18n key of the owner's ID number's label: a passport's for a foreign national. */
export const ownerIdLabelKey = (fields: Pick<RecordFields, 'ownerIdKind'>) =>
  fields.ownerIdKind === 'passport' ? 'indexing.fields.ownerPassport' : 'indexing.fields.ownerIdNumber';
