import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { usernameSchema } from '../../src-shared/domain/account';
import { passwordProblems } from '../../src-shared/domain/password-policy';
import { passphraseLongEnough } from '../../src-shared/backup/passphrase';

/** Form rules built from the shared rules main enforces, so the form says it first. */
export const usernameRules = (t: TFunction): Rule[] => [
  { required: true, message: t('auth.usernameRequired') },
  {
    validator: async (_rule, value: string | undefined) => {
      if (value && !usernameSchema.safeParse(value).success) throw new Error(t('auth.usernameRule'));
    },
  },
];

export const newPasswordRules = (t: TFunction): Rule[] => [
  { required: true, message: t('auth.passwordRequired') },
  {
    validator: async (_rule, value: string | undefined) => {
      if (value && passwordProblems(value).length > 0) throw new Error(t('auth.passwordRule'));
    },
  },
];

/** "Repeat the password" must equal the field named `field`. */
export const confirmRules = (t: TFunction, field: string): Rule[] => [
  { required: true, message: t('auth.passwordRequired') },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value && value !== getFieldValue(field)) throw new Error(t('auth.passwordsDiffer'));
    },
  }),
];

export const passphraseRules = (t: TFunction): Rule[] => [
  { required: true, message: t('backup.passphraseRequired') },
  {
    validator: async (_rule, value: string | undefined) => {
      if (value && !passphraseLongEnough(value)) throw new Error(t('backup.passphraseRequired'));
    },
  },
];

export const passphraseConfirmRules = (t: TFunction, field: string): Rule[] => [
  { required: true, message: t('backup.passphraseRequired') },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value && value !== getFieldValue(field)) throw new Error(t('backup.passphrasesDiffer'));
    },
  }),
];
