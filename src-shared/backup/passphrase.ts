/** The recovery passphrase's one rule, checked by the form and by main. */
export const MIN_PASSPHRASE_LENGTH = 12;

export const passphraseLongEnough = (passphrase: string) =>
  [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH;
